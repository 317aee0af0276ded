# The receipt, on screen (preview) and on paper or PDF.

receipt-store = Quay Café
receipt-number = Hóa đơn số { $number }
receipt-cashier = Thu ngân: { $name }
receipt-void-of = HỦY hóa đơn số { $number }
receipt-void-reason = Lý do: { $reason }
receipt-void-approved-by = Người duyệt: { $name }
receipt-total = Tổng cộng
receipt-vat = Đã gồm VAT { $rate }
receipt-tender-cash = Tiền mặt
receipt-tender-card = Thẻ
receipt-tender-voucher = Phiếu quà tặng
receipt-tender-wallet = Ví điện tử
receipt-tender-wallet-named = Ví ({ $wallet })
receipt-wallet-ref = Mã giao dịch { $ref }
receipt-tendered = Khách đưa
receipt-change = Tiền thừa
receipt-thanks = Cảm ơn quý khách, hẹn gặp lại!
receipt-wallet-coupon = Phiếu giảm giá { $wallet }: { $name }
