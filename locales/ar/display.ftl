# Wallet payments (MoMo, ZaloPay, VNPAY-QR, Alipay) at the counter, and the screen turned to the
# customer. Money arrives already formatted for the locale.

## Wallet payment dialog
wallet-pay = محفظة
wallet-title = الدفع بالمحفظة
wallet-choose = اختر محفظة العميل
wallet-amount = المبلغ بالمحفظة
wallet-amount-hint = اتركه فارغاً لدفع كامل المبلغ المستحق ({ $amount }).
wallet-code-label = رمز الدفع الخاص بالعميل
wallet-code-hint = امسح الرمز في تطبيق العميل، أو اكتبه واضغط Enter.
wallet-code-checking = جارٍ التحقق من الرمز…
wallet-charge = تحصيل
wallet-show-qr = اعرض رمز QR الخاص بنا بدلاً من ذلك
wallet-show-qr-hint = يمسح العميل رمزنا عبر { $wallet } بدلًا من إظهار رمزه.
wallet-or = أو
wallet-waiting = في انتظار الدفع…
wallet-qr-turn = أدر الشاشة نحو العميل: يمسح هذا الرمز باستخدام { $wallet }.
wallet-qr-alt = رمز QR للدفع باستخدام { $wallet }
wallet-qr-on-display = رمز QR معروض على شاشة العميل.
wallet-amount-label = المبلغ
wallet-time-left = الوقت المتبقي
wallet-time-up = انتهى الوقت
wallet-give-up = أوقف الانتظار
wallet-giving-up = جارٍ الإيقاف…
wallet-late-hint = الدفعة التي تصل لاحقاً تُسجَّل مع ذلك.
wallet-retry = أعد المحاولة

## Customer display
cd-title = شاشة العميل
cd-welcome = أهلاً وسهلاً
cd-welcome-hint = سيظهر طلبك هنا.
cd-total = الإجمالي
cd-quantity = الكمية
cd-qr-scan = امسح باستخدام { $wallet } للدفع
cd-amount = المبلغ المطلوب
cd-time-left = الوقت المتبقي
cd-time-up = انتهت صلاحية هذا الرمز
cd-thanks = شكراً لك!
cd-paid = تم الدفع
