# Alipay merchant coupons (voucher:alipay:CODE).

# The voucher dialog's partner button, and its note when the counter has no voucher partner.
coupon-partner-alipay = Κουπόνι Alipay
coupon-no-partner = Αυτό το ταμείο δεν δέχεται κουπόνια.

err-coupon-alipay-off = Τα κουπόνια Alipay γίνονται δεκτά μόνο σε ταμείο σε γιουάν (CNY) με ενεργό το Alipay.
err-coupon-no-shop = Αυτό το ταμείο δεν έχει ακόμη εγκεκριμένο κατάστημα Alipay: δημοσιεύστε το κατάστημα και περιμένετε την έγκριση του Alipay πριν δεχτείτε κουπόνια.
err-coupon-alipay-unavailable = Το Alipay δεν απαντά. Δοκιμάστε ξανά σε λίγο ή δεχτείτε άλλον τρόπο πληρωμής.
err-coupon-alipay-refused = Το Alipay απέρριψε το κουπόνι { $code }: { $error }
