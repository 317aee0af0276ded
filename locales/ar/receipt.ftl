# The receipt, on screen (preview) and on paper or PDF.

receipt-store = Quay Café
receipt-number = إيصال رقم { $number }
receipt-cashier = الكاشير: { $name }
receipt-void-of = إلغاء الإيصال رقم { $number }
receipt-void-reason = السبب: { $reason }
receipt-void-approved-by = وافق عليه: { $name }
receipt-total = الإجمالي
receipt-vat = شامل ضريبة القيمة المضافة { $rate }
receipt-tender-cash = نقداً
receipt-tender-card = بطاقة
receipt-tender-voucher = قسيمة
receipt-tender-wallet = محفظة إلكترونية
receipt-tender-wallet-named = محفظة ({ $wallet })
receipt-wallet-ref = المعاملة { $ref }
receipt-tendered = المدفوع
receipt-change = الباقي
receipt-thanks = شكرًا لزيارتكم، نراكم قريبًا!
receipt-wallet-coupon = قسيمة { $wallet }: { $name }
