# The receipt, on screen (preview) and on paper or PDF.

receipt-store = Quay Café
receipt-number = Απόδειξη { $number }
receipt-cashier = Ταμίας: { $name }
receipt-void-of = ΑΚΥΡΩΣΗ της απόδειξης { $number }
receipt-void-reason = Αιτία: { $reason }
receipt-void-approved-by = Εγκρίθηκε από: { $name }
receipt-total = Σύνολο
receipt-vat = Συμπεριλαμβάνεται ΦΠΑ { $rate }
receipt-tender-cash = Μετρητά
receipt-tender-card = Κάρτα
receipt-tender-voucher = Κουπόνι
receipt-tender-wallet = Ψηφιακό πορτοφόλι
receipt-tender-wallet-named = Πορτοφόλι ({ $wallet })
receipt-wallet-ref = Συναλλαγή { $ref }
receipt-tendered = Δόθηκαν
receipt-change = Ρέστα
receipt-thanks = Σας ευχαριστούμε, ελάτε ξανά!
receipt-wallet-coupon = Κουπόνι { $wallet }: { $name }
