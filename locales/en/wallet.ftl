# Wallet payments (MoMo POS, ZaloPay, VNPAY-QR): what the backend says, in every face.

## Progress of a wallet payment
pay-wallet-code-is = { $wallet } payment code
pay-wallet-status-sending = Sending the code to { $wallet }…
pay-wallet-status-confirming = The customer is confirming in { $wallet }…
pay-wallet-status-waiting = Waiting for the customer to scan and pay with { $wallet }…
pay-wallet-status-closing = Time is up: asking { $wallet } to confirm the order is closed…
pay-wallet-approved = { $wallet } payment received. Sale { $receipt } closed.
pay-wallet-remaining = { $wallet } payment received. Still due: { $amount }
# What the customer sees in the wallet app for the order and for its refund.
pay-wallet-order-info = Payment for sale { $sale }
pay-wallet-refund-info = Refund for sale { $sale }

## Why a wallet payment did not go through
err-wallet-gave-up = You stopped waiting for { $wallet }. The order is still watched: if the customer pays it after all, the sale is completed or the payment is listed for a refund.
err-wallet-declined = { $wallet } declined the payment (code { $code }).
err-wallet-insufficient-funds = { $wallet }: the customer's balance is not enough (code { $code }).
err-wallet-over-limit = { $wallet }: the customer's payment limit is reached (code { $code }).
err-wallet-customer-cancelled = { $wallet }: the customer cancelled the payment (code { $code }).
err-wallet-code-expired = { $wallet }: the payment code is expired or already used; ask the customer to refresh it (code { $code }).
err-wallet-refused = { $wallet } refused the request; nothing was charged (code { $code }).
err-wallet-expired = The { $wallet } order expired unpaid. You can try again.
err-wallet-unknown = No final answer from { $wallet } yet for payment { $key }. It is asked again in the background; do not charge the customer again.
err-wallet-not-configured = { $wallet } is not configured: { $missing } is missing.
err-wallet-config = The { $wallet } settings are not usable: { $error }
err-wallet-currency = Wallets take Vietnamese đồng; this counter works in { $currency }.
err-wallet-not-enabled = { $wallet } is not enabled on this counter.
err-wallet-code-required = Scan the customer's { $wallet } payment code first.
err-wallet-code-unknown = This is not a wallet payment code. Nothing was sent.
err-wallet-code-unsupported = { $wallet } codes are not accepted at this counter. Nothing was sent.
err-wallet-no-code-scan = { $wallet } is paid by the customer scanning the counter's QR, not by scanning a code.
err-wallet-amount-limits = { $wallet } takes { $min } to { $max } per payment; { $amount } is outside. Nothing was sent.
err-wallet-nothing-running = No wallet payment is running.
err-wallet-not-unused = Payment { $key } is not a wallet payment waiting for a refund.
err-wallet-unknown-order = The wallet named an order this counter does not know.
err-wallet-refund-in-portal = This wallet has no refund service for the shop: refund payment { $key } in the wallet's merchant portal, then settle it by hand on the Open payments screen.
err-wallet-still-payable = Payment { $key } can still be paid at the wallet until its QR expires: wait, or ask the wallet again, before settling it as not charged.

## Settings
setup-group-wallets = Wallets (MoMo, ZaloPay, VNPAY-QR)
setup-key-wallet-qr-deadline = How long a payment QR stays valid (seconds)
setup-key-wallet-poll = Seconds between questions to the wallet
setup-key-wallet-momo-enabled = MoMo payments
setup-key-wallet-momo-url = MoMo API address
setup-key-wallet-momo-partner-code = MoMo partner code
setup-key-wallet-momo-access-key = MoMo access key
setup-key-wallet-momo-secret-key = MoMo secret key
setup-key-wallet-momo-public-key = MoMo public key (RSA)
setup-key-wallet-momo-store-id = MoMo store ID
setup-key-wallet-momo-listen = MoMo IPN: listen on (address:port)
setup-key-wallet-momo-callback-url = MoMo IPN: public address
setup-key-wallet-zalopay-enabled = ZaloPay payments
setup-key-wallet-zalopay-url = ZaloPay API address
setup-key-wallet-zalopay-app-id = ZaloPay app ID
setup-key-wallet-zalopay-key1 = ZaloPay Key1
setup-key-wallet-zalopay-key2 = ZaloPay Key2
setup-key-wallet-zalopay-listen = ZaloPay callback: listen on (address:port)
setup-key-wallet-zalopay-callback-url = ZaloPay callback: public address
setup-key-wallet-vnpay-enabled = VNPAY-QR payments
setup-key-wallet-vnpay-url = VNPAY-QR API address
setup-key-wallet-vnpay-merchant-code = VNPAY merchant code
setup-key-wallet-vnpay-terminal-id = VNPAY terminal ID
setup-key-wallet-vnpay-secret = VNPAY secret key
setup-key-wallet-vnpay-merchant-type = VNPAY merchant type (MCC)
setup-key-wallet-vnpay-listen = VNPAY IPN: listen on (address:port)

## Connection tests
setup-target-momo-pay = MoMo payments
setup-target-zalopay = ZaloPay
setup-target-vnpay = VNPAY-QR
setup-step-wallet-settings = { $wallet } settings are complete
setup-step-wallet-keys = { $wallet } answered a signed question (the keys are right)
setup-ok-wallet-settings = The { $wallet } settings are complete.
setup-ok-wallet-keys = { $wallet } answered "no such order" (code { $code }), signed with the shop's keys.
setup-fail-wallet-keys = The wallet's answer does not prove the keys: { $detail }
