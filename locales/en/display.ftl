# Wallet payments (MoMo, ZaloPay, VNPAY-QR, Alipay) at the counter, and the screen turned to the
# customer. Money arrives already formatted for the locale.

## Wallet payment dialog
wallet-pay = Wallet
wallet-title = Wallet payment
wallet-choose = Choose the customer's wallet
wallet-amount = Amount by wallet
wallet-amount-hint = Leave empty to charge all that is due ({ $amount }).
wallet-code-label = Customer's payment code
wallet-code-hint = Scan the code in the customer's app, or type it and press Enter.
wallet-code-checking = Checking the code…
wallet-charge = Charge
wallet-show-qr = Show our QR code instead
wallet-show-qr-hint = The customer scans our code with { $wallet } instead of showing theirs.
wallet-or = or
wallet-waiting = Waiting for the payment…
wallet-qr-turn = Turn the screen to the customer: they scan this code with { $wallet }.
wallet-qr-alt = QR code to pay with { $wallet }
wallet-qr-on-display = The QR code is on the customer display.
wallet-amount-label = Amount
wallet-time-left = Time left
wallet-time-up = Time is up
wallet-give-up = Stop waiting
wallet-giving-up = Stopping…
wallet-late-hint = A payment that arrives later is still recorded.
wallet-retry = Try again

## Customer display
cd-title = Customer display
cd-welcome = Welcome
cd-welcome-hint = Your order will appear here.
cd-total = Total
cd-quantity = Quantity
cd-qr-scan = Scan with { $wallet } to pay
cd-amount = Amount to pay
cd-time-left = Time left
cd-time-up = This code has expired
cd-thanks = Thank you!
cd-paid = Paid
