# The receipt, on screen (preview) and on paper or PDF.

receipt-store = Quay Café
receipt-number = Receipt { $number }
receipt-cashier = Cashier: { $name }
receipt-void-of = VOID of receipt { $number }
receipt-void-reason = Reason: { $reason }
receipt-void-approved-by = Approved by: { $name }
receipt-total = Total
receipt-vat = VAT { $rate } included
receipt-tender-cash = Cash
receipt-tender-card = Card
receipt-tender-voucher = Voucher
receipt-tender-wallet = Wallet
receipt-tender-wallet-named = Wallet ({ $wallet })
receipt-wallet-ref = Transaction { $ref }
receipt-tendered = Tendered
receipt-change = Change
receipt-thanks = Thank you, see you again!
receipt-wallet-coupon = { $wallet } coupon: { $name }
