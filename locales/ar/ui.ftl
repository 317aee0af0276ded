# The counter's screens. Money and dates arrive already formatted for the locale.

app-title = Quay
nav-register = نقطة البيع
nav-sales = مبيعات اليوم
locale-label = اللغة
menu-version = إصدار القائمة { $version }
menu-missing = لا توجد قائمة بعد: استورد قائمة أو زامِن مع الخادم المركزي.

## Register
search-placeholder = بحث: الاسم أو SKU أو الباركود
search-clear = مسح البحث
search-no-results = لا توجد نتائج لـ «{ $query }»
category-all = الكل
item-sold-out = نفدت الكمية
item-has-options = خيارات

## Cart
cart-title = الطلب الحالي
cart-empty = اضغط على صنف لبدء عملية بيع.
cart-items =
    { $count ->
        [zero] لا أصناف
        [one] صنف واحد
        [two] صنفان
        [few] { $count } أصناف
        [many] { $count } صنفًا
       *[other] { $count } صنف
    }
cart-qty-decrease = إنقاص الكمية
cart-qty-increase = زيادة الكمية
cart-edit = خيارات
cart-note = ملاحظة
cart-remove = إزالة
cart-clear = مسح الطلب
total-label = الإجمالي
vat-line = شامل ضريبة القيمة المضافة { $rate }: { $amount }
pay-cash = نقداً

## Options and note dialog
options-add = أضف إلى الطلب
options-save = حفظ
options-pick-one = اختر واحدًا
options-pick-range = اختر من { $min } إلى { $max }
options-pick-up-to = حتى { $max }
qty-label = الكمية
note-label = ملاحظة
note-placeholder = مثال: ثلج أقل
cancel = إلغاء
close = إغلاق

## Cash
cash-title = الدفع نقداً
cash-due = المستحق
cash-tendered = المدفوع
cash-change = الباقي
cash-short = ينقص { $amount }
cash-exact = المبلغ بالضبط
cash-clear = مسح
cash-backspace = حذف آخر رقم
cash-confirm = إتمام البيع

## File picker (a translated button for the file input)
file-choose = اختر ملفاً…
file-none = لم يُختر أي ملف

## Receipt preview
receipt-title = الإيصال
new-sale = بيع جديد
receipt-print = طباعة الإيصال
receipt-reprint = إعادة طباعة الإيصال
receipt-printing = جارٍ الطباعة…
receipt-printed = حُفظ الإيصال { $receipt } للطباعة: { $path }

## Sales today
sales-title = مبيعات اليوم
sales-empty = لا توجد مبيعات اليوم بعد.
sales-summary = { $count ->
        [zero] لا مبيعات
        [one] عملية بيع واحدة
        [two] عمليتا بيع
        [few] { $count } عمليات بيع
        [many] { $count } عملية بيع
       *[other] { $count } عملية بيع
    }، { $amount }
sales-col-receipt = الإيصال
sales-col-time = الوقت
sales-col-total = الإجمالي
sales-col-status = الحالة
sale-status-closed = مكتملة
sale-status-voided = ملغاة
sale-status-void = إلغاء
sales-view = الإيصال
sales-void = إلغاء

## Void
void-title = إلغاء البيع { $receipt }
void-reason-label = السبب
void-reason-placeholder = مثال: طلب خاطئ
void-confirm = تأكيد الإلغاء
void-done = تم إلغاء البيع { $receipt }.

## Messages
sale-closed = تم إتمام البيع { $receipt }. الباقي: { $change }
error-title = حدث خطأ ما

## Hub sync
nav-hub = الخادم المركزي
sync-pending =
    { $count ->
        [zero] لا مبيعات بانتظار الإرسال منذ { $since }
        [one] عملية بيع واحدة بانتظار الإرسال منذ { $since }
        [two] عمليتا بيع بانتظار الإرسال منذ { $since }
        [few] { $count } عمليات بيع بانتظار الإرسال منذ { $since }
        [many] { $count } عملية بيع بانتظار الإرسال منذ { $since }
       *[other] { $count } عملية بيع بانتظار الإرسال منذ { $since }
    }
sync-all-sent = تم إرسال جميع المبيعات
sync-now = زامِن الآن
sync-progress-menu = جارٍ تحديث القائمة…
sync-progress-sales = جارٍ إرسال المبيعات: { $done } من { $total }
menu-updated = تم تحديث القائمة إلى الإصدار { $version }.
cart-line-removed = لم يعد في القائمة
cart-line-unavailable = نفدت الكمية الآن
hub-title = الاتصال بالخادم المركزي
hub-menu-title = مزامنة القائمة
hub-menu-counter = نقطة البيع هذه
hub-menu-hub = الخادم المركزي
hub-menu-version = الإصدار
hub-menu-hash = بصمة المحتوى
hub-in-sync = قائمة نقطة البيع مطابقة لقائمة الخادم المركزي.
hub-out-of-sync = قائمة نقطة البيع تختلف عن قائمة الخادم المركزي.
hub-diff-added = أُضيف في الخادم المركزي
hub-diff-changed = عُدِّل في الخادم المركزي
hub-diff-removed = حُذف من الخادم المركزي
hub-check = قارن مع الخادم المركزي
hub-outbox-title = مبيعات بانتظار الإرسال إلى الخادم المركزي
hub-last-error = آخر محاولة: { $message }
hub-rejected-title = مبيعات رفضها الخادم المركزي
hub-rejected-none = لا شيء.

## Card
pay-card = بطاقة
card-title = الدفع بالبطاقة
card-follow = اتبع التعليمات على جهاز الدفع.
card-amount = المبلغ بالبطاقة
card-amount-hint = اتركه فارغاً لدفع كامل المبلغ المستحق ({ $amount }).
card-approved = تمت الموافقة على البطاقة. أُغلقت عملية البيع { $receipt }.
card-remaining = تمت الموافقة على البطاقة. المتبقي: { $amount }
card-retry = أعد المحاولة

## What the card terminal shows
zvt-status-confirm-amount = أكّد المبلغ على الجهاز
zvt-status-enter-pin = أدخل رمز PIN
zvt-status-waiting-host = بانتظار البنك…
zvt-status-auto-reversal = إلغاء تلقائي
zvt-status-card-refused = البطاقة غير مقبولة
zvt-status-card-expired = البطاقة منتهية الصلاحية
zvt-status-insert-card = أدخل البطاقة أو المسها أو مرّرها
zvt-status-remove-card = اسحب البطاقة
zvt-status-card-unreadable = تعذّرت قراءة البطاقة
zvt-status-wait = يُرجى الانتظار…
zvt-status-wrong-pin = رمز PIN غير صحيح
zvt-status-pin-tries = تم تجاوز عدد محاولات PIN
zvt-status-approved = تمت الموافقة
zvt-status-declined = مرفوضة
zvt-status-other = الجهاز مشغول
viva-order-sent = أُرسل الطلب: اضغط F1 على الجهاز
audit-verified = سجل التدقيق سليم: { $count } قيداً.

## Staff and sign-in
nav-staff = الفني
sign-out = تسجيل الخروج
staff-role =
    { $role ->
        [cashier] أمين الصندوق
        [manager] المدير
       *[technician] الفني
    }
pin-backspace = حذف آخر رقم
pin-clear = مسح
signin-title = تسجيل الدخول
signin-hint = اكتب رمز PIN على لوحة الأرقام أو لوحة المفاتيح.
signin-pin-label = رمز PIN
signin-submit = تسجيل الدخول
signin-checking = جارٍ التحقق…
firstrun-banner = الإعداد: لا يوجد موظفون بعد — أضف أول فني.
firstrun-open = إضافة أول فني
firstrun-explain = حتى ذلك الحين تعمل نقطة البيع دون تسجيل دخول. بعد إضافة فني، يسجّل الجميع الدخول برمز PIN.
firstrun-done = أُضيف الفني { $name }. سجّل الدخول برمز PIN.
staff-add-title = إضافة موظف
staff-add-open = إضافة موظف
staff-add-submit = إضافة
staff-name-label = الاسم
staff-role-label = الدور
staff-pin-label = رمز PIN
staff-pin2-label = أعد كتابة رمز PIN
staff-pin-hint = أرقام فقط. يجب ألا يعرفه أحد سوى هذا الشخص.
staff-pin-mismatch = رمزا PIN غير متطابقين.
staff-name-missing = الاسم مطلوب.
staff-pin-missing = رمز PIN مطلوب.
staff-added = أُضيف { $name }.
staff-action =
    { $action ->
        [ring-sale] تسجيل المبيعات
        [view-sales] عرض مبيعات اليوم وإيصالاتها
        [approve-void] الموافقة على الإلغاء
        [approve-refund] الموافقة على الاسترداد
        [close-day] إقفال اليوم
        [reconcile] مطابقة المدفوعات
        [manual-bank-entry] إدخال مدفوعات بنكية يدويًا
        [settle-payment] تسوية مدفوعات البطاقات يدويًا
        [open-drawer] فتح درج النقود دون عملية بيع
        [configure-settings] تغيير إعدادات نقطة البيع
        [test-connection] اختبار الاتصالات
        [manage-staff] إضافة الموظفين وإدارتهم
       *[other] { $action }
    }
tech-title = الفني: { $name }
tech-explain = يُعِدّ الفنيون نقطة البيع: الموظفين والإعدادات والاتصالات. ولا يسجّلون المبيعات.
tech-may-title = ما يمكنك فعله هنا
approver-pin-label = رمز PIN الخاص بالمدير
void-approver-hint = يوافق المدير على الإلغاء بكتابة رمز PIN الخاص به هنا.

## Card payments not settled
open-payments-badge =
    { $count ->
        [zero] لا مدفوعات بطاقة غير مسوّاة
        [one] دفعة بطاقة واحدة غير مسوّاة
        [two] دفعتا بطاقة غير مسوّاتين
        [few] { $count } دفعات بطاقة غير مسوّاة
        [many] { $count } دفعة بطاقة غير مسوّاة
       *[other] { $count } دفعة بطاقة غير مسوّاة
    }
open-payments-title = مدفوعات بطاقة غير مسوّاة
open-payments-explain = لا تعرف نقطة البيع هل خُصم المبلغ من هذه البطاقات أم لا (بعد تعطّل أو ضياع الرد). اسأل جهاز الدفع مرة أخرى أولًا. لا تخصم من البطاقة مرة ثانية أبدًا.
open-payments-none = لا توجد دفعة بطاقة بالانتظار.
open-payments-resolve = اسأل جهاز الدفع مرة أخرى
open-payments-asking = جارٍ سؤال جهاز الدفع…
open-payments-still-unknown = لم يتمكن جهاز الدفع من الإجابة بعد. أعد المحاولة أو سوِّ الدفعة يدويًا.
open-payments-all-settled = سُوّيت جميع مدفوعات البطاقات.
open-payments-some-settled =
    { $count ->
        [zero] لم تُسوَّ أي دفعة بطاقة.
        [one] سُوّيت دفعة بطاقة واحدة.
        [two] سُوّيت دفعتا بطاقة.
        [few] سُوّيت { $count } دفعات بطاقة.
        [many] سُوّيت { $count } دفعة بطاقة.
       *[other] سُوّيت { $count } دفعة بطاقة.
    }
open-payment-state =
    { $state ->
        [pending] لم تُرسل إلى جهاز الدفع بعد
        [sent] أُرسلت إلى جهاز الدفع دون رد
        [paid_unused] دُفع بعد أن توقف أمين الصندوق عن الانتظار: يجب استرداده
       *[unknown] النتيجة غير معروفة
    }
open-payment-terminal =
    { $terminal ->
        [zvt] جهاز دفع ZVT
        [viva] جهاز دفع Viva
        [momo] MoMo
        [zalopay] ZaloPay
        [vnpay] VNPAY-QR
       *[other] { $terminal }
    }
open-payment-settle = تسوية يدوية
open-payment-refund = استرداد
refund-unused-title = استرداد { $amount } للعميل
refund-unused-explain = دفع العميل بالمحفظة بعد أن توقف أمين الصندوق عن الانتظار، ودُفعت عملية البيع بطريقة أخرى. يُعاد المبلغ عبر المحفظة نفسها.
refund-unused-confirm = استرداد
settle-title = تسوية { $amount } يدويًا
settle-explain = انظر إلى جهاز الدفع وآخر إيصال طبعه. هل خُصم المبلغ من البطاقة؟
settle-outcome = النتيجة
settle-charged = خُصم المبلغ
settle-not-charged = لم يُخصم المبلغ
settle-reason-label = السبب
settle-reason-placeholder = مثلًا: الإيصال يقول تمت الموافقة
settle-confirm = تسوية

## Vouchers (MoMo, GiftPop)
pay-voucher = قسيمة
voucher-title = الدفع بقسيمة
voucher-partner-label = الشريك
voucher-partner =
    { $partner ->
        [momo] MoMo
        [giftpop] GiftPop
       *[other] { $partner }
    }
voucher-code-label = رمز القسيمة
voucher-code-placeholder = امسح الرمز أو اكتبه
voucher-check = تحقق
voucher-apply = تطبيق
voucher-asking = جارٍ سؤال الخادم المركزي…
voucher-status =
    { $status ->
        [valid] صالحة
        [used] مستخدمة من قبل
        [expired] منتهية الصلاحية
        [not_found] غير موجودة
        [wrong_store] غير صالحة في هذا المتجر
        [inactive] غير مفعّلة
       *[other] { $status }
    }
voucher-value = القيمة
voucher-percent = خصم { $percent }
voucher-min-spend = الحد الأدنى للشراء
voucher-expires = تنتهي في
voucher-conditions = الشروط
voucher-applies = ما تغطيه من هذا البيع
voucher-apply-hint = اضغط Enter مرة أخرى أو المس «تطبيق» لاستخدامها.
voucher-refused = لا يمكن استخدامها في هذا البيع
voucher-applied = طُبّقت القسيمة. المتبقي: { $due }
voucher-remove = إزالة القسيمة { $code }
voucher-removed = أُزيلت القسيمة { $code }.
voucher-covers = القسائم تغطي البيع كله.
voucher-close-sale = إتمام البيع
payment-card-paid = مدفوع بالبطاقة
payment-due = المتبقي
backup-written = كُتبت نسخة احتياطية مشفّرة في { $file }.
backup-restored = استُعيدت نقطة البيع في { $dir }.

## Settings and connection tests (technician)
settings-title = الإعدادات
settings-explain = تُحفَظ كل مجموعة وحدها. إذا رُفضت قيمة واحدة فلا يُحفَظ شيء من المجموعة: صحّحها ثم احفظ من جديد.
settings-loading = جارٍ تحميل الإعدادات…
settings-reload = حاول مرة أخرى
settings-save = حفظ
settings-saving = جارٍ الحفظ…
settings-reset = تراجع عن التغييرات
settings-unsaved =
    { $count ->
        [zero] لا تغييرات غير محفوظة
        [one] تغيير واحد غير محفوظ
        [two] تغييران غير محفوظين
        [few] { $count } تغييرات غير محفوظة
        [many] { $count } تغييرًا غير محفوظ
       *[other] { $count } تغيير غير محفوظ
    }
setting-not-set = (غير مضبوط)
setting-secret-set = •••••••• (مضبوط)
setting-secret-keep = اتركه فارغًا للإبقاء على القيمة الحالية.
setting-on = تشغيل
setting-off = إيقاف
setting-choice =
    { $choice ->
        [zvt] ZVT (كابل)
        [viva] Viva (سحابي)
       *[other] { $choice }
    }
connect-test = اختبار الاتصال
connect-testing = جارٍ الاختبار…
connect-wait = جارٍ الاتصال فعليًا: قد يستغرق ذلك بضع ثوانٍ.
connect-unsaved = يستخدم الاختبار الإعدادات المحفوظة: احفظ تغييراتك أولًا.
connect-step-ms = { $ms } مللي ثانية
connect-pdf-label = التقرير القابل للطباعة (PDF):

## Day-end (managers). Section and column labels come from dayend.ftl (dayend-*).
nav-dayend = إقفال اليوم
dayend-ui-title = إقفال اليوم
dayend-ui-date = يوم العمل
dayend-ui-reload = تحديث
dayend-ui-loading = جارٍ التحميل…
dayend-ui-wait = قد يستغرق هذا بضع ثوانٍ.
dayend-ui-tender =
    { $tender ->
        [cash] نقدًا
        [card] بطاقة
        [voucher] قسيمة
        [wallet] محفظة إلكترونية
       *[other] { $tender }
    }
dayend-ui-terminal-title = دفعة جهاز الدفع
dayend-ui-terminal-explain = يُقفل جهاز الدفع دفعة اليوم، ويقارنها الصندوق حسب نوع البطاقة بمدفوعاته بالبطاقة.
dayend-ui-terminal-run = إقفال دفعة جهاز الدفع
dayend-ui-terminal-running = جارٍ إقفال الدفعة في جهاز الدفع…
dayend-ui-terminal-agrees = دفعة جهاز الدفع مطابقة للصندوق.
dayend-ui-batch-closed = أقفل { $name } الدفعة في { $at }
dayend-ui-terminal-receipts = الإيصالات { $from }–{ $to }
dayend-ui-bank-preset = صيغة الملف
dayend-ui-preset =
    { $preset ->
        [generic] CSV عام
        [viva] Viva Wallet
       *[other] { $preset }
    }
dayend-ui-preset-new = تعيين ملف بنك جديد…
dayend-ui-preset-saved = حُفظ التعيين «{ $name }».
dayend-ui-preset-title = تعيين ملف بنك جديد
dayend-ui-preset-explain = اختر ملف دفعة من البنك الجديد. يخمّن Quay ما يحويه كل عمود: راجع كل حقل، وجرّب التعيين على الملف، ثم احفظه باسم.
dayend-ui-preset-file = ملف دفعة من البنك (CSV)
dayend-ui-preset-reading = جارٍ قراءة الملف…
dayend-ui-preset-rows =
    { $count ->
        [zero] لا أسطر في الملف
        [one] سطر واحد في الملف
        [two] سطران في الملف
        [few] { $count } أسطر في الملف
        [many] { $count } سطرًا في الملف
       *[other] { $count } سطر في الملف
    }
dayend-ui-preset-delimiter = تُفصل الأعمدة بـ
dayend-ui-preset-delimiter-option =
    { $delimiter ->
        [comma] فاصلة (,)
        [semicolon] فاصلة منقوطة (;)
        [tab] مسافة جدولة (Tab)
        [pipe] خط عمودي (|)
       *[other] { $delimiter }
    }
dayend-ui-preset-header = السطر الأول يحوي أسماء الأعمدة
dayend-ui-preset-col-field = الحقل
dayend-ui-preset-col-column = العمود في الملف
dayend-ui-preset-field =
    { $field ->
        [transaction_id] معرّف العملية
        [merchant_reference] مرجع التاجر
        [order_code] رمز الطلب
        [merchant_id] معرّف التاجر (MID)
        [terminal_id] معرّف الجهاز (TID)
        [date_time] التاريخ والوقت
        [scheme] شبكة البطاقة
        [masked_pan] رقم البطاقة (مخفي)
        [amount] المبلغ
        [currency] العملة
        [auth_code] رمز التفويض
        [rrn] الرقم المرجعي للاسترجاع (RRN)
        [stan] رقم التتبع (STAN)
        [kind] نوع العملية
       *[other] { $field }
    }
dayend-ui-preset-required = إلزامي
dayend-ui-preset-not-in-file = — غير موجود في هذا الملف —
dayend-ui-preset-column = العمود { $number }
dayend-ui-preset-column-option = { $name } — { $examples }
dayend-ui-preset-no-currency = من دون عمود للعملة، يكون كل سطر بعملة نقطة البيع.
dayend-ui-preset-no-kind = من دون عمود لنوع العملية، تُعدّ المبالغ السالبة استردادًا وكل ما عداها بيعًا.
dayend-ui-preset-amount = طريقة كتابة المبالغ
dayend-ui-preset-amount-option =
    { $format ->
        [decimal-dot] بنقطة عشرية (12.50)
        [decimal-comma] بفاصلة عشرية (12,50)
        [minor] بأصغر وحدة للعملة دون فاصل (1250 بدل 12.50)
       *[other] { $format }
    }
dayend-ui-preset-date = طريقة كتابة التاريخ والوقت
dayend-ui-preset-date-option =
    { $format ->
        [iso8601] ISO 8601 مع فرق التوقيت (‎2026-11-21T19:45:03+07:00‎)
       *[pattern] بنمط خاص
    }
dayend-ui-preset-pattern = النمط
dayend-ui-preset-pattern-help = ‎%d اليوم، ‎%m الشهر، ‎%Y السنة، ‎%H الساعة، ‎%M الدقيقة، ‎%S الثانية؛ مثلًا ‎%d/‎%m/‎%Y ‎%H:‎%M
dayend-ui-preset-pattern-example = في هذا الملف: { $example }
dayend-ui-preset-pattern-empty = اكتب النمط الذي يتبعه التاريخ والوقت.
dayend-ui-preset-offset = فرق التوقيت عن UTC (±HH:MM)‎
dayend-ui-preset-offset-bad = اكتب فرق التوقيت عن UTC بالشكل ‎+03:00 أو ‎-03:30.
dayend-ui-preset-separator-clash = في ملف تُفصل أعمدته بالفواصل، لا يمكن كتابة المبالغ بفاصلة عشرية.
dayend-ui-preset-types = معنى قيم العمود «{ $column }»
dayend-ui-preset-types-none = هذا العمود فارغ في الملف.
dayend-ui-preset-type-unmapped = — بلا معنى —
dayend-ui-preset-types-open =
    { $count ->
        [zero] لكل القيم معنى.
        [one] قيمة واحدة بلا معنى بعد: تُرفض الأسطر التي تحويها عند الاستيراد.
        [two] قيمتان بلا معنى بعد: تُرفض الأسطر التي تحويهما عند الاستيراد.
        [few] { $count } قيم بلا معنى بعد: تُرفض الأسطر التي تحويها عند الاستيراد.
        [many] { $count } قيمة بلا معنى بعد: تُرفض الأسطر التي تحويها عند الاستيراد.
       *[other] { $count } قيمة بلا معنى بعد: تُرفض الأسطر التي تحويها عند الاستيراد.
    }
dayend-ui-preset-types-more = في الملف قيم أكثر مما يظهر هنا. تُرفض القيمة التي بلا معنى عند الاستيراد، مع ذكر سطرها وعمودها.
dayend-ui-preset-missing = اختر العمود لـ: { $fields }
dayend-ui-preset-name = اسم التعيين
dayend-ui-preset-name-placeholder = مثلًا اسم البنك
dayend-ui-preset-name-exists = يوجد تعيين محفوظ باسم «{ $name }»: الحفظ يستبدله.
dayend-ui-preset-try = جرّب على هذا الملف
dayend-ui-preset-trying = جارٍ قراءة الملف بهذا التعيين…
dayend-ui-preset-preview-lines =
    { $count ->
        [zero] لم يقرأ التعيين أي سطر.
        [one] قرأ التعيين سطرًا واحدًا.
        [two] قرأ التعيين سطرين.
        [few] قرأ التعيين { $count } أسطر.
        [many] قرأ التعيين { $count } سطرًا.
       *[other] قرأ التعيين { $count } سطر.
    }
dayend-ui-preset-preview-first = الأسطر الأولى
dayend-ui-preset-preview-stale = تغيّر التعيين منذ ذلك الحين: جرّبه مرة أخرى.
dayend-ui-preset-col-line = السطر
dayend-ui-preset-col-kind = النوع
dayend-ui-preset-col-auth = رمز التفويض
dayend-ui-preset-save = احفظ التعيين
dayend-ui-preset-saving = جارٍ حفظ التعيين…
dayend-ui-bank-file = ملف البنك (CSV)
dayend-ui-bank-import = استيراد ومطابقة
dayend-ui-bank-importing = جارٍ قراءة ملف البنك…
dayend-ui-bank-read-error = تعذّرت قراءة الملف «{ $file }».
dayend-ui-bank-imported =
    { $new ->
        [zero] لم يُستورد أي سطر جديد
        [one] استُورد سطر جديد واحد
        [two] استُورد سطران جديدان
        [few] استُوردت { $new } أسطر جديدة
        [many] استُورد { $new } سطرًا جديدًا
       *[other] استُورد { $new } سطر جديد
    } من أصل { $lines } في الملف.
dayend-ui-bank-already = سبق استيراد هذا الملف: لا جديد.
dayend-ui-bank-import-row = { $file } ({ $preset }): { $lines } سطر، { $new } جديد، بواسطة { $name } في { $at }
dayend-ui-bank-declined =
    { $count ->
        [zero] لم تُستبعد أي محاولة مرفوضة.
        [one] استُبعدت محاولة مرفوضة واحدة.
        [two] استُبعدت محاولتان مرفوضتان.
        [few] استُبعدت { $count } محاولات مرفوضة.
        [many] استُبعدت { $count } محاولة مرفوضة.
       *[other] استُبعدت { $count } محاولة مرفوضة.
    }
dayend-ui-filter-all = كل الأسطر
dayend-ui-filter-open = الأسطر التي تحتاج مراجعة فقط
dayend-ui-col-time = الوقت
dayend-ui-col-matched = مطابق مع
dayend-ui-kind =
    { $kind ->
        [sale] بيع
        [refund] استرداد
        [fee] رسوم
        [chargeback] استرداد باعتراض
       *[other] { $kind }
    }
dayend-ui-rule =
    { $rule ->
        [reference] بالمرجع
        [terminal_auth] بجهاز الدفع ورمز التفويض
        [amount_window] بالمبلغ والوقت
        [manual] يدويًا
       *[other] { $rule }
    }
dayend-ui-candidates = قد يكون: { $list }
dayend-ui-note = ملاحظة: { $note }
dayend-ui-duplicate-of = أدرجه البنك مرتين، مثل { $item }. يُحتسب مرة واحدة: أبلغ البنك.
dayend-ui-item-bank = سطر البنك { $line } · { $amount } · { $when }
dayend-ui-item-counter = الإيصال { $receipt } · { $brand } · { $amount } · { $when }
dayend-ui-settle-link = ربط
dayend-ui-settle-next = الدفعة التالية
dayend-ui-settle-enter = إدخال يدوي
dayend-ui-settle-link-bank-title = ربط سطر البنك هذا بدفعة في الصندوق
dayend-ui-settle-link-counter-title = ربط دفعة الصندوق هذه بسطر من البنك
dayend-ui-settle-next-title = ستكون هذه الدفعة في الدفعة التالية
dayend-ui-settle-next-explain = سيدفعها البنك ضمن دفعة لاحقة، وستُراجع مرة أخرى حينها.
dayend-ui-settle-enter-title = إدخال سطر البنك هذا يدويًا
dayend-ui-settle-enter-explain = تمت عملية البيع خارج Quay. يُسجَّل الإدخال باسمك وبالسبب الذي تذكره.
dayend-ui-settle-other = ربط مع
dayend-ui-settle-other-none = لا يوجد في الجهة الأخرى ما هو مفتوح للربط.
dayend-ui-settle-reason = السبب
dayend-ui-settle-reason-optional = السبب (اختياري)
dayend-ui-settle-reason-placeholder = مثلًا: إكرامية أُضيفت في جهاز الدفع
dayend-ui-settle-done = تم الحفظ.
dayend-ui-report-title = تقرير إقفال اليوم
dayend-ui-report-run = إنشاء التقرير (PDF و CSV)
dayend-ui-report-running = جارٍ إعداد التقرير…
dayend-ui-report-pdf = PDF:
dayend-ui-report-csv = CSV (جدول بيانات):
dayend-ui-close-title = إقفال اليوم
dayend-ui-close-explain = عُدّ النقد الموجود في الدرج وأدخله. يُقفل اليوم مرة واحدة فقط: لا يمكن التراجع.
dayend-ui-cash-placeholder = المبلغ
dayend-ui-close-reason = سبب الفرق
dayend-ui-close-reason-placeholder = مثلًا: خطأ في إعادة الباقي
dayend-ui-close-run = إقفال اليوم…
dayend-ui-close-confirm-title = إقفال اليوم { $date }؟
dayend-ui-close-confirm-text = لا يمكن التراجع عن إقفال اليوم.
dayend-ui-close-confirm = إقفال اليوم
dayend-ui-closed = تم إقفال اليوم { $date }.

## The date field: a day in the app language's order, month by name, and buttons for the
## day before, the day after and today.
date-field-previous = اليوم السابق
date-field-next = اليوم التالي
date-field-today = اليوم
date-field-day = يوم
date-field-month = الشهر
date-field-year = السنة

## استرداد جزئي لدفعة محفظة يوافق عليه المدير، من مبيعات اليوم: يعود جزء مما دفعه العميل
## عبر المحفظة نفسها، ويبقى البيع كما هو.
sales-refund-part = استرداد جزئي ({ $wallet })…
refund-part-title = استرداد جزء من دفعة { $wallet }، الإيصال { $receipt }
refund-part-explain = يعود المبلغ إلى العميل عبر { $wallet }. يبقى البيع كما هو: لإرجاع المبلغ كاملًا ألغِ البيع بدلًا من ذلك.
refund-part-paid = المدفوع
refund-part-left = المتبقي للاسترداد
refund-part-amount-label = المبلغ المراد استرداده
refund-part-amount-placeholder = المبلغ
refund-part-amount-hint = بحد أقصى { $left }.
refund-part-reason-label = السبب
refund-part-reason-placeholder = مثال: طبق أُعيد
refund-part-approver-hint = يوافق المدير على الاسترداد بكتابة رمز PIN الخاص به هنا.
refund-part-confirm = استرداد
refund-part-confirm-amount = استرداد { $amount }
refund-part-refunding = جارٍ الاسترداد…
refund-part-state =
    { $state ->
        [approved] تمت الموافقة على الاسترداد
        [declined] رُفض الاسترداد
        [unknown] النتيجة غير معروفة بعد
       *[other] أُرسل الاسترداد
    }
refund-part-done = يعود { $amount } إلى العميل عبر { $wallet }.
