# Nhanh.vn Open API: ما الذي تعذّر عند التواصل مع Nhanh (crate quay-nhanh)، ولماذا لم يدخل منتج
# في القائمة. كل id هو `code` يعيده النظام.

## التواصل مع Nhanh
err-nhanh-transport = تعذّر الوصول إلى Nhanh ({ $path }): { $detail }. تحقّق من الاتصال بالإنترنت؛ وإن كانت عملية بيع قيد الإرسال فستُراجَع مع Nhanh قبل إرسالها مرة أخرى.
err-nhanh-http = ردّ Nhanh بخطأ HTTP { $status } ({ $path }). تحقّق من عنوان واجهة Nhanh البرمجية في الإعدادات؛ وإن كان صحيحًا فأعد المحاولة لاحقًا.
err-nhanh-decode = تعذّرت قراءة ردّ Nhanh ({ $path }): { $detail }. أعد المحاولة لاحقًا؛ وإن كانت عملية بيع قيد الإرسال فستُراجَع مع Nhanh قبل إرسالها مرة أخرى.
err-nhanh-rate-limited = يحدّ Nhanh من عدد مرات استدعاء نقطة البيع لـ { $path }. لم يضع شيء: ستُعاد المحاولة تلقائيًا بعد قليل.
err-nhanh-not-configured = لم يُضبط الاتصال بـ Nhanh بعد (ينقص: { $missing }). اربط Nhanh من الإعدادات أولًا.
err-nhanh-invalid-mobile = «{ $mobile }» ليس رقم هاتف محمول فيتناميًا (10 أرقام تبدأ بـ 03 أو 05 أو 07 أو 08 أو 09). صحّح الرقم.
err-nhanh-invalid-order = لم تُرسَل عملية البيع إلى Nhanh: { $field } غير صالح ({ $reason }). صحّح عملية البيع أو أبلغ الدعم الفني.
err-nhanh-webhook-body = تعذّرت قراءة إشعار من Nhanh فتم تجاهله ({ $detail }).

## رموز أخطاء Nhanh
err-nhanh-invalid-app-id = لا يعرف Nhanh معرّف التطبيق (App ID) هذا. طابِق App ID في الإعدادات مع التطبيق في صفحة المطوّرين لدى Nhanh.
err-nhanh-invalid-access-token = لم يعد Nhanh يقبل وصول نقطة البيع هذه (رمز الوصول مفقود أو منتهي الصلاحية أو حلّ محلّه تفويض أحدث). يجب على التاجر ربط التطبيق مرة أخرى في Nhanh.
err-nhanh-invalid-version = رمز الوصول هذا لإصدار آخر من واجهة Nhanh البرمجية. يجب على التاجر ربط التطبيق مرة أخرى للحصول على رمز v3.
err-nhanh-invalid-business-id = لا يعرف Nhanh هذا النشاط التجاري، أو أن التطبيق غير مرتبط به. اربط التطبيق مرة أخرى في Nhanh.
err-nhanh-invalid-depot-id = رفض Nhanh المستودع: غير موجود أو لم يُمنح للتطبيق ({ $detail }). اختر مستودعًا ممنوحًا في الإعدادات، أو اطلب من التاجر منحه مرة أخرى في Nhanh.
err-nhanh-invalid-data = تعذّر على Nhanh قراءة ما أرسلته نقطة البيع ({ $path }): { $detail }. أبلغ الدعم الفني.
err-nhanh-business-not-enable-api = الواجهة البرمجية غير مفعّلة لهذا النشاط التجاري في Nhanh. يجب على التاجر تفعيلها في Nhanh ثم إعادة المحاولة.
err-nhanh-forbidden = رفض Nhanh الطلب: لم يُمنح التطبيق صلاحية «{ $permission }» اللازمة لـ{ $job }. يجب على التاجر منح التطبيق الصلاحيات مرة أخرى في Nhanh مع تحديد هذه الصلاحية.
err-nhanh-bad-secret-key = رفض Nhanh المفتاح السري (Secret Key). انسخه مرة أخرى من صفحة التطبيق في Nhanh إلى الإعدادات.
err-nhanh-bad-access-code = رفض Nhanh رمز الدخول: إما خاطئ أو مستخدم من قبل أو مضى عليه أكثر من 10 دقائق. ابدأ الربط من جديد في Nhanh للحصول على رمز جديد.
err-nhanh-invalid-form-fields = رفض Nhanh الطلب ({ $path }): { $detail }. صحّح ما يذكره ثم أعد المحاولة.
err-nhanh-api = رفض Nhanh الطلب ({ $path }، { $code }): { $detail }.

## مهام الموصِّل (تأتي بعد «اللازمة لـ»)
nhanh-job-products = استيراد المنتجات والفئات والمخزون إلى القائمة
nhanh-job-sales = إرسال مبيعات نقطة البيع إلى Nhanh كطلبات
nhanh-job-orders = عرض طلبات Nhanh الإلكترونية وتحديثها
nhanh-job-customers = البحث عن العملاء وإضافتهم برقم الهاتف المحمول
nhanh-job-other = استخدام هذا الجزء من Nhanh

## لماذا لا يظهر منتج في القائمة
nhanh-skip-empty-name = المنتج بلا اسم.
nhanh-skip-voucher = القسائم لا تُباع كأصناف في القائمة.
nhanh-skip-variant-parent = هذا المنتج يجمع متغيراته فقط؛ تظهر كل متغيّرة في القائمة بدلًا منه.
nhanh-skip-unknown-category = المنتج في الفئة { $category }، وهي غير موجودة في قائمة فئات Nhanh.
nhanh-skip-no-price = لا يوجد سعر بيع بالتجزئة للمنتج.
nhanh-skip-negative-price = سعر التجزئة { $price } سالب.
nhanh-skip-fractional-price = سعر التجزئة { $price } فيه كسر من الدونغ.
nhanh-skip-bad-price = سعر التجزئة «{ $price }» ليس مبلغًا صالحًا.
nhanh-skip-bad-vat = نسبة ضريبة القيمة المضافة «{ $vat }» غير صالحة.
nhanh-skip-weighed-fractional = لا يمكن بيع منتج موزون كميته { $quantity } بوحدات كاملة في نقطة البيع.
nhanh-skip-duplicate-barcode = الباركود { $barcode } مستخدم من قبل { $item }.

## حالات الطلبات في Nhanh
nhanh-order-status-54 = جديد
nhanh-order-status-55 = قيد التأكيد
nhanh-order-status-56 = مؤكَّد
nhanh-order-status-57 = بانتظار العميل
nhanh-order-status-42 = قيد التغليف
nhanh-order-status-40 = مغلَّف
nhanh-order-status-43 = بانتظار الاستلام
nhanh-order-status-59 = قيد الشحن
nhanh-order-status-60 = تم التسليم
nhanh-order-status-61 = فشل التسليم
nhanh-order-status-58 = ألغته شركة الشحن
nhanh-order-status-63 = ألغاه العميل
nhanh-order-status-64 = ألغاه النظام
nhanh-order-status-68 = نفد المخزون
nhanh-order-status-71 = قيد الإرجاع
nhanh-order-status-72 = تم الإرجاع
nhanh-order-status-73 = تغيير المستودع
nhanh-order-status-74 = تم تأكيد الإرجاع
