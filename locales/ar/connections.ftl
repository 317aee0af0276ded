# Partner connection records (seed 000): errors, the deployment note, the month-end list.

## Errors: nothing was recorded.
err-conn-partner = «{ $value }» ليس شريكًا لهذه النقطة: momo أو giftpop أو vnpay أو zalopay أو alipay أو nhanh أو viva أو vpos:NAME.
err-conn-step = «{ $value }» ليست خطوة: requested أو confirmed أو deployed أو approved أو connected أو disabled.
err-conn-confirmation = «{ $value }» ليس جهة تأكيد: leader أو merchant.
err-conn-order = هذا الربط عند الخطوة «{ $current }»: الخطوة التالية هي «{ $expected }» وليست «{ $step }». لا يمكن تخطي أي خطوة.
err-conn-order-end = هذا الربط عند الخطوة «{ $current }»: لا يمكن أن تليها «{ $step }». عطّله أولًا للبدء من جديد.
err-conn-reference = الخطوة «{ $step }» تحتاج إلى مرجعها (رسالة الشريك أو الموافقة في نظام CMS الخاص به).
err-conn-confirmation-here = التأكيدات تخص الخطوة «confirmed» وليس «{ $step }».
err-conn-confirmation-missing = يحتاج { $partner } إلى تأكيد { $missing ->
        [leader] قائد فريق الشريك
        [merchant] التاجر
       *[both] قائد فريق الشريك والتاجر
    }.
err-conn-note-incomplete = ينقص مذكرة التركيب: { $missing }{ $more ->
        [0] { "" }
       *[other] { " " }(+{ $more })
    }.
err-conn-point-code = يحتاج { $partner } إلى رمز النقطة لدى الشريك قبل الموافقة.
err-conn-test-failed = لم ينجح اختبار الاتصال، لذا لم يُسجَّل الربط على أنه متصل. { $step }
err-conn-disable-note = اذكر السبب في ملاحظة لتعطيل الربط.
err-conn-text = «{ $field }» أطول من { $max } حرفًا أو يحتوي على حرف لا يمكن كتابته.
err-conn-phone = «{ $value }» ليس رقم هاتف (من 8 إلى 15 رقمًا؛ يُسمح بـ + والمسافات والنقاط والشرطات والأقواس).
err-conn-month = «{ $value }» ليس شهرًا: اكتبه بالصيغة YYYY-MM، مثل 2026-11.
err-conn-month-future = الشهر { $value } لم يبدأ بعد: لا توجد له قائمة حتى الآن.
err-conn-pos-ids = لم يُضبط Pos Parent وPos ID: اضبط إعدادات المركز قبل التركيب.
err-conn-clock = سُجِّلت الخطوة الأخيرة في { $last }، وهذا بعد ساعة هذا الجهاز ({ $now }): اضبط الساعة قبل تسجيل الخطوة التالية.
err-conn-viva-terminal = جهاز الدفع بالبطاقة غير مضبوط على Viva: اختر Viva جهازًا للدفع قبل تسجيل الربط.
err-conn-changed = سجّل شخص آخر خطوة لـ { $partner } في هذه الأثناء: راجع السجل مرة أخرى.
err-conn-hub-pending = لم يستجب المركز: { $count } من سجلات الربط في الانتظار وستُرسل عند استجابته.
err-conn-refused = رفض المركز { $count } من سجلات الاتصال: تُحفظ ولا تُرسل مرة أخرى. انظر `quay connect show` والسجل.
err-conn-no-proof = لا يوجد لدى { $partner } إثبات ربط بعد.
err-conn-xlsx = تعذّرت كتابة جدول البيانات: { $detail }

## Steps.
conn-status-none = لم يبدأ
conn-status-requested = مطلوب
conn-status-confirmed = مؤكَّد
conn-status-deployed = مُركَّب
conn-status-approved = وافق عليه الشريك
conn-status-connected = متصل
conn-status-disabled = معطَّل

## The deployment note.
conn-note-title = مذكرة التركيب: ربط { $partner } عبر المركز
conn-note-section-request = الطلب
conn-note-section-prepare = الترقية والربط
conn-note-section-point = نقطة التركيب
conn-note-section-contact = جهة الاتصال
conn-note-section-approval = الموافقة في نظام CMS لدى الشريك
conn-note-section-back = ما أُعيد إرساله إلى الشريك
conn-note-section-notes = ملاحظات
conn-note-partner = الشريك
conn-note-request-ref = مرجع الطلب
conn-note-reference = المرجع
conn-note-requested-at = تاريخ الطلب
conn-note-confirmations = أكّده
conn-note-by-leader = قائد فريق الشريك
conn-note-by-merchant = التاجر
conn-note-version = تم تحديث نقطة البيع إلى أحدث إصدار
conn-note-menu = القائمة متزامنة مع المركز
conn-note-menu-hub = الإصدار { $version }، من هذا المركز
conn-note-menu-other = الإصدار { $version }، ليس من هذا المركز: زامِن القائمة
conn-note-menu-none = لا توجد قائمة بعد
conn-note-voucher-entry = يمكن للصرافين إدخال رموز قسائم الشريك
conn-note-test = نجح اختبار الاتصال
conn-note-point-name = اسم النقطة
conn-note-address = العنوان
conn-note-hub-point = الاسم في المركز
conn-note-key1 = Key1
conn-note-key2 = Key2
conn-note-present = مضبوط (غير معروض)
conn-note-missing = غير موجود
conn-note-contact = جهة الاتصال
conn-note-phone = الهاتف
conn-note-approval-ref = مرجع الموافقة
conn-note-approved-at = تاريخ الموافقة
conn-note-pos-parent = Pos Parent
conn-note-pos-id = Pos ID
conn-note-point-code = رمز النقطة لدى الشريك
conn-note-proof = إثبات الربط
conn-note-proof-attached = مرفق (PDF وPNG، { $sha }…)
conn-note-not-yet = ليس بعد
conn-note-yes = نعم
conn-note-no = لا
conn-note-notes = ملاحظات

## The month-end list.
conn-sheet-points = النقاط المتصلة
conn-sheet-totals = الإجماليات
conn-sheet-month = الشهر: { $month }
conn-col-pos-parent = العلامة التجارية (Pos Parent)
conn-col-pos-id = Pos ID
conn-col-point-name = النقطة
conn-col-address = العنوان
conn-col-partner = الشريك
conn-col-point-code = رمز النقطة لدى الشريك
conn-col-connected = تاريخ الاتصال
conn-col-request-ref = مرجع الطلب
conn-col-approval-ref = مرجع الموافقة
conn-col-contact = جهة الاتصال
conn-col-phone = الهاتف
conn-col-status = الحالة الآن
conn-col-source = المصدر
conn-col-partner-id = معرّف الشريك
conn-col-points = النقاط المتصلة
conn-col-first = الأول
conn-col-last = الأخير
conn-col-month = الشهر
conn-total = الإجمالي
conn-source-hub = المركز
conn-source-counter = هذه النقطة
conn-list-source-hub = قائمة المركز بكل نقاط العلامة التجارية.
conn-list-source-counter = لم يستجب المركز: تُعرض سجلات هذه النقطة فقط.
conn-list-source-mixed = قائمة المركز، مع سجلات هذه النقطة التي لم يستلمها بعد.

## The command line.
conn-cli-recorded = { $partner }: سُجِّلت خطوة { $step }.
conn-cli-queued = { $count } من سجلات الربط بانتظار المركز.
conn-cli-next = الخطوة التالية: { $step }
conn-cli-proof = إثبات اختبار الاتصال في { $at } (SHA-256 { $sha }).
conn-cli-proof-attached = الإثبات مرفق
conn-cli-points = النقاط المتصلة في { $month }: { $count }.
conn-cli-pushed = أُرسل { $sent } من سجلات الربط إلى المركز؛ { $pending } في الانتظار.
