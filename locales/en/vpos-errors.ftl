# Bank virtual POS (NestPay, Garanti, PosNet; crate quay-pay, module vpos): what went wrong
# before, while or after talking to the bank, and the bank's own refusal codes. Each id is a
# `code` the backend returns; every vpos-code-* message takes $code (shown as the bank gave it).

## Before or while talking to the bank
err-vpos-not-implemented = Quay cannot take payments through { $kind } yet: only its settings can be saved.
err-vpos-missing-field = { $field } is missing. Fill it in with the value the bank gave you.
err-vpos-invalid-field = { $field } is not valid. Check it against what the bank gave you (digits and length matter).
err-vpos-card-number = This is not a valid card number. Check the digits and type it again.
err-vpos-expiry = The expiry date must be written MM/YY, as printed on the card.
err-vpos-card-expired = The card expired at the end of { $expiry }. Ask for another card.
err-vpos-cvv = The security code must have { $digits } digits (on the back of the card; on the front for American Express).
err-vpos-amount = The bank cannot take the amount “{ $amount }”. Check the amount.
err-vpos-currency-mismatch = This virtual POS takes { $expected }, not { $found }. Use a virtual POS set up for { $found }.
err-vpos-order-id = “{ $order_id }” cannot be sent to the bank as an order number (1 to 64 letters, digits, - or _).
err-vpos-credentials = The bank refused the virtual POS credentials. Check the client number, user and password (and the terminal for Garanti) with the bank.
err-vpos-refused = The bank refused to open the payment page: { $message }
err-vpos-bank = The bank refused: { $reason }
err-vpos-timeout = The bank did not answer in time ({ $detail }). The payment may have gone through: it is checked with the bank before anything is sent again.
err-vpos-transport = The bank could not be reached ({ $detail }). Check the internet connection; if a payment was being sent, it is checked with the bank before it is sent again.
err-vpos-http = The bank answered with HTTP error { $status }. If it is 500 or above, the payment is checked with the bank before it is sent again; otherwise check the virtual POS address.
err-vpos-decode = The bank's answer could not be read ({ $detail }). The payment is checked with the bank before anything is sent again.
err-vpos-bad-signature = A payment result arrived with a wrong signature and was ignored. The payment is checked with the bank instead.

## The bank's codes
vpos-code-approved = Approved ({ $code }).
vpos-code-bad-card = The bank refused the card details: check the number and expiry date ({ $code }).
vpos-code-void-too-late = Too late to cancel: the bank's day is closed, so the payment is refunded instead ({ $code }).
vpos-code-refund-too-early = Too early to refund: the bank's day is still open, so the payment is cancelled instead ({ $code }).
vpos-code-instalments = The bank does not allow instalments for this card or currency ({ $code }).
vpos-code-duplicate-order = The bank already approved a payment with this order number: it is checked instead of paying again ({ $code }).
vpos-code-credentials = The bank refused the virtual POS credentials ({ $code }).
vpos-code-invalid-total = The bank refused the amount's format ({ $code }).
vpos-code-invalid-xml = The bank could not read the request ({ $code }). Tell support.
vpos-code-not-found = The bank has no payment with this order number ({ $code }).
vpos-code-refund-too-much = The refund is more than what is left of the payment ({ $code }).
vpos-code-3d-failed = The card's bank did not confirm the cardholder (3-D Secure): nothing was charged ({ $code }).
