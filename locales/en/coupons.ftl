# Alipay merchant coupons (voucher:alipay:CODE).

# The voucher dialog's partner button, and its note when the counter has no voucher partner.
coupon-partner-alipay = Alipay coupon
coupon-no-partner = This counter takes no vouchers.

err-coupon-alipay-off = Alipay coupons are taken only on a counter in yuan (CNY) with Alipay turned on.
err-coupon-no-shop = This counter has no approved Alipay shop yet: publish the shop and wait for Alipay’s approval before taking coupons.
err-coupon-alipay-unavailable = Alipay is not answering. Try again in a moment, or take another payment.
err-coupon-alipay-refused = Alipay refused coupon { $code }: { $error }
