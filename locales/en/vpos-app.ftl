# Bank virtual POS at the counter (issue 17): the definitions, phone payments and payment
# links, the log, the day end's comparison, the connection test and `quay vpos`.

## Definitions
err-vpos-field = { $field }: “{ $value }” is not valid.
err-vpos-url = { $field } must be a full web address (https://…; http:// only in test mode): “{ $value }”.
err-vpos-name = “{ $name }” cannot name a virtual POS: use 1 to { $max } letters, digits, - or _.
err-vpos-currency = This counter sells in { $counter }: a virtual POS in { $currency } cannot take its payments.
err-vpos-3d-unsupported = Quay cannot require 3-D Secure with { $kind } yet: choose “optional”.
err-vpos-gate-required = 3-D Secure needs the bank's 3-D gate address.
err-vpos-exists = A virtual POS named “{ $name }” exists already.
err-vpos-field-missing = { $field } is missing.
err-vpos-open-payments = A payment through “{ $name }” is still open ({ $key }): settle it with the bank first (Ask the bank).
err-vpos-reference-open = The last payment for { $reference } ({ $order }) has no answer from the bank yet: Quay asked, and will not charge again until the bank has said (Ask the bank).
err-vpos-reference-paid = The last payment for { $reference } ({ $order }) went through after all: it is paid. Nothing was charged again.
err-vpos-rename-used = “{ $name }” has taken payments: they are cancelled and compared under that name, so it cannot be renamed. Add a new virtual POS instead.
err-vpos-kind-not-implemented = Quay keeps { $kind }'s settings but cannot take payments with it yet.
err-vpos-not-found = There is no virtual POS named “{ $name }”.
err-vpos-none = No virtual POS is set up.
err-vpos-secret-stdin = { $flag } is a secret: give it as “-” and type it on the next line of the input, never on the command line.
err-vpos-stdin = The input ended before the { $what } was read.
err-unknown-target = “{ $target }” is not something Quay can test.

## Taking a payment
err-vpos-phone = “{ $phone }” is not a phone number (6 to 15 digits, + only in front).
err-vpos-no-sale = There is no sale on the register to pay.
err-vpos-reference = Give a reference for the payment (the order or deposit), at most { $max } characters.
err-vpos-3d-required = “{ $name }” requires 3-D Secure: send the customer a payment link instead.
err-vpos-link-unsupported = “{ $name }” cannot make payment links (no 3-D gate).
err-vpos-no-return-url = Payment links need the address the bank sends the customer back to: set { $key }.
err-vpos-3d-failed = The customer's bank did not confirm the cardholder (3-D Secure status { $md }): nothing was charged for { $order }.
err-vpos-unknown = The bank's answer for { $order } was lost. Do not take the payment again: ask the bank (Ask the bank) first.
err-vpos-given-up = You stopped waiting for { $order }. The bank is still asked about it: if the customer pays after all, the sale completes or the payment waits for a manager to refund it.
err-vpos-cancelled = The payment { $order } was not made: the bank never authorized it.
err-vpos-order-not-found = No virtual POS payment has the order number { $order }.
err-vpos-not-cancellable = { $order } cannot be cancelled ({ $state }).
err-vpos-void-the-sale = { $order } paid a sale: void the sale (its money goes back the same way).
err-vpos-amount-mismatch = The bank approved another amount for { $order }: it is not taken as paid. Call the bank.
err-vpos-no-card = No card was typed for { $order }.
err-vpos-nothing-to-cancel = The bank has nothing left to cancel for { $order }.
err-vpos-partial-before-close = Part of { $order } can be refunded only once the bank's day has closed (a same-day cancel gives back the whole payment).
vpos-approved = Approved ({ $code }), authorization { $auth }.
vpos-link-waiting = Waiting for the customer to pay on the bank's page (until { $until }).

## Day end
vpos-report-section = Virtual POS { $name }: the bank's list by order number
vpos-report-bank = Bank
err-vpos-no-report = The bank of “{ $name }” has no report call: import its exported file of the day.
err-vpos-file-no-order = Line { $line } of the bank's file has no order number.
err-vpos-file-unreadable = The bank's file cannot be read: { $detail }
err-vpos-not-missing = { $order } is not missing at the counter.

## Connection test
setup-key-vpos-return-url = Virtual POS: the counter's public address for payment links (the bank returns to …/vpos/ok)
setup-key-vpos-callback-listen = Virtual POS: listener address for the bank's 3-D results (host:port)
setup-key-vpos-timeout = Virtual POS: seconds to wait for the bank
setup-target-vpos = Virtual POS
setup-step-vpos-definition = Virtual POS { $name }: definition
setup-ok-vpos-definition = { $kind } ({ $mode }) at { $url }; static IP given to the bank: { $ip }.
setup-step-vpos-check = Virtual POS { $name }: the bank answers with these credentials
setup-ok-vpos-check = The bank answered in { $ms } ms and accepted the credentials.

## Command line
vpos-saved = Virtual POS “{ $name }” saved.
vpos-removed = Virtual POS “{ $name }” removed (its payments stay in the log).
vpos-link-open = Payment link for { $order }: { $url }
vpos-nothing-open = No virtual POS payment is waiting for the bank's answer.
vpos-kind-sale = payment
vpos-kind-void = void
vpos-kind-refund = refund
vpos-state-pending = pending
vpos-state-sent = sent
vpos-state-approved = approved
vpos-state-declined = declined
vpos-state-unknown = unknown
vpos-state-cancelled = not made
vpos-source-report = the bank's report
vpos-source-file = the bank's file
vpos-source-none = no list from the bank yet
vpos-day-heading = { $name } — { $source }: { $matched } agree, { $problems } to look at
vpos-day-totals = Counter { $counter } · bank { $bank } · difference { $difference }
vpos-status-matched = matched
vpos-status-different-amount = different amount
vpos-status-missing-at-bank = missing at the bank
vpos-status-missing-at-counter = missing at the counter
vpos-status-entered-by-hand = entered by hand
vpos-status-voided = voided
vpos-status-refunded = refunded
vpos-status-cancel-differs = cancelled on one side only

## The page the customer's browser comes back to after paying
vpos-page-ok = Thank you. The restaurant's counter now checks the payment with the bank: you can close this page.
vpos-page-fail = The payment did not go through. You can close this page and ask the restaurant for a new link.
