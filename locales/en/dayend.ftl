# Day-end: totals, the terminal batch, the bank file, reconciliation, the report.

## The report (PDF)

dayend-report-title = Day-end report { $date }
dayend-report-store = { $store } · counter { $counter }
dayend-report-generated = Printed { $at }
dayend-report-closed = Closed by { $name } at { $at }
dayend-report-open = The day is not closed yet.
dayend-section-sales = Sales
dayend-sales-count = Sales
dayend-voids = Voids
dayend-refunds = Card refunds
dayend-partial-refunds = Partial refunds (wallets)
dayend-declined = Declined card attempts
dayend-net-total = Net total
dayend-section-tenders = Payments by tender
dayend-col-tender = Tender
dayend-col-count = Count
dayend-col-amount = Amount
dayend-none = None
dayend-section-cash = Cash drawer
dayend-cash-expected = Cash expected
dayend-cash-counted = Cash counted
dayend-cash-difference = Difference
dayend-cash-not-counted = Not counted
dayend-cash-reason = Reason for the difference: { $reason }
dayend-section-vouchers = Vouchers by partner
dayend-col-partner = Partner
dayend-section-wallets = Wallets
dayend-col-wallet = Wallet
dayend-section-cards = Card payments by brand
dayend-col-brand = Brand
dayend-unknown-brand = Unknown brand
dayend-section-terminal = Terminal batch ({ $terminal })
dayend-total = Total
dayend-col-counter = Counter
dayend-col-terminal = Terminal
dayend-col-difference = Difference
dayend-terminal-differs = The terminal's batch differs from the counter by { $difference }.
dayend-terminal-none = The terminal's batch has not been closed for this day.
dayend-section-bank = Bank reconciliation
dayend-bank-none = No bank file was imported for this day.
dayend-bank-counter-total = Card payments at the counter
dayend-bank-total = Card payments at the bank
dayend-bank-fees = Fees and chargebacks
dayend-bank-next-batch = Expected in the next batch
dayend-bank-difference = Difference (bank − counter)
dayend-section-exceptions = Lines to check
dayend-col-side = Side
dayend-col-reference = Reference
dayend-col-category = Result
dayend-side-bank = Bank line { $line }
dayend-side-counter = Counter
dayend-cat-matched = Matched
dayend-cat-matched-with-difference = Matched, amounts differ
dayend-cat-missing-at-bank = Missing at the bank
dayend-cat-missing-at-counter = Missing at the counter
dayend-cat-duplicate = Duplicate
dayend-cat-refund-unmatched = Refund not matched
dayend-cat-next-batch = Next batch
dayend-cat-fee-or-chargeback = Fee or chargeback
dayend-cat-ambiguous = Ambiguous

## Errors

err-dayend-outbox-pending = The day cannot be closed: { $count ->
        [one] { $count } sale is
       *[other] { $count } sales are
    } still waiting to be sent to the hub ({ $receipts }). Send them first.
err-dayend-payments-unresolved = The day cannot be closed: the outcome of { $count ->
        [one] { $count } card payment
       *[other] { $count } card payments
    } is not known ({ $payments }). Resolve or settle them first.
err-dayend-already-closed = The day { $date } was already closed by { $name } at { $at }.
err-dayend-cash-reason = The cash counted differs from the cash expected by { $difference }: give a reason.
err-dayend-terminal = The card terminal's batch could not be closed: { $detail }
err-bank-unknown-preset = There is no bank file mapping “{ $name }”. Known: { $presets }.
err-bank-preset-json = The bank file mapping is not valid: { $detail }
err-bank-preset-name = “{ $name }” cannot be used as the name of a saved mapping.
err-pdf = The PDF could not be made: { $detail }

## The bank file

err-bank-empty = The bank file is empty.
err-bank-wrong-delimiter = The bank file separates its columns with “{ $found }”, not “{ $expected }”: choose the right mapping.
err-bank-not-utf8 = Line { $line } of the bank file is not UTF-8 text.
err-bank-bad-csv = Line { $line } of the bank file cannot be read as CSV.
err-bank-missing-column = The bank file has no column “{ $column }”.
err-bank-field-count = Line { $line } of the bank file has { $found } columns, the header has { $expected }.
err-bank-missing-value = Line { $line }, column “{ $column }”: the value is missing.
err-bank-bad-amount = Line { $line }, column “{ $column }”: “{ $text }” is not an amount.
err-bank-bad-date = Line { $line }, column “{ $column }”: “{ $text }” is not a date and time.
err-bank-unknown-currency = Line { $line }, column “{ $column }”: unknown currency “{ $code }”.
err-bank-unknown-type = Line { $line }, column “{ $column }”: unknown transaction type “{ $value }”.
err-bank-negative-sale = Line { $line }, column “{ $column }”: a sale with a negative amount.
err-bank-mixed-currency = Line { $line } is in { $found }, the lines before are in { $expected }.
err-bank-wrong-currency = Line { $line } is in { $found }, but this counter works in { $expected }.
err-bank-other-terminal = Line { $line } is for terminal { $terminal }, which is not one of this counter's.
err-bank-other-merchant = Line { $line } is for merchant { $merchant }, but this shop is { $expected }.
err-bank-bad-preset = The bank file mapping cannot read any file: { $reason }.
err-bank-settle-unknown-line = There is no bank line { $id }.
err-bank-settle-unknown-payment = There is no card payment { $id } at the counter.
err-bank-settle-line-twice = Bank line { $id } is settled twice.
err-bank-settle-payment-twice = Card payment { $id } is settled twice.
err-bank-settle-line-matched = Bank line { $id } is already matched.
err-bank-settle-payment-matched = Card payment { $id } is already matched.
err-bank-settle-fee-line = Bank line { $id } is a fee or chargeback, not a payment.
err-bank-settle-no-reason = Give a reason.
err-bank-settle-duplicate = Bank line { $id } repeats another line of the bank's file: it is counted once and needs no settlement. Tell the bank.
