# The receipt, on screen (preview) and on paper or PDF.

receipt-store = Quay Café
receipt-number = 小票号 { $number }
receipt-cashier = 收银员：{ $name }
receipt-void-of = 作废单：原小票 { $number }
receipt-void-reason = 原因：{ $reason }
receipt-void-approved-by = 批准人：{ $name }
receipt-total = 合计
receipt-vat = 含增值税 { $rate }
receipt-tender-cash = 现金
receipt-tender-card = 银行卡
receipt-tender-voucher = 代金券
receipt-tender-wallet = 电子钱包
receipt-tender-wallet-named = 电子钱包（{ $wallet }）
receipt-wallet-ref = 交易号 { $ref }
receipt-tendered = 实收
receipt-change = 找零
receipt-thanks = 谢谢惠顾，欢迎再次光临！
receipt-wallet-coupon = { $wallet }优惠券：{ $name }
