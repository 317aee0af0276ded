# Alipay merchant coupons (voucher:alipay:CODE).

# The voucher dialog's partner button, and its note when the counter has no voucher partner.
coupon-partner-alipay = Phiếu giảm giá Alipay
coupon-no-partner = Quầy này không nhận phiếu quà tặng.

err-coupon-alipay-off = Chỉ quầy tính tiền bằng nhân dân tệ (CNY) và đã bật Alipay mới nhận phiếu giảm giá Alipay.
err-coupon-no-shop = Quầy này chưa có cửa hàng Alipay được duyệt: hãy đăng cửa hàng và chờ Alipay duyệt rồi mới nhận phiếu giảm giá.
err-coupon-alipay-unavailable = Alipay không phản hồi. Hãy thử lại sau giây lát, hoặc nhận cách thanh toán khác.
err-coupon-alipay-refused = Alipay từ chối phiếu giảm giá { $code }: { $error }
