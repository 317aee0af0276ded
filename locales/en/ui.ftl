# The counter's screens. Money and dates arrive already formatted for the locale.

app-title = Quay
nav-register = Register
nav-sales = Sales today
locale-label = Language
menu-version = Menu v{ $version }
menu-missing = No menu yet: import one or sync with the hub.

## Register
search-placeholder = Search: name, SKU or barcode
search-clear = Clear search
search-no-results = Nothing matches “{ $query }”
category-all = All
item-sold-out = Sold out
item-has-options = Options

## Cart
cart-title = Current sale
cart-empty = Tap an item to start a sale.
cart-items =
    { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
cart-qty-decrease = Decrease quantity
cart-qty-increase = Increase quantity
cart-edit = Options
cart-note = Note
cart-remove = Remove
cart-clear = Clear sale
total-label = Total
vat-line = incl. VAT { $rate }: { $amount }
pay-cash = Cash

## Options and note dialog
options-add = Add to sale
options-save = Save
options-pick-one = Choose one
options-pick-range = Choose { $min } to { $max }
options-pick-up-to = Up to { $max }
qty-label = Quantity
note-label = Note
note-placeholder = e.g. less ice
cancel = Cancel
close = Close

## Cash
cash-title = Cash payment
cash-due = Due
cash-tendered = Tendered
cash-change = Change
cash-short = { $amount } short
cash-exact = Exact
cash-clear = Clear
cash-backspace = Delete last digit
cash-confirm = Close sale

## File picker (a translated button for the file input)
file-choose = Choose file…
file-none = No file chosen

## Receipt preview
receipt-title = Receipt
new-sale = New sale
receipt-print = Print receipt
receipt-reprint = Print again
receipt-printing = Printing…
receipt-printed = Receipt { $receipt } saved for printing: { $path }

## Sales today
sales-title = Sales today
sales-empty = No sales yet today.
sales-summary = { $count ->
        [one] { $count } sale
       *[other] { $count } sales
    }, { $amount }
sales-col-receipt = Receipt
sales-col-time = Time
sales-col-total = Total
sales-col-status = Status
sale-status-closed = Closed
sale-status-voided = Voided
sale-status-void = Void
sales-view = Receipt
sales-void = Void

## Void
void-title = Void sale { $receipt }
void-reason-label = Reason
void-reason-placeholder = e.g. wrong order
void-confirm = Void sale
void-done = Sale { $receipt } voided.

## Messages
sale-closed = Sale { $receipt } closed. Change: { $change }
error-title = Something went wrong

## Hub sync
nav-hub = Hub
sync-pending =
    { $count ->
        [one] { $count } sale waiting since { $since }
       *[other] { $count } sales waiting since { $since }
    }
sync-all-sent = All sales sent
sync-now = Sync now
sync-progress-menu = Updating the menu…
sync-progress-sales = Sending sales: { $done } of { $total }
menu-updated = Menu updated to version { $version }.
cart-line-removed = No longer on the menu
cart-line-unavailable = Sold out now
hub-title = Hub connection
hub-menu-title = Menu in sync
hub-menu-counter = This counter
hub-menu-hub = Hub
hub-menu-version = Version
hub-menu-hash = Content hash
hub-in-sync = The counter's menu is the same as the hub's.
hub-out-of-sync = The counter's menu differs from the hub's.
hub-diff-added = Added at the hub
hub-diff-changed = Changed at the hub
hub-diff-removed = Removed at the hub
hub-check = Compare with the hub
hub-outbox-title = Sales to the hub
hub-last-error = Last attempt: { $message }
hub-rejected-title = Sales the hub rejected
hub-rejected-none = None.

## Card
pay-card = Card
card-title = Card payment
card-follow = Follow the instructions on the terminal.
card-amount = Amount by card
card-amount-hint = Leave empty to charge all that is due ({ $amount }).
card-approved = Card approved. Sale { $receipt } closed.
card-remaining = Card approved. Still due: { $amount }
card-retry = Try again

## What the card terminal shows
zvt-status-confirm-amount = Confirm the amount on the terminal
zvt-status-enter-pin = Enter PIN
zvt-status-waiting-host = Waiting for the bank…
zvt-status-auto-reversal = Automatic reversal
zvt-status-card-refused = Card not accepted
zvt-status-card-expired = Card expired
zvt-status-insert-card = Insert, tap or swipe the card
zvt-status-remove-card = Remove the card
zvt-status-card-unreadable = Card not readable
zvt-status-wait = Please wait…
zvt-status-wrong-pin = Incorrect PIN
zvt-status-pin-tries = PIN try limit exceeded
zvt-status-approved = Approved
zvt-status-declined = Declined
zvt-status-other = Terminal busy
viva-order-sent = Order sent: press F1 on the terminal
audit-verified = The audit log is intact: { $count } entries.

## Staff and sign-in
nav-staff = Technician
sign-out = Sign out
staff-role =
    { $role ->
        [cashier] Cashier
        [manager] Manager
       *[technician] Technician
    }
pin-backspace = Delete last digit
pin-clear = Clear
signin-title = Sign in
signin-hint = Type your PIN on the pad or the keyboard.
signin-pin-label = PIN
signin-submit = Sign in
signin-checking = Checking…
firstrun-banner = Setup: no staff yet — add the first technician.
firstrun-open = Add the first technician
firstrun-explain = Until then the register works without sign-in. Once a technician exists, everyone signs in with a PIN.
firstrun-done = Technician { $name } added. Sign in with the PIN.
staff-add-title = Add staff
staff-add-open = Add staff
staff-add-submit = Add
staff-name-label = Name
staff-role-label = Role
staff-pin-label = PIN
staff-pin2-label = PIN again
staff-pin-hint = Digits only. Only this person should know it.
staff-pin-mismatch = The two PINs are not the same.
staff-name-missing = A name is needed.
staff-pin-missing = A PIN is needed.
staff-added = { $name } added.
staff-action =
    { $action ->
        [ring-sale] Ring up sales
        [view-sales] See today's sales and receipts
        [approve-void] Approve voids
        [approve-refund] Approve refunds
        [close-day] Close the day
        [reconcile] Reconcile payments
        [manual-bank-entry] Enter bank payments by hand
        [settle-payment] Settle card payments by hand
        [open-drawer] Open the cash drawer without a sale
        [configure-settings] Change the counter's settings
        [test-connection] Test connections
        [manage-staff] Add and manage staff
       *[other] { $action }
    }
tech-title = Technician: { $name }
tech-explain = Technicians set up the counter: staff, settings and connections. They do not ring up sales.
tech-may-title = What you may do here
approver-pin-label = Manager's PIN
void-approver-hint = A manager approves the void by typing their PIN here.

## Card payments not settled
open-payments-badge =
    { $count ->
        [one] { $count } card payment not settled
       *[other] { $count } card payments not settled
    }
open-payments-title = Card payments not settled
open-payments-explain = The counter does not know whether these cards were charged (after a crash or a lost answer). Ask the terminal again first. Never charge the card again.
open-payments-none = No card payment is waiting.
open-payments-resolve = Ask the terminal again
open-payments-asking = Asking the terminal…
open-payments-still-unknown = The terminal could not tell yet. Try again, or settle by hand.
open-payments-all-settled = All card payments are settled.
open-payments-some-settled =
    { $count ->
        [one] { $count } card payment settled.
       *[other] { $count } card payments settled.
    }
open-payment-state =
    { $state ->
        [pending] Not sent to the terminal yet
        [sent] Sent to the terminal, no answer
        [paid_unused] Paid after the cashier stopped waiting: to refund
       *[unknown] Outcome unknown
    }
open-payment-terminal =
    { $terminal ->
        [zvt] ZVT terminal
        [viva] Viva terminal
        [momo] MoMo
        [zalopay] ZaloPay
        [vnpay] VNPAY-QR
       *[other] { $terminal }
    }
open-payment-settle = Settle by hand
open-payment-refund = Refund
refund-unused-title = Refund { $amount } to the customer
refund-unused-explain = The customer paid by wallet after the cashier stopped waiting, and the sale was paid another way. The money goes back through the same wallet.
refund-unused-confirm = Refund
settle-title = Settle { $amount } by hand
settle-explain = Look at the terminal and its last slip. Was the card charged?
settle-outcome = Outcome
settle-charged = Charged
settle-not-charged = Not charged
settle-reason-label = Reason
settle-reason-placeholder = e.g. the slip says approved
settle-confirm = Settle

## Vouchers (MoMo, GiftPop)
pay-voucher = Voucher
voucher-title = Voucher payment
voucher-partner-label = Partner
voucher-partner =
    { $partner ->
        [momo] MoMo
        [giftpop] GiftPop
       *[other] { $partner }
    }
voucher-code-label = Voucher code
voucher-code-placeholder = Scan or type the code
voucher-check = Check
voucher-apply = Apply
voucher-asking = Asking the hub…
voucher-status =
    { $status ->
        [valid] Valid
        [used] Already used
        [expired] Expired
        [not_found] Not found
        [wrong_store] Not valid at this store
        [inactive] Not active
       *[other] { $status }
    }
voucher-value = Value
voucher-percent = { $percent } off
voucher-min-spend = Minimum spend
voucher-expires = Expires
voucher-conditions = Conditions
voucher-applies = Pays on this sale
voucher-apply-hint = Press Enter again or tap Apply to use it.
voucher-refused = Cannot be used on this sale
voucher-applied = Voucher applied. Still due: { $due }
voucher-remove = Remove voucher { $code }
voucher-removed = Voucher { $code } removed.
voucher-covers = The vouchers pay the whole sale.
voucher-close-sale = Close sale
payment-card-paid = Paid by card
payment-due = Still due
backup-written = Encrypted backup written to { $file }.
backup-restored = The counter was restored into { $dir }.

## Settings and connection tests (technician)
settings-title = Settings
settings-explain = Each group is saved on its own. If one value is refused, nothing in the group is saved: correct it and save again.
settings-loading = Loading the settings…
settings-reload = Try again
settings-save = Save
settings-saving = Saving…
settings-reset = Undo changes
settings-unsaved =
    { $count ->
        [one] { $count } change not saved
       *[other] { $count } changes not saved
    }
setting-not-set = (not set)
setting-secret-set = •••••••• (set)
setting-secret-keep = Leave empty to keep the current one.
setting-on = On
setting-off = Off
setting-choice =
    { $choice ->
        [zvt] ZVT (cable)
        [viva] Viva (cloud)
       *[other] { $choice }
    }
connect-test = Test connection
connect-testing = Testing…
connect-wait = The counter is calling for real: this can take a few seconds.
connect-unsaved = The test uses the saved settings: save your changes first.
connect-step-ms = { $ms } ms
connect-pdf-label = Printable report (PDF):

## Day-end (managers). Section and column labels come from dayend.ftl (dayend-*).
nav-dayend = Day-end
dayend-ui-title = Day-end
dayend-ui-date = Business day
dayend-ui-reload = Refresh
dayend-ui-loading = Loading…
dayend-ui-wait = This can take a few seconds.
dayend-ui-tender =
    { $tender ->
        [cash] Cash
        [card] Card
        [voucher] Voucher
        [wallet] Wallet
       *[other] { $tender }
    }
dayend-ui-terminal-title = Terminal batch
dayend-ui-terminal-explain = The terminal closes its batch for the day and the counter compares it brand by brand with its own card payments.
dayend-ui-terminal-run = Close the terminal's batch
dayend-ui-terminal-running = Closing the batch at the terminal…
dayend-ui-terminal-agrees = The terminal's batch agrees with the counter.
dayend-ui-batch-closed = Batch closed by { $name } at { $at }
dayend-ui-terminal-receipts = Receipts { $from }–{ $to }
dayend-ui-bank-preset = File format
dayend-ui-preset =
    { $preset ->
        [generic] Generic CSV
        [viva] Viva Wallet
       *[other] { $preset }
    }
dayend-ui-preset-new = Map a new bank's file…
dayend-ui-preset-saved = The mapping “{ $name }” is saved.
dayend-ui-preset-title = Map a new bank's file
dayend-ui-preset-explain = Pick a batch file from the new bank. Quay guesses which column holds what: check each field, try the mapping on the file, then save it under a name.
dayend-ui-preset-file = A batch file from the bank (CSV)
dayend-ui-preset-reading = Reading the file…
dayend-ui-preset-rows =
    { $count ->
        [one] { $count } line in the file
       *[other] { $count } lines in the file
    }
dayend-ui-preset-delimiter = Columns are separated by
dayend-ui-preset-delimiter-option =
    { $delimiter ->
        [comma] Comma (,)
        [semicolon] Semicolon (;)
        [tab] Tab
        [pipe] Vertical bar (|)
       *[other] { $delimiter }
    }
dayend-ui-preset-header = The first line holds the column names
dayend-ui-preset-col-field = Field
dayend-ui-preset-col-column = Column in the file
dayend-ui-preset-field =
    { $field ->
        [transaction_id] Transaction ID
        [merchant_reference] Merchant reference
        [order_code] Order code
        [merchant_id] Merchant ID
        [terminal_id] Terminal ID
        [date_time] Date and time
        [scheme] Card scheme
        [masked_pan] Card number (masked)
        [amount] Amount
        [currency] Currency
        [auth_code] Authorisation code
        [rrn] Retrieval reference (RRN)
        [stan] Trace number (STAN)
        [kind] Transaction type
       *[other] { $field }
    }
dayend-ui-preset-required = required
dayend-ui-preset-not-in-file = — not in this file —
dayend-ui-preset-column = Column { $number }
dayend-ui-preset-column-option = { $name } — { $examples }
dayend-ui-preset-no-currency = Without a currency column, every line is in the counter's currency.
dayend-ui-preset-no-kind = Without a type column, negative amounts are refunds and all others sales.
dayend-ui-preset-amount = Amounts are written
dayend-ui-preset-amount-option =
    { $format ->
        [decimal-dot] With a decimal point (12.50)
        [decimal-comma] With a decimal comma (12,50)
        [minor] In minor units, without a separator (1250 for 12.50)
       *[other] { $format }
    }
dayend-ui-preset-date = Dates and times are written
dayend-ui-preset-date-option =
    { $format ->
        [iso8601] ISO 8601 with the offset (2026-11-21T19:45:03+07:00)
       *[pattern] In a pattern of their own
    }
dayend-ui-preset-pattern = Pattern
dayend-ui-preset-pattern-help = %d day, %m month, %Y year, %H hour, %M minute, %S second; for example %d.%m.%Y %H:%M
dayend-ui-preset-pattern-example = In this file: { $example }
dayend-ui-preset-pattern-empty = Write the pattern the dates and times follow.
dayend-ui-preset-offset = Offset from UTC (±HH:MM)
dayend-ui-preset-offset-bad = Write the offset from UTC as +07:00 or -03:30.
dayend-ui-preset-separator-clash = In a file whose columns are separated by commas, amounts cannot be written with a decimal comma.
dayend-ui-preset-types = What the values of “{ $column }” mean
dayend-ui-preset-types-none = This column is empty in the file.
dayend-ui-preset-type-unmapped = — no meaning —
dayend-ui-preset-types-open =
    { $count ->
        [one] One value has no meaning yet: lines with it are refused on import.
       *[other] { $count } values have no meaning yet: lines with them are refused on import.
    }
dayend-ui-preset-types-more = The file has more values than are shown here. A value without a meaning is refused on import, with its line and column.
dayend-ui-preset-missing = Choose the column for: { $fields }
dayend-ui-preset-name = Name of the mapping
dayend-ui-preset-name-placeholder = For example, the bank's name
dayend-ui-preset-name-exists = There is a saved mapping “{ $name }” already: saving replaces it.
dayend-ui-preset-try = Try on this file
dayend-ui-preset-trying = Reading the file with this mapping…
dayend-ui-preset-preview-lines =
    { $count ->
        [one] The mapping reads { $count } line.
       *[other] The mapping reads { $count } lines.
    }
dayend-ui-preset-preview-first = The first lines
dayend-ui-preset-preview-stale = The mapping has changed since: try it again.
dayend-ui-preset-col-line = Line
dayend-ui-preset-col-kind = Type
dayend-ui-preset-col-auth = Auth code
dayend-ui-preset-save = Save the mapping
dayend-ui-preset-saving = Saving the mapping…
dayend-ui-bank-file = Bank file (CSV)
dayend-ui-bank-import = Import and reconcile
dayend-ui-bank-importing = Reading the bank file…
dayend-ui-bank-read-error = The file “{ $file }” could not be read.
dayend-ui-bank-imported =
    { $new ->
        [one] { $new } new line
       *[other] { $new } new lines
    } imported, of { $lines } in the file.
dayend-ui-bank-already = This file was already imported: nothing new.
dayend-ui-bank-import-row = { $file } ({ $preset }): { $lines } lines, { $new } new, by { $name } at { $at }
dayend-ui-bank-declined =
    { $count ->
        [one] { $count } declined attempt left out.
       *[other] { $count } declined attempts left out.
    }
dayend-ui-filter-all = All lines
dayend-ui-filter-open = Only lines to check
dayend-ui-col-time = Time
dayend-ui-col-matched = Matched to
dayend-ui-kind =
    { $kind ->
        [sale] Sale
        [refund] Refund
        [fee] Fee
        [chargeback] Chargeback
       *[other] { $kind }
    }
dayend-ui-rule =
    { $rule ->
        [reference] by reference
        [terminal_auth] by terminal and authorisation code
        [amount_window] by amount and time
        [manual] by hand
       *[other] { $rule }
    }
dayend-ui-candidates = Could be: { $list }
dayend-ui-note = Note: { $note }
dayend-ui-duplicate-of = Listed twice by the bank, same as { $item }. Counted once: tell the bank.
dayend-ui-item-bank = Bank line { $line } · { $amount } · { $when }
dayend-ui-item-counter = Receipt { $receipt } · { $brand } · { $amount } · { $when }
dayend-ui-settle-link = Link
dayend-ui-settle-next = Next batch
dayend-ui-settle-enter = Enter by hand
dayend-ui-settle-link-bank-title = Link this bank line to a counter payment
dayend-ui-settle-link-counter-title = Link this counter payment to a bank line
dayend-ui-settle-next-title = This payment will be in the next batch
dayend-ui-settle-next-explain = The bank will pay it with a later batch. It is checked again then.
dayend-ui-settle-enter-title = Enter this bank line by hand
dayend-ui-settle-enter-explain = The sale was taken outside Quay. The entry is recorded with your name and your reason.
dayend-ui-settle-other = Link to
dayend-ui-settle-other-none = Nothing on the other side is open to link.
dayend-ui-settle-reason = Reason
dayend-ui-settle-reason-optional = Reason (optional)
dayend-ui-settle-reason-placeholder = e.g. tip added on the terminal
dayend-ui-settle-done = Saved.
dayend-ui-report-title = Day-end report
dayend-ui-report-run = Make the report (PDF and CSV)
dayend-ui-report-running = Writing the report…
dayend-ui-report-pdf = PDF:
dayend-ui-report-csv = CSV (spreadsheet):
dayend-ui-close-title = Close the day
dayend-ui-close-explain = Count the cash in the drawer and enter it. A day is closed once: it cannot be undone.
dayend-ui-cash-placeholder = Amount
dayend-ui-close-reason = Reason for the difference
dayend-ui-close-reason-placeholder = e.g. wrong change given
dayend-ui-close-run = Close the day…
dayend-ui-close-confirm-title = Close the day { $date }?
dayend-ui-close-confirm-text = Closing the day cannot be undone.
dayend-ui-close-confirm = Close the day
dayend-ui-closed = The day { $date } is closed.

## The date field: a day in the app language's order, month by name, and buttons for the
## day before, the day after and today.
date-field-previous = Previous day
date-field-next = Next day
date-field-today = Today
date-field-day = Day
date-field-month = Month
date-field-year = Year

## A manager's partial refund of a wallet payment, from the day's sales: part of what the
## customer paid goes back through the same wallet; the sale stays as it was.
sales-refund-part = Refund part ({ $wallet })…
refund-part-title = Refund part of the { $wallet } payment, receipt { $receipt }
refund-part-explain = The amount goes back to the customer through { $wallet }. The sale stays as it is: to give everything back, void the sale instead.
refund-part-paid = Paid
refund-part-left = Left to refund
refund-part-amount-label = Amount to refund
refund-part-amount-placeholder = Amount
refund-part-amount-hint = At most { $left }.
refund-part-reason-label = Reason
refund-part-reason-placeholder = e.g. a dish sent back
refund-part-approver-hint = A manager approves the refund by typing their PIN here.
refund-part-confirm = Refund
refund-part-confirm-amount = Refund { $amount }
refund-part-refunding = Refunding…
refund-part-state =
    { $state ->
        [approved] Refund approved
        [declined] Refund declined
        [unknown] Outcome not known yet
       *[other] Refund sent
    }
refund-part-done = { $amount } goes back to the customer through { $wallet }.
