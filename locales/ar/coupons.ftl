# Alipay merchant coupons (voucher:alipay:CODE).

# The voucher dialog's partner button, and its note when the counter has no voucher partner.
coupon-partner-alipay = قسيمة Alipay
coupon-no-partner = لا تقبل هذه النقطة أي قسائم.

err-coupon-alipay-off = لا تُقبل قسائم Alipay إلا في نقطة بيع باليوان (CNY) مع تفعيل Alipay.
err-coupon-no-shop = ليس لهذه النقطة متجر Alipay معتمد بعد: انشر المتجر وانتظر موافقة Alipay قبل قبول القسائم.
err-coupon-alipay-unavailable = Alipay لا يستجيب. حاول مجددًا بعد لحظة، أو اقبل طريقة دفع أخرى.
err-coupon-alipay-refused = رفض Alipay القسيمة { $code }: { $error }
