# ‏نقطة البيع الافتراضية للبنك على شاشات نقطة البيع (issue 17): تعريفات الفني، والدفع
# عبر الهاتف ورابط الدفع (أمين الصندوق، المدير)، وسجل اليوم، وقسم إقفال اليوم. المعرّفات: vpos-ui-*.

## مشترك.
vpos-ui-loading = جارٍ التحميل…
vpos-ui-reload = تحديث
vpos-ui-working = جارٍ التنفيذ…
vpos-ui-save = حفظ
vpos-ui-saving = جارٍ الحفظ…
vpos-ui-cancel-form = إلغاء
vpos-ui-keep = إبقاء
vpos-ui-done = تم
vpos-ui-back = العودة إلى الصندوق
vpos-ui-none = لا يوجد
vpos-ui-kind =
    { $kind ->
        [nestpay] NestPay ‏(EST)
        [garanti] Garanti BBVA ‏(GVPS)
        [posnet] PosNet ‏(Yapı Kredi)
       *[other] { $kind }
    }
vpos-ui-mode =
    { $mode ->
        [production] بيئة الإنتاج
       *[test] بيئة الاختبار
    }
vpos-ui-three-d =
    { $three_d ->
        [required] التحقق 3-D Secure إلزامي
       *[optional] التحقق 3-D Secure اختياري
    }
vpos-ui-state =
    { $state ->
        [pending] قيد الانتظار
        [sent] أُرسلت إلى البنك
        [approved] مقبولة
        [declined] مرفوضة
        [unknown] ضاع الرد
        [cancelled] ملغاة
       *[other] { $state }
    }

## تعريفات الفني.
vpos-ui-def-open = نقطة البيع الافتراضية
vpos-ui-def-title = تعريفات نقطة البيع الافتراضية
vpos-ui-def-explain = كل بنك تقبل عبره الدفع بالبطاقة هاتفيًا أو برابط دفع: بوابته وعناوينه وبيانات الاعتماد وعنوان IP الثابت الذي يتوقعه البنك. تُحفظ الأسرار مشفّرة ولا تُعرض أبدًا.
vpos-ui-def-add = إضافة نقطة بيع افتراضية
vpos-ui-def-empty = لا توجد نقطة بيع افتراضية معرّفة بعد.
vpos-ui-def-add-title = نقطة بيع افتراضية جديدة
vpos-ui-def-edit-title = تعديل { $name }
vpos-ui-def-edit = تعديل
vpos-ui-def-remove = إزالة
vpos-ui-def-remove-title = إزالة { $name }؟
vpos-ui-def-remove-explain = تبقى مدفوعاتها في السجل. يتوقف الدفع الهاتفي وروابط الدفع عبر هذا البنك حتى يُعرَّف من جديد.
vpos-ui-def-removed = أُزيلت { $name }.
vpos-ui-def-added = أُضيفت { $name }.
vpos-ui-def-saved = حُفظت { $name }.
vpos-ui-def-name = الاسم
vpos-ui-def-kind = بوابة البنك
vpos-ui-def-mode = البيئة
vpos-ui-def-api-url = عنوان واجهة API
vpos-ui-def-gate-url = عنوان بوابة 3-D (روابط الدفع)
vpos-ui-def-currency = العملة
vpos-ui-def-three-d = التحقق 3-D Secure
vpos-ui-def-static-ip = عنوان IP الثابت المبلَّغ للبنك
vpos-ui-def-updated = آخر تعديل
vpos-ui-def-credentials = بيانات الاعتماد لـ { $kind }
vpos-ui-def-secret-keep = اتركه فارغًا للإبقاء عليه
vpos-ui-def-secret-explain = السر المتروك فارغًا يُبقي على السر المحفوظ.
vpos-ui-def-not-implemented = { $kind }: يمكن حفظ بيانات الاعتماد، لكن الدفع عبرها غير متاح بعد.
vpos-ui-def-missing =
    { $count ->
        [zero] لا حقول تنتظر قيمة.
        [one] ما زال حقل واحد يحتاج إلى قيمة.
        [two] ما زال حقلان يحتاجان إلى قيمة.
        [few] ما زالت { $count } حقول تحتاج إلى قيمة.
        [many] ما زال { $count } حقلًا يحتاج إلى قيمة.
       *[other] ما زال { $count } حقل يحتاج إلى قيمة.
    }
vpos-ui-field-client-id = معرّف العميل (Client ID)
vpos-ui-field-username = اسم مستخدم API
vpos-ui-field-password = كلمة مرور API
vpos-ui-field-store-key = مفتاح المتجر (store key)
vpos-ui-field-merchant-id = معرّف التاجر (Merchant ID)
vpos-ui-field-terminal-id = معرّف الجهاز (Terminal ID)
vpos-ui-field-prov-user = مستخدم التفويض (PROVAUT)
vpos-ui-field-prov-password = كلمة مرور التفويض
vpos-ui-field-refund-user = مستخدم الاسترداد (PROVRFN)
vpos-ui-field-refund-password = كلمة مرور الاسترداد
vpos-ui-field-posnet-id = معرّف PosNet

## الدفع عبر الهاتف (MOTO) ورابط الدفع.
vpos-ui-phone-button = دفع هاتفي
vpos-ui-phone-title = الدفع بالبطاقة عبر الهاتف
vpos-ui-phone-none = لا توجد نقطة بيع افتراضية معرّفة: يضيفها الفني أولًا.
vpos-ui-phone-definition = البنك
vpos-ui-phone-what = المدفوع
vpos-ui-phone-sale = البيع الحالي في الصندوق
vpos-ui-phone-amount-choice = مبلغ (عربون)
vpos-ui-phone-due = المبلغ المستحق
vpos-ui-phone-amount = المبلغ
vpos-ui-phone-reference = المرجع
vpos-ui-phone-customer-phone = هاتف العميل
vpos-ui-phone-note = ملاحظة
vpos-ui-phone-card = البطاقة كما يمليها العميل
vpos-ui-phone-card-number = رقم البطاقة
vpos-ui-phone-card-expiry = تاريخ الانتهاء (MM/YY)
vpos-ui-phone-card-expiry-hint = MM/YY
vpos-ui-phone-card-cvv = CVV
vpos-ui-phone-pay = ادفع
vpos-ui-phone-paying = جارٍ سؤال البنك…
vpos-ui-phone-link = رابط دفع
vpos-ui-phone-three-d = تتطلب { $name } التحقق 3-D Secure: أرسل إلى العميل رابط دفع.
vpos-ui-pay-approved = مقبولة: { $amount }، رمز التفويض { $auth }، البطاقة { $card }.
vpos-ui-pay-declined = مرفوضة: { $message }
vpos-ui-pay-declined-code = مرفوضة: { $message } (الرمز { $code })
vpos-ui-pay-unknown = رد البنك غير معروف بعد: { $message }
vpos-ui-link-title = رابط الدفع
vpos-ui-link-explain = يفتح العميل هذا الرابط (أو يمسح الرمز) على هاتفه ويدفع في صفحة البنك الآمنة.
vpos-ui-link-qr = رمز QR لرابط الدفع
vpos-ui-link-order = الطلب { $order }
vpos-ui-link-waiting = في انتظار دفع العميل (الرابط صالح حتى { $until })…
vpos-ui-link-close = إغلاق (يستمر الانتظار في الخلفية)
vpos-ui-link-give-up = إيقاف الانتظار (يُسأل البنك مع ذلك)

## سجل اليوم.
vpos-ui-log-title = مدفوعات نقطة البيع الافتراضية اليوم
vpos-ui-log-empty = لا مدفوعات اليوم.
vpos-ui-log-code = الرمز { $code }
vpos-ui-log-auth = التفويض { $auth }
vpos-ui-log-who = بواسطة { $name }
vpos-ui-log-reference = المرجع { $reference }
vpos-ui-log-voided = مُبطلة
vpos-ui-log-refunded = استُرد { $amount }
vpos-ui-log-kind =
    { $kind ->
        [void] إبطال
        [refund] استرداد
       *[sale] بيع
    }
vpos-ui-log-channel =
    { $channel ->
        [link] رابط دفع
       *[moto] عبر الهاتف
    }
vpos-ui-log-cancel = إلغاء الدفعة
vpos-ui-log-resolve =
    { $count ->
        [zero] اسأل البنك
        [one] اسأل البنك (رد واحد ضائع)
        [two] اسأل البنك (ردّان ضائعان)
        [few] اسأل البنك ({ $count } ردود ضائعة)
        [many] اسأل البنك ({ $count } ردًا ضائعًا)
       *[other] اسأل البنك ({ $count } رد ضائع)
    }
vpos-ui-resolved =
    { $count ->
        [zero] لم يرد البنك عن أي دفعة.
        [one] ردّ البنك عن دفعة واحدة.
        [two] ردّ البنك عن دفعتين.
        [few] ردّ البنك عن { $count } دفعات.
        [many] ردّ البنك عن { $count } دفعة.
       *[other] ردّ البنك عن { $count } دفعة.
    }
vpos-ui-cancel-title = إلغاء هذه الدفعة؟
vpos-ui-cancel-explain = يعود المبلغ { $amount } (الطلب { $order }) إلى البطاقة: يُبطل إن كانت دفعة البنك ما زالت مفتوحة، وإلا يُسترد.
vpos-ui-cancel-voided = أُبطل { $amount } (الطلب { $order }).
vpos-ui-cancel-refunded = استُرد { $amount } (الطلب { $order }).

## إقفال اليوم.
vpos-ui-day-title = نقطة البيع الافتراضية
vpos-ui-day-explain = معاملات البنك لهذا اليوم مقارنةً بسجل نقطة البيع، طلبًا بطلب.
vpos-ui-day-no-definitions = لا توجد نقطة بيع افتراضية معرّفة.
vpos-ui-day-source-report = من تقرير البنك اليومي.
vpos-ui-day-source-file-any = من الملف الذي صدّره البنك.
vpos-ui-day-source-none = جانب البنك غير موجود: استورد الملف المصدَّر من لوحة نقطة البيع الافتراضية لدى البنك.
vpos-ui-day-source-none-report = لم يُجلب تقرير البنك اليومي بعد.
vpos-ui-day-fetch = جلب تقرير البنك اليومي
vpos-ui-day-summary = متطابقة: { $matched } · تحتاج إلى مراجعة: { $problems }
vpos-ui-day-net = الصافي { $amount }
vpos-ui-day-file = ملف البنك المصدَّر (CSV)
vpos-ui-day-import = استيراد ومقارنة
vpos-ui-day-imported = استُورد { $file } لـ { $name }.
vpos-ui-day-read-error = تعذّرت قراءة الملف { $file }.
vpos-ui-day-empty = لا معاملات لدى أي من الطرفين.
vpos-ui-day-matched = مطابقة
vpos-ui-day-different-amount = مبلغ مختلف
vpos-ui-day-entered-by-hand = أُدخلت يدويًا
vpos-ui-day-cancel-differs = أُلغيت لدى طرف واحد فقط
vpos-ui-day-missing-at-bank = غير موجودة لدى البنك
vpos-ui-day-missing-at-counter = غير موجودة في نقطة البيع
vpos-ui-day-voided = مُبطلة
vpos-ui-day-refunded = مستردّة
vpos-ui-day-col-order = الطلب
vpos-ui-day-col-status = الحالة
vpos-ui-day-col-counter = نقطة البيع
vpos-ui-day-col-bank = البنك
vpos-ui-day-col-at = الوقت
vpos-ui-day-col-auth = التفويض
vpos-ui-day-total = الإجمالي
vpos-ui-day-difference = الفرق { $amount }
vpos-ui-day-hand = إدخال يدوي
vpos-ui-day-hand-title = إدخال الطلب { $order } يدويًا
vpos-ui-day-hand-explain = لدى البنك هذه المعاملة على { $name } وليست لدى نقطة البيع. يسجّلها الإدخال في سجل نقطة البيع مع سببك في سجل التدقيق.
vpos-ui-day-hand-reason = السبب (إلزامي)
vpos-ui-day-hand-done = أُدخل الطلب { $order } يدويًا.
vpos-ui-day-hand-by = أدخله { $name }: { $reason }
