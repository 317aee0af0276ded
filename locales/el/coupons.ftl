# Alipay merchant coupons (voucher:alipay:CODE).
