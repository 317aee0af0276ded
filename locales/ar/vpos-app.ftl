# نقطة البيع الافتراضية للبنك عند الكاونتر (issue 17).

## التعريفات
err-vpos-field = { $field }: القيمة «{ $value }» غير صالحة.
err-vpos-url = يجب أن يكون { $field } عنوان ويب كاملًا (‎https://…‎؛ ‎http://‎ في وضع الاختبار فقط): «{ $value }».
err-vpos-name = لا يصلح «{ $name }» اسمًا لنقطة بيع افتراضية: استخدم من 1 إلى { $max } من الحروف أو الأرقام أو - أو _.
err-vpos-currency = يبيع هذا الكاونتر بعملة { $counter }: لا تستطيع نقطة بيع افتراضية بعملة { $currency } تحصيل مدفوعاته.
err-vpos-3d-unsupported = لا يستطيع Quay بعد فرض 3-D Secure مع { $kind }: اختر «اختياري».
err-vpos-gate-required = يحتاج 3-D Secure إلى عنوان بوابة 3-D لدى البنك.
err-vpos-exists = توجد بالفعل نقطة بيع افتراضية باسم «{ $name }».
err-vpos-field-missing = { $field } ناقص.
err-vpos-open-payments = ما زالت دفعة عبر «{ $name }» مفتوحة ({ $key }): سوِّها مع البنك أولًا (اسأل البنك).
err-vpos-reference-open = لم يصل بعد رد البنك على آخر دفعة لـ { $reference } ({ $order }): سأل Quay البنك ولن يحصّل مرة أخرى قبل أن يجيب (اسأل البنك).
err-vpos-reference-paid = تمت آخر دفعة لـ { $reference } ({ $order }) في النهاية: إنها مدفوعة. لم يُحصَّل شيء مرة أخرى.
err-vpos-rename-used = حصّلت «{ $name }» مدفوعات: تُلغى وتُطابق بهذا الاسم، لذا لا يمكن تغيير اسمها. أضف نقطة بيع افتراضية جديدة.
err-vpos-kind-not-implemented = يحفظ Quay إعدادات { $kind } لكنه لا يستطيع بعد تحصيل المدفوعات بها.
err-vpos-not-found = لا توجد نقطة بيع افتراضية باسم «{ $name }».
err-vpos-none = لم تُعدّ أي نقطة بيع افتراضية.
err-vpos-secret-stdin = { $flag } سرّي: اكتبه «-» ثم اكتب قيمته في السطر التالي من الإدخال، ولا تكتبه أبدًا في سطر الأوامر.
err-vpos-stdin = انتهى الإدخال قبل قراءة { $what }.
err-unknown-target = لا يستطيع Quay اختبار «{ $target }».

## تحصيل دفعة
err-vpos-phone = «{ $phone }» ليس رقم هاتف (من 6 إلى 15 رقمًا، و+ في البداية فقط).
err-vpos-no-sale = لا توجد عملية بيع على الكاونتر لدفعها.
err-vpos-reference = أدخل مرجعًا للدفعة (الطلب أو العربون)، { $max } حرفًا على الأكثر.
err-vpos-3d-required = تتطلب «{ $name }» التحقق 3-D Secure: أرسل إلى الزبون رابط دفع بدلًا من ذلك.
err-vpos-link-unsupported = لا تستطيع «{ $name }» إنشاء روابط دفع (لا توجد بوابة 3-D).
err-vpos-no-return-url = تحتاج روابط الدفع إلى العنوان الذي يعيد البنك الزبون إليه: اضبط { $key }.
err-vpos-3d-failed = لم يؤكد بنك الزبون حامل البطاقة (حالة 3-D Secure ‏{ $md }): لم يُخصم شيء للطلب { $order }.
err-vpos-unknown = ضاع رد البنك على { $order }. لا تحصّل الدفعة مرة أخرى: اسأل البنك أولًا (اسأل البنك).
err-vpos-given-up = توقفت عن انتظار { $order }. ما زال البنك يُسأل عنه: إن دفع الزبون في النهاية تكتمل عملية البيع أو تنتظر الدفعة أن يردّها مدير.
err-vpos-cancelled = لم تتم الدفعة { $order }: لم يوافق عليها البنك قط.
err-vpos-order-not-found = لا توجد دفعة عبر نقطة البيع الافتراضية برقم الطلب { $order }.
err-vpos-not-cancellable = لا يمكن إلغاء { $order } ({ $state }).
err-vpos-void-the-sale = دفعت { $order } عملية بيع: ألغِ عملية البيع (يعود المال بالطريقة نفسها).
err-vpos-amount-mismatch = وافق البنك على مبلغ آخر للطلب { $order }: لا يُعدّ مدفوعًا. اتصل بالبنك.
err-vpos-no-card = لم تُدخل بطاقة للطلب { $order }.
err-vpos-nothing-to-cancel = لم يبقَ لدى البنك ما يُلغى للطلب { $order }.
err-vpos-partial-before-close = لا يُردّ جزء من { $order } إلا بعد إغلاق يوم البنك (الإلغاء في اليوم نفسه يعيد الدفعة كاملة).
vpos-approved = تمت الموافقة ({ $code })، رمز التفويض { $auth }.
vpos-link-waiting = بانتظار أن يدفع الزبون على صفحة البنك (حتى { $until }).

## نهاية اليوم
vpos-report-section = نقطة البيع الافتراضية { $name }: قائمة البنك حسب رقم الطلب
vpos-report-bank = البنك
err-vpos-no-report = ليس لبنك «{ $name }» طلب تقرير: استورد ملف اليوم الذي يصدّره البنك.
err-vpos-file-no-order = السطر { $line } في ملف البنك بلا رقم طلب.
err-vpos-file-unreadable = تعذّرت قراءة ملف البنك: { $detail }
err-vpos-not-missing = { $order } غير ناقص في الكاونتر.

## اختبار الاتصال
setup-key-vpos-return-url = نقطة البيع الافتراضية: العنوان العام للكاونتر لروابط الدفع (يعود البنك إلى ‎…/vpos/ok‎)
setup-key-vpos-callback-listen = نقطة البيع الافتراضية: عنوان استقبال نتائج 3-D من البنك (host:port)
setup-key-vpos-timeout = نقطة البيع الافتراضية: ثواني انتظار البنك
setup-target-vpos = نقطة البيع الافتراضية
setup-step-vpos-definition = نقطة البيع الافتراضية { $name }: التعريف
setup-ok-vpos-definition = { $kind } ({ $mode }) على { $url }؛ عنوان IP الثابت المبلَّغ للبنك: { $ip }.
setup-step-vpos-check = نقطة البيع الافتراضية { $name }: البنك يجيب بهذه البيانات
setup-ok-vpos-check = أجاب البنك خلال { $ms } ملّي ثانية وقبل البيانات.

## سطر الأوامر
vpos-saved = حُفظت نقطة البيع الافتراضية «{ $name }».
vpos-removed = أُزيلت نقطة البيع الافتراضية «{ $name }» (تبقى مدفوعاتها في السجل).
vpos-link-open = رابط الدفع للطلب { $order }: { $url }
vpos-nothing-open = لا توجد دفعة عبر نقطة البيع الافتراضية تنتظر رد البنك.
vpos-kind-sale = دفعة
vpos-kind-void = إلغاء
vpos-kind-refund = استرداد
vpos-state-pending = قيد الانتظار
vpos-state-sent = أُرسلت
vpos-state-approved = مقبولة
vpos-state-declined = مرفوضة
vpos-state-unknown = غير معروفة
vpos-state-cancelled = لم تتم
vpos-source-report = تقرير البنك
vpos-source-file = ملف البنك
vpos-source-none = لا توجد قائمة من البنك بعد
vpos-day-heading = { $name } — { $source }: متطابقة { $matched }، للمراجعة { $problems }
vpos-day-totals = الكاونتر { $counter } · البنك { $bank } · الفرق { $difference }
vpos-status-matched = متطابقة
vpos-status-different-amount = مبلغ مختلف
vpos-status-missing-at-bank = ناقصة لدى البنك
vpos-status-missing-at-counter = ناقصة في الكاونتر
vpos-status-entered-by-hand = أُدخلت يدويًا
vpos-status-voided = أُلغيت
vpos-status-refunded = استُردّت
vpos-status-cancel-differs = أُلغيت في جهة واحدة فقط

## الصفحة التي يعود إليها متصفح الزبون بعد الدفع
vpos-page-ok = شكرًا لك. يتحقق كاونتر المطعم الآن من الدفعة مع البنك: يمكنك إغلاق هذه الصفحة.
vpos-page-fail = لم تتم الدفعة. يمكنك إغلاق هذه الصفحة وطلب رابط جديد من المطعم.
