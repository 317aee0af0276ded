# ‏Nhanh.vn (المستند 002): ربط نشاط تجاري، استيراد المنتجات، إرسال المبيعات، الطلبات عبر الإنترنت.
err-nhanh-busy = تجري مزامنة مع Nhanh: انتظر حتى تنتهي ثم أعد المحاولة. لا يمكن تغيير بيانات الاتصال أثناء المزامنة.
err-nhanh-not-connected = لا يوجد نشاط تجاري من Nhanh مرتبط بهذا الكاشير. اربط واحدًا أولًا (ربط Nhanh، أو quay nhanh connect --access-code CODE).
err-nhanh-access-code = رمز الوصول فارغ أو غير صالح: انسخه كاملًا من الصفحة التي عاد إليها Nhanh بعد أن منح التاجر الإذن.
err-nhanh-currency = يبيع Nhanh بالدونغ الفيتنامي: يعمل هذا الكاشير بعملة { $currency }، فلا يمكن أن تأتي قائمته من Nhanh.
err-nhanh-other-business = النشاط التجاري { $business } في Nhanh مرتبط بهذا الكاشير. افصله أولًا (يُحفظ سجله)، ثم اربط النشاط الآخر.
err-nhanh-menu-source = القائمة تأتي من المركز: اضبط menu.source على nhanh لأخذ المنتجات من Nhanh.
err-nhanh-no-such-order = لا يوجد طلب عبر الإنترنت رقم { $id }.
err-nhanh-order-act = لا يمكن تنفيذ «{ $act }» على الطلب { $id } الآن (حالته { $stage }).
err-nhanh-order-unknown-products = في الطلب { $id } { $count ->
    [zero] لا أسطر
    [one] سطر منتجه
    [two] سطران منتجاهما
    [few] { $count } أسطر منتجاتها
    [many] { $count } سطرًا منتجاتها
   *[other] { $count } سطر منتجاتها
} ليست في القائمة (أو بكميات غير صحيحة): زامن المنتجات ثم سجّل الطلب.
err-nhanh-cart-busy = السلة قيد الاستخدام: أنهِ البيع الحالي أو امسحه أولًا.
err-nhanh-webhook-business = وصل إشعار من Nhanh لنشاط تجاري آخر ({ $business }): تم تجاهله.
err-nhanh-uninstalled = أُزيل تطبيق Quay من النشاط التجاري في Nhanh: على التاجر تثبيته ومنح الإذن من جديد.
err-nhanh-call = تعذّر الوصول إلى Nhanh لكل المهام: سيُعاد ما تبقى.
err-nhanh-open-browser = تعذّر فتح المتصفح ({ $detail }): انسخ الرابط وافتحه يدويًا.
err-cart-online-order = هذه السلة تسجّل الطلب عبر الإنترنت { $order } كما طُلب: لا يمكن تغيير أسطره. امسح السلة لبيع مستقل.
err-nhanh-order-prepaid = الطلب { $id } مدفوع مسبقًا عبر الإنترنت بمبلغ { $paid }: سلّمه بزر «سُلّم» بدل تسجيله.
err-nhanh-void-handed-over = هذا البيع سلّم الطلب { $id }: لا يسمح Nhanh بإلغاء طلب مُسلَّم. أرجعه في Nhanh.
err-nhanh-other-business-work = متبقٍ من النشاط التجاري { $business } في Nhanh (مفصول): لا يُرسل إلى النشاط المرتبط الآن.
err-menu-from-nhanh = القائمة تأتي من Nhanh.vn (menu.source هو nhanh): زامنها بالأمر quay nhanh sync أو من شاشة ربط Nhanh.
err-nhanh-product = لا يمكن بيع هذا المنتج عند الكاشير.
setup-group-nhanh = ‏Nhanh.vn (المنتجات، الطلبات عبر الإنترنت، العملاء)
setup-key-menu-source = مصدر القائمة (hub أو nhanh)
setup-key-nhanh-url = ‏Nhanh: عنوان واجهة البرمجة
setup-key-nhanh-app-id = ‏Nhanh: معرّف التطبيق (App ID)
setup-key-nhanh-secret-key = ‏Nhanh: المفتاح السري (Secret Key)
setup-key-nhanh-redirect-url = ‏Nhanh: عنوان إعادة التوجيه المسجّل للتطبيق
setup-key-nhanh-business-id = ‏Nhanh: معرّف النشاط التجاري (يُسجَّل عند الربط)
setup-key-nhanh-access-token = ‏Nhanh: رمز الوصول (يُسجَّل عند الربط)
setup-key-nhanh-depot-id = ‏Nhanh: المستودع الذي يبيع منه الكاشير
setup-key-nhanh-webhook-token = ‏Nhanh: رمز التحقق للإشعارات
setup-key-nhanh-webhook-listen = ‏Nhanh: عنوان استقبال الإشعارات (host:port)
setup-key-nhanh-webhook-url = ‏Nhanh: عنوان الإشعارات العام المعطى لـ Nhanh
setup-target-nhanh = ‏Nhanh.vn
setup-step-nhanh-config = إعدادات Nhanh والربط
setup-step-nhanh-token = تحقق Nhanh من رمز الوصول
setup-step-nhanh-expiry = انتهاء صلاحية الرمز
setup-step-nhanh-permissions = الأذونات التي يحتاجها الربط
setup-step-nhanh-webhook = مستقبل الإشعارات
setup-ok-nhanh-config = مرتبط بالنشاط التجاري { $business }.
setup-ok-nhanh-token = يقبل Nhanh الرمز للنشاط التجاري { $business }.
setup-fail-nhanh-token-business = الرمز للنشاط التجاري { $business } في Nhanh، لكن النشاط المرتبط هو { $connected }: اربطه من جديد.
setup-ok-nhanh-expiry = الرمز صالح لمدة { $days } يومًا أخرى.
setup-warn-nhanh-expiry = تنتهي صلاحية الرمز خلال { $days } يومًا: على التاجر منح الإذن من جديد قبل ذلك (رموز Nhanh لا تُجدَّد).
setup-ok-nhanh-permissions = مُنحت كل الأذونات التي يحتاجها الربط.
setup-fail-nhanh-permissions = أذونات ناقصة ({ $count }): { $missing }. على التاجر منح التطبيق الإذن من جديد في Nhanh مع هذه الأذونات.
setup-ok-nhanh-webhook-off = لا يوجد مستقبل للإشعارات: يُسأل عن الطلبات والمنتجات دوريًا.
setup-ok-nhanh-webhook = يستقبل إشعارات Nhanh على { $address }.
setup-fail-nhanh-webhook = مستقبل الإشعارات على { $address } لا يعمل (هل العنوان مستخدم؟).
cli-nhanh-disconnected = تم الفصل عن Nhanh. يُحفظ السجل؛ لن يُرسل شيء بعد الآن.
cli-nhanh-synced = القائمة من Nhanh: { $items } صنفًا في { $categories } فئة ({ $sold_out } نفد، { $hidden } غير نشط مخفي، { $skipped } متروك).
cli-nhanh-pushed = أُرسل إلى Nhanh: { $sent }؛ رُفض نهائيًا: { $rejected }؛ فشل: { $failed }؛ بانتظار: { $waiting }.
cli-nhanh-requeued = أُعيد إلى قائمة الإرسال إلى Nhanh: { $count }.
cli-nhanh-no-orders = لا توجد طلبات عبر الإنترنت.
cli-nhanh-stage-new = جديد
cli-nhanh-stage-confirmed = مؤكد
cli-nhanh-stage-preparing = قيد التحضير
cli-nhanh-stage-handed-over = سُلّم
cli-nhanh-stage-cancelled = ملغى
cli-nhanh-stage-returned = مُرتجع
cli-nhanh-stage-other = أخرى
cli-nhanh-business = النشاط التجاري في Nhanh: { $business }
cli-nhanh-not-connected = ‏Nhanh: غير مرتبط.
cli-nhanh-all-depots = كل المستودعات
cli-nhanh-depot = المستودع: { $depot }
cli-nhanh-token = الرمز صالح حتى { $expires } ({ $days } يومًا).
cli-nhanh-token-expiring = تنتهي صلاحية الرمز في { $expires }: بقي { $days } يومًا. على التاجر منح الإذن من جديد قبل ذلك.
cli-nhanh-missing-permission = إذن ناقص { $permission }: مطلوب من أجل { $job }.
cli-nhanh-menu-source = مصدر القائمة: { $source } ({ $items } صنفًا من Nhanh).
cli-nhanh-last-sync = آخر مزامنة للمنتجات: { $at } ({ $skipped } منتجًا متروكًا).
cli-nhanh-pending = مبيعات بانتظار Nhanh: { $pending }؛ مرفوضة: { $rejected }؛ طلبات مفتوحة عبر الإنترنت: { $open }.
cli-nhanh-webhook-off = الإشعارات: متوقفة (سؤال دوري).
cli-nhanh-webhook-on = الإشعارات: يستقبل على { $address }؛ آخر إشعار { $last }؛ مرفوضة لرمز خاطئ: { $rejected }.
cli-nhanh-webhook-down = الإشعارات: { $address } مضبوط لكنه لا يستقبل؛ آخر إشعار { $last }.
cli-nhanh-last-error = آخر خطأ: { $message }
