# Alipay merchant coupons (voucher:alipay:CODE).

# The voucher dialog's partner button, and its note when the counter has no voucher partner.
coupon-partner-alipay = 支付宝优惠券
coupon-no-partner = 本收银台不接受优惠券。

err-coupon-alipay-off = 只有以人民币（CNY）结算并已开启支付宝的收银台才能使用支付宝优惠券。
err-coupon-no-shop = 本收银台还没有通过审核的支付宝门店：请先发布门店，待支付宝审核通过后再使用优惠券。
err-coupon-alipay-unavailable = 支付宝暂无响应。请稍后重试，或改用其他付款方式。
err-coupon-alipay-refused = 支付宝拒绝了优惠券 { $code }：{ $error }
