# The bank virtual POS on the counter's screens (issue 17): the technician's definitions,
# the phone payment and payment link (cashier, manager), the day's log and the day end's
# section. Ids: vpos-ui-*.

## Shared.
vpos-ui-loading = Loading…
vpos-ui-reload = Refresh
vpos-ui-working = Working…
vpos-ui-save = Save
vpos-ui-saving = Saving…
vpos-ui-cancel-form = Cancel
vpos-ui-keep = Keep it
vpos-ui-done = Done
vpos-ui-back = Back to the register
vpos-ui-none = None
vpos-ui-kind =
    { $kind ->
        [nestpay] NestPay (EST)
        [garanti] Garanti BBVA (GVPS)
        [posnet] PosNet (Yapı Kredi)
       *[other] { $kind }
    }
vpos-ui-mode =
    { $mode ->
        [production] Production
       *[test] Test
    }
vpos-ui-three-d =
    { $three_d ->
        [required] 3-D Secure required
       *[optional] 3-D Secure optional
    }
vpos-ui-state =
    { $state ->
        [pending] Waiting
        [sent] Sent to the bank
        [approved] Approved
        [declined] Declined
        [unknown] Answer lost
        [cancelled] Cancelled
       *[other] { $state }
    }

## The technician's definitions.
vpos-ui-def-open = Virtual POS
vpos-ui-def-title = Virtual POS definitions
vpos-ui-def-explain = Each bank you take card payments with by phone or by payment link: its gateway, addresses, credentials and the static IP the bank expects. Secrets are stored encrypted and never shown.
vpos-ui-def-add = Add a virtual POS
vpos-ui-def-empty = No virtual POS defined yet.
vpos-ui-def-add-title = New virtual POS
vpos-ui-def-edit-title = Edit { $name }
vpos-ui-def-edit = Edit
vpos-ui-def-remove = Remove
vpos-ui-def-remove-title = Remove { $name }?
vpos-ui-def-remove-explain = Its payments stay in the log. Payments by phone and links through this bank stop until it is defined again.
vpos-ui-def-removed = { $name } removed.
vpos-ui-def-added = { $name } added.
vpos-ui-def-saved = { $name } saved.
vpos-ui-def-name = Name
vpos-ui-def-kind = Bank gateway
vpos-ui-def-mode = Environment
vpos-ui-def-api-url = API address
vpos-ui-def-gate-url = 3-D gate address (payment links)
vpos-ui-def-currency = Currency
vpos-ui-def-three-d = 3-D Secure
vpos-ui-def-static-ip = Static IP reported to the bank
vpos-ui-def-updated = Last changed
vpos-ui-def-credentials = Credentials for { $kind }
vpos-ui-def-secret-keep = Leave empty to keep
vpos-ui-def-secret-explain = A secret left empty keeps the one stored.
vpos-ui-def-not-implemented = { $kind }: the credentials can be stored, but payments through it are not available yet.
vpos-ui-def-missing =
    { $count ->
        [one] One field still needs a value.
       *[other] { $count } fields still need a value.
    }
vpos-ui-field-client-id = Client ID
vpos-ui-field-username = API user name
vpos-ui-field-password = API password
vpos-ui-field-store-key = Store key
vpos-ui-field-merchant-id = Merchant ID
vpos-ui-field-terminal-id = Terminal ID
vpos-ui-field-prov-user = Provisioning user (PROVAUT)
vpos-ui-field-prov-password = Provisioning password
vpos-ui-field-refund-user = Refund user (PROVRFN)
vpos-ui-field-refund-password = Refund password
vpos-ui-field-posnet-id = PosNet ID

## Phone payment (MOTO) and payment link.
vpos-ui-phone-button = Phone payment
vpos-ui-phone-title = Card payment by phone
vpos-ui-phone-none = No virtual POS is defined: a technician adds one first.
vpos-ui-phone-definition = Bank
vpos-ui-phone-what = What is paid
vpos-ui-phone-sale = The sale on the register
vpos-ui-phone-amount-choice = An amount (deposit)
vpos-ui-phone-due = Amount due
vpos-ui-phone-amount = Amount
vpos-ui-phone-reference = Reference
vpos-ui-phone-customer-phone = Customer's phone
vpos-ui-phone-note = Note
vpos-ui-phone-card = Card, as the customer reads it out
vpos-ui-phone-card-number = Card number
vpos-ui-phone-card-expiry = Expiry (MM/YY)
vpos-ui-phone-card-expiry-hint = MM/YY
vpos-ui-phone-card-cvv = CVV
vpos-ui-phone-pay = Pay
vpos-ui-phone-paying = Asking the bank…
vpos-ui-phone-link = Payment link
vpos-ui-phone-three-d = { $name } requires 3-D Secure: send the customer a payment link.
vpos-ui-pay-approved = Approved: { $amount }, authorization { $auth }, card { $card }.
vpos-ui-pay-declined = Declined: { $message }
vpos-ui-pay-declined-code = Declined: { $message } (code { $code })
vpos-ui-pay-unknown = The bank's answer is not known yet: { $message }
vpos-ui-link-title = Payment link
vpos-ui-link-explain = The customer opens this link (or scans the code) on their own phone and pays on the bank's secure page.
vpos-ui-link-qr = QR code of the payment link
vpos-ui-link-order = Order { $order }
vpos-ui-link-waiting = Waiting for the customer to pay (the link works until { $until })…
vpos-ui-link-close = Close (keep waiting in the background)
vpos-ui-link-give-up = Stop waiting (the bank is still asked)

## The day's log.
vpos-ui-log-title = Today's virtual POS payments
vpos-ui-log-empty = No payments today.
vpos-ui-log-code = Code { $code }
vpos-ui-log-auth = Authorization { $auth }
vpos-ui-log-who = Taken by { $name }
vpos-ui-log-reference = Ref. { $reference }
vpos-ui-log-voided = Voided
vpos-ui-log-refunded = Refunded { $amount }
vpos-ui-log-kind =
    { $kind ->
        [void] Void
        [refund] Refund
       *[sale] Sale
    }
vpos-ui-log-channel =
    { $channel ->
        [link] Payment link
       *[moto] By phone
    }
vpos-ui-log-cancel = Cancel payment
vpos-ui-log-resolve =
    { $count ->
        [one] Ask the bank (1 answer lost)
       *[other] Ask the bank ({ $count } answers lost)
    }
vpos-ui-resolved =
    { $count ->
        [one] The bank answered for one payment.
       *[other] The bank answered for { $count } payments.
    }
vpos-ui-cancel-title = Cancel this payment?
vpos-ui-cancel-explain = { $amount } (order { $order }) goes back to the card: voided if the bank's batch is still open, refunded otherwise.
vpos-ui-cancel-voided = { $amount } voided (order { $order }).
vpos-ui-cancel-refunded = { $amount } refunded (order { $order }).

## Day end.
vpos-ui-day-title = Virtual POS
vpos-ui-day-explain = The bank's transactions of the day compared with the counter's log, order by order.
vpos-ui-day-no-definitions = No virtual POS is defined.
vpos-ui-day-source-report = From the bank's day report.
vpos-ui-day-source-file-any = From the file exported by the bank.
vpos-ui-day-source-none = The bank's side is missing: import the file exported from the bank's virtual POS panel.
vpos-ui-day-source-none-report = The bank's day report has not been fetched yet.
vpos-ui-day-fetch = Fetch the bank's day report
vpos-ui-day-summary = { $matched } agree · { $problems } to look at
vpos-ui-day-net = net { $amount }
vpos-ui-day-file = The bank's exported file (CSV)
vpos-ui-day-import = Import and compare
vpos-ui-day-imported = { $file } imported for { $name }.
vpos-ui-day-read-error = The file { $file } could not be read.
vpos-ui-day-empty = No transactions on either side.
vpos-ui-day-matched = Matched
vpos-ui-day-different-amount = Different amount
vpos-ui-day-entered-by-hand = Entered by hand
vpos-ui-day-cancel-differs = Cancelled on one side only
vpos-ui-day-missing-at-bank = Missing at the bank
vpos-ui-day-missing-at-counter = Missing at the counter
vpos-ui-day-voided = Voided
vpos-ui-day-refunded = Refunded
vpos-ui-day-col-order = Order
vpos-ui-day-col-status = Status
vpos-ui-day-col-counter = Counter
vpos-ui-day-col-bank = Bank
vpos-ui-day-col-at = Time
vpos-ui-day-col-auth = Authorization
vpos-ui-day-total = Total
vpos-ui-day-difference = Difference { $amount }
vpos-ui-day-hand = Enter by hand
vpos-ui-day-hand-title = Enter order { $order } by hand
vpos-ui-day-hand-explain = The bank has this transaction on { $name } and the counter does not. Entering it records it in the counter's log, with your reason, in the audit.
vpos-ui-day-hand-reason = Reason (required)
vpos-ui-day-hand-done = Order { $order } entered by hand.
vpos-ui-day-hand-by = Entered by { $name }: { $reason }
