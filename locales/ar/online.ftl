# ‏Nhanh.vn على شاشات نقطة البيع (issue 16): الطلبات عبر الإنترنت (أمين الصندوق، المدير)
# وشاشة الربط الخاصة بالفني. المعرّفات: online-* و nhanh-ui-*.

## الطلبات عبر الإنترنت.
online-orders-button = طلبات الإنترنت
online-orders-badge =
    { $count ->
        [zero] لا طلبات مفتوحة عبر الإنترنت
        [one] طلب واحد مفتوح عبر الإنترنت
        [two] طلبان مفتوحان عبر الإنترنت
        [few] { $count } طلبات مفتوحة عبر الإنترنت
        [many] { $count } طلبًا مفتوحًا عبر الإنترنت
       *[other] { $count } طلب مفتوح عبر الإنترنت
    }
online-title = الطلبات عبر الإنترنت
online-tab-open = المفتوحة ({ $count })
online-tab-all = الكل
online-refresh = تحديث
online-loading = جارٍ تحميل الطلبات…
online-back = العودة إلى الصندوق
online-empty-open = لا توجد طلبات مفتوحة عبر الإنترنت. تظهر الطلبات الجديدة من Nhanh.vn هنا تلقائيًا.
online-empty-all = لا توجد طلبات عبر الإنترنت بعد.
online-group = { $stage } ({ $count })
online-stage-new = جديد
online-stage-confirmed = مؤكَّد
online-stage-preparing = قيد التحضير
online-stage-handed-over = تم التسليم
online-stage-cancelled = ملغى
online-stage-returned = مُرتجَع
online-stage-other = أخرى
online-customer-none = لا توجد بيانات للعميل
online-note = ملاحظة: { $note }
online-lines =
    { $count ->
        [zero] لا بنود
        [one] بند واحد
        [two] بندان
        [few] { $count } بنود
        [many] { $count } بندًا
       *[other] { $count } بند
    }
online-line-qty = { $quantity } ×
online-total = الإجمالي
online-unknown-products =
    { $count ->
        [zero] لا منتجات خارج القائمة.
        [one] منتج واحد غير موجود في القائمة: زامِن المنتجات ثم سجّل الطلب.
        [two] منتجان غير موجودين في القائمة: زامِن المنتجات ثم سجّل الطلب.
        [few] { $count } منتجات غير موجودة في القائمة: زامِن المنتجات ثم سجّل الطلب.
        [many] { $count } منتجًا غير موجود في القائمة: زامِن المنتجات ثم سجّل الطلب.
       *[other] { $count } منتج غير موجود في القائمة: زامِن المنتجات ثم سجّل الطلب.
    }
online-cannot-ring = لا يمكن تسجيل هذا الطلب في الصندوق قبل أن تكون كل منتجاته في القائمة.
online-rung-already = سُجّل في الصندوق
online-act-confirm = تأكيد
online-act-prepare = بدء التحضير
online-act-done = تم التسليم
online-act-cancel = إلغاء الطلب
online-act-ring = تسجيل في الصندوق
online-working = جارٍ التنفيذ…
online-acted =
    { $act ->
        [confirm] تم تأكيد الطلب { $number }.
        [prepare] الطلب { $number } قيد التحضير.
        [done] تم تسليم الطلب { $number }.
       *[cancel] تم إلغاء الطلب { $number }.
    }
online-rung = الطلب { $number } في السلة: يُدفع عند الاستلام.
online-cart-order = طلب عبر الإنترنت { $number } لـ { $name }: يُدفع عند الاستلام
online-cart-order-anon = طلب عبر الإنترنت { $number }: يُدفع عند الاستلام
online-cancel-title = إلغاء الطلب { $number }؟
online-cancel-explain = سيُلغى الطلب على Nhanh.vn أيضًا. لا يمكن التراجع عن ذلك.
online-cancel-keep = الإبقاء على الطلب
online-cancel-confirm = إلغاء الطلب

## عميل البيع حسب رقم الجوال (نقطة البيع).
online-customer-button = العميل
online-customer-change = تغيير
online-customer-named = العميل: { $name } ({ $mobile })
online-customer-anon = العميل: { $mobile }
online-customer-title = رقم جوال العميل
online-customer-explain = الرقم المعروف مسبقًا يأتي معه اسم العميل.
online-customer-mobile = رقم الجوال
online-customer-placeholder = مثال: 0912 345 678
online-customer-save = حفظ
online-customer-saving = جارٍ الحفظ…
online-customer-remove = إزالة العميل
online-customer-backspace = حذف آخر رقم
online-customer-clear = مسح
online-customer-set = أُضيف العميل { $mobile } إلى البيع.
online-customer-removed = أُزيل العميل من البيع.

## ربط Nhanh.vn (الفني).
nhanh-ui-open = ربط Nhanh.vn
nhanh-ui-title = ربط Nhanh.vn
nhanh-ui-explain = تأتي المنتجات من Nhanh.vn، وتُرسَل مبيعات الصندوق إلى Nhanh.vn على شكل طلبات، وتصل إلى الصندوق الطلبات الواردة من قنوات Nhanh.vn (الموقع، Facebook…). لا تُزامَن إلا البيانات التي أُنشئت أثناء الربط.
nhanh-ui-refresh = تحقّق مجددًا
nhanh-ui-loading = جارٍ التحميل…
nhanh-ui-done = تمّ
nhanh-ui-todo = لم يتم بعد
nhanh-ui-working = جارٍ التنفيذ…
nhanh-ui-never = أبدًا
nhanh-ui-copy = نسخ
nhanh-ui-copied-short = تم النسخ ✓
nhanh-ui-copied = تم النسخ إلى الحافظة.
nhanh-ui-copy-failed = تعذّر النسخ: حدّد النص وانسخه يدويًا.
nhanh-ui-step-app = أنشئ التطبيق في Nhanh.vn
nhanh-ui-step-app-explain = في صفحة المطوّرين على Nhanh.vn، أنشئ تطبيقًا لهذا المتجر. يمنحه Nhanh.vn معرّف App ID ومفتاح Secret Key.
nhanh-ui-step-redirect = اضبط عنوان Redirect URL
nhanh-ui-step-redirect-explain = في إعدادات التطبيق على Nhanh.vn، أدخل عنوان Redirect URL هذا كما هو تمامًا:
nhanh-ui-redirect-missing = غير معروف بعد: املأ إعدادات Nhanh.vn أولًا.
nhanh-ui-step-keys = انسخ App ID و Secret Key إلى الإعدادات
nhanh-ui-step-keys-explain = انسخهما من صفحة التطبيق على Nhanh.vn إلى إعدادات Nhanh.vn في الصندوق، ثم احفظ.
nhanh-ui-app-id =
    { $set ->
        [yes] App ID: مضبوط
       *[no] App ID: غير مضبوط
    }
nhanh-ui-secret =
    { $set ->
        [yes] Secret Key: مضبوط
       *[no] Secret Key: غير مضبوط
    }
nhanh-ui-open-settings = فتح الإعدادات
nhanh-ui-step-grant = امنح صلاحية الوصول
nhanh-ui-step-grant-explain = يفتح التاجر هذا الرابط، ويسجّل الدخول إلى Nhanh.vn، ويسمح بالوصول. بعدها يعرض Nhanh.vn رمز وصول.
nhanh-ui-oauth-missing = يصبح الرابط جاهزًا بعد ضبط App ID وعنوان Redirect URL.
nhanh-ui-open-oauth = فتح في المتصفح
nhanh-ui-step-code = الصق رمز الوصول
nhanh-ui-step-code-explain = الصق رمز الوصول هنا واضغط «ربط». لا يُستخدم الرمز إلا مرة واحدة.
nhanh-ui-access-code = رمز الوصول
nhanh-ui-connect = ربط
nhanh-ui-connecting = جارٍ الربط…
nhanh-ui-connected = تم الربط مع Nhanh.vn.
nhanh-ui-step-webhook = اضبط الـ Webhook
nhanh-ui-step-webhook-explain = في إعدادات التطبيق على Nhanh.vn، أدخل عنوان Webhook URL هذا ورمز التحقق (verify token) نفسه الموجود في إعدادات الصندوق، لتصل الطلبات فورًا.
nhanh-ui-webhook-missing = غير معروف بعد: املأ إعدادات Nhanh.vn أولًا.
nhanh-ui-webhook-token =
    { $set ->
        [yes] رمز التحقق: مضبوط
       *[no] رمز التحقق: غير مضبوط
    }
nhanh-ui-step-sync = جرّب بمنتج
nhanh-ui-step-sync-explain = أنشئ منتجًا تجريبيًا في Nhanh.vn، ثم اضغط «مزامنة المنتجات»: يجب أن يظهر في النتيجة أدناه وفي القائمة.
nhanh-ui-sync = مزامنة المنتجات
nhanh-ui-syncing = جارٍ المزامنة…
nhanh-ui-sync-reading = جارٍ قراءة المنتجات من Nhanh.vn…
nhanh-ui-sync-progress = المنتجات: { $done } من { $total }
nhanh-ui-sync-items =
    { $count ->
        [zero] لا أصناف في القائمة
        [one] صنف واحد في القائمة
        [two] صنفان في القائمة
        [few] { $count } أصناف في القائمة
        [many] { $count } صنفًا في القائمة
       *[other] { $count } صنف في القائمة
    }
nhanh-ui-sync-categories =
    { $count ->
        [zero] لا فئات
        [one] فئة واحدة
        [two] فئتان
        [few] { $count } فئات
        [many] { $count } فئة
       *[other] { $count } فئة
    }
nhanh-ui-sync-hidden =
    { $count ->
        [zero] لا أصناف مخفية
        [one] صنف واحد مخفي
        [two] صنفان مخفيان
        [few] { $count } أصناف مخفية
        [many] { $count } صنفًا مخفيًا
       *[other] { $count } صنف مخفي
    }
nhanh-ui-sync-sold-out =
    { $count ->
        [zero] لا أصناف نفدت
        [one] صنف واحد نفد
        [two] صنفان نفدا
        [few] { $count } أصناف نفدت
        [many] { $count } صنفًا نفد
       *[other] { $count } صنف نفد
    }
nhanh-ui-skipped =
    { $count ->
        [zero] لم يُتجاوز أي منتج
        [one] تم تجاوز منتج واحد
        [two] تم تجاوز منتجين
        [few] تم تجاوز { $count } منتجات
        [many] تم تجاوز { $count } منتجًا
       *[other] تم تجاوز { $count } منتج
    }
nhanh-ui-more = … و{ $count } غيرها
nhanh-ui-status-title = حالة الربط
nhanh-ui-connected-state = مربوط
nhanh-ui-not-connected = غير مربوط
nhanh-ui-business = النشاط التجاري
nhanh-ui-depot = المستودع
nhanh-ui-all-depots = كل المستودعات
nhanh-ui-depots =
    { $count ->
        [zero] (المستودعات: { $list })
        [one] (المستودع: { $list })
        [two] (المستودعان: { $list })
        [few] (المستودعات: { $list })
        [many] (المستودعات: { $list })
       *[other] (المستودعات: { $list })
    }
nhanh-ui-menu-source = القائمة
nhanh-ui-menu-from =
    { $source ->
        [nhanh] من Nhanh.vn
       *[hub] من المركز
    }
nhanh-ui-token = صلاحية الوصول
nhanh-ui-token-ok =
    { $days ->
        [zero] صالحة حتى { $date }
        [one] صالحة حتى { $date } (يتبقى يوم واحد)
        [two] صالحة حتى { $date } (يتبقى يومان)
        [few] صالحة حتى { $date } (تتبقى { $days } أيام)
        [many] صالحة حتى { $date } (يتبقى { $days } يومًا)
       *[other] صالحة حتى { $date } (يتبقى { $days } يوم)
    }
nhanh-ui-token-warning =
    { $days ->
        [zero] تنتهي اليوم ({ $date }): يجب على التاجر منح صلاحية الوصول مجددًا قبل ذلك.
        [one] تنتهي بعد يوم واحد ({ $date }): يجب على التاجر منح صلاحية الوصول مجددًا قبل ذلك.
        [two] تنتهي بعد يومين ({ $date }): يجب على التاجر منح صلاحية الوصول مجددًا قبل ذلك.
        [few] تنتهي بعد { $days } أيام ({ $date }): يجب على التاجر منح صلاحية الوصول مجددًا قبل ذلك.
        [many] تنتهي بعد { $days } يومًا ({ $date }): يجب على التاجر منح صلاحية الوصول مجددًا قبل ذلك.
       *[other] تنتهي بعد { $days } يوم ({ $date }): يجب على التاجر منح صلاحية الوصول مجددًا قبل ذلك.
    }
nhanh-ui-token-expired = انتهت في { $date }: يجب على التاجر منح صلاحية الوصول مجددًا.
nhanh-ui-products = المنتجات
nhanh-ui-products-count =
    { $count ->
        [zero] لا منتجات، آخر مزامنة: { $when }
        [one] منتج واحد، آخر مزامنة: { $when }
        [two] منتجان، آخر مزامنة: { $when }
        [few] { $count } منتجات، آخر مزامنة: { $when }
        [many] { $count } منتجًا، آخر مزامنة: { $when }
       *[other] { $count } منتج، آخر مزامنة: { $when }
    }
nhanh-ui-sales = المبيعات المرسلة إلى Nhanh.vn
nhanh-ui-pending-sales =
    { $count ->
        [zero] لا مبيعات بانتظار الإرسال
        [one] عملية بيع واحدة بانتظار الإرسال
        [two] عمليتا بيع بانتظار الإرسال
        [few] { $count } عمليات بيع بانتظار الإرسال
        [many] { $count } عملية بيع بانتظار الإرسال
       *[other] { $count } عملية بيع بانتظار الإرسال
    }
nhanh-ui-rejected-sales =
    { $count ->
        [zero] لم يرفض Nhanh.vn أي عملية بيع
        [one] رفض Nhanh.vn عملية بيع واحدة
        [two] رفض Nhanh.vn عمليتي بيع
        [few] رفض Nhanh.vn { $count } عمليات بيع
        [many] رفض Nhanh.vn { $count } عملية بيع
       *[other] رفض Nhanh.vn { $count } عملية بيع
    }
nhanh-ui-orders = الطلبات عبر الإنترنت
nhanh-ui-open-orders =
    { $count ->
        [zero] لا طلبات مفتوحة
        [one] طلب واحد مفتوح
        [two] طلبان مفتوحان
        [few] { $count } طلبات مفتوحة
        [many] { $count } طلبًا مفتوحًا
       *[other] { $count } طلب مفتوح
    }
nhanh-ui-webhook = الـ Webhook
nhanh-ui-webhook-state =
    { $state ->
        [listening] يستمع
        [down] مضبوط لكنه لا يستمع (هل العنوان مستخدم؟)
       *[off] متوقف: تُجلَب الطلبات والمنتجات دوريًا
    }
nhanh-ui-webhook-last = آخر استلام: { $when }
nhanh-ui-webhook-rejected =
    { $count ->
        [zero] لم يُرفض أي إشعار
        [one] رُفض إشعار واحد
        [two] رُفض إشعاران
        [few] رُفضت { $count } إشعارات
        [many] رُفض { $count } إشعارًا
       *[other] رُفض { $count } إشعار
    }
nhanh-ui-permissions = الصلاحيات الممنوحة
nhanh-ui-missing =
    { $count ->
        [zero] لا صلاحيات ناقصة
        [one] صلاحية واحدة ناقصة
        [two] صلاحيتان ناقصتان
        [few] { $count } صلاحيات ناقصة
        [many] { $count } صلاحية ناقصة
       *[other] { $count } صلاحية ناقصة
    }
nhanh-ui-missing-permission = { $permission }: { $job }
nhanh-ui-last-error = آخر خطأ: { $message }
nhanh-ui-disconnect = فصل الربط
nhanh-ui-disconnect-title = فصل الربط مع Nhanh.vn؟
nhanh-ui-disconnect-explain = سيتوقف الصندوق عن المزامنة مع Nhanh.vn. يُحتفَظ بالسجل (المبيعات المرسلة والطلبات). لإعادة الربط، يجب على التاجر منح صلاحية الوصول مجددًا.
nhanh-ui-disconnected = تم فصل الربط مع Nhanh.vn. يُحتفَظ بالسجل.
