# سجلات ربط الشركاء لدى الفني على شاشة نقطة البيع (issue 18). Ids: conn-ui-*.

conn-ui-open = ربط الشركاء
conn-ui-title = ربط الشركاء
conn-ui-explain = ربط كل شريك خطوة بخطوة: الطلب، والتأكيدات، والتركيب، والموافقة، واختبار الاتصال.
conn-ui-loading = جارٍ التحميل…
conn-ui-reload = تحديث
conn-ui-partners = الشركاء
conn-ui-this-point = النقطة { $pos_id } التابعة لـ { $pos_parent }
conn-ui-queued = بانتظار الإرسال إلى المركز: { $count }
conn-ui-refused = رفضها المركز (انظر السجل): { $count }
conn-ui-no-pos-ids = لم يُضبط Pos Parent وPos ID الخاصان بالمركز: اضبطهما في الإعدادات قبل تسجيل أي خطوة.
conn-ui-keys-missing = مفاتيح المركز غير مضبوطة: تبقى السجلات على هذه النقطة حتى تُضبط.
conn-ui-choose = اختر شريكًا لعرض خطواته.

## الحالات والخطوات.
conn-ui-status-never = لم يبدأ
conn-ui-step-requested = مطلوب
conn-ui-step-confirmed = مؤكَّد
conn-ui-step-deployed = مُركَّب
conn-ui-step-approved = موافَق عليه
conn-ui-step-connected = متصل
conn-ui-step-disabled = معطَّل

## شريك واحد.
conn-ui-steps = الخطوات
conn-ui-no-steps = لم تُسجَّل أي خطوة بعد.
conn-ui-by = بواسطة
conn-ui-reference = المرجع
conn-ui-confirmed-by = أكّده
conn-ui-confirm-leader = قائد فريق MoMo
conn-ui-confirm-merchant = التاجر
conn-ui-note = ملاحظة
conn-ui-proof-kept = الإثبات محفوظ
conn-ui-details = بيانات النقطة
conn-ui-point-name = اسم النقطة
conn-ui-address = العنوان
conn-ui-contact-name = اسم جهة الاتصال
conn-ui-contact-phone = هاتف جهة الاتصال
conn-ui-point-code = رمز النقطة لدى الشريك
conn-ui-notes = ملاحظات
conn-ui-next = الخطوة التالية: { $step }
conn-ui-next-none = متصل: لا توجد خطوة أخرى.
conn-ui-required-hint = * مطلوب لهذه الخطوة
conn-ui-note-disable = مطلوبة للتعطيل.
conn-ui-record = تسجيل: { $step }
conn-ui-recording = جارٍ التسجيل…
conn-ui-testing = جارٍ الاختبار…
conn-ui-testing-wait = جارٍ اختبار الاتصال بالشريك: يستغرق ذلك بضع ثوانٍ.
conn-ui-disable = تعطيل
conn-ui-recorded = { $partner }: سُجِّلت خطوة { $step }.

## مذكرة التركيب والإثبات.
conn-ui-deploy-note = مذكرة التركيب
conn-ui-note-title = مذكرة التركيب: { $partner }
conn-ui-proof = الإثبات
conn-ui-proof-title = الإثبات: { $partner }
conn-ui-proof-alt = اختبار اتصال { $partner }، { $at }
conn-ui-copy = نسخ
conn-ui-copied = تم النسخ.
conn-ui-copy-failed = تعذّر النسخ: حدّد النص وانسخه.
conn-ui-close = إغلاق
conn-ui-pdf = PDF
conn-ui-png = صورة

## قائمة نهاية الشهر.
conn-ui-month-title = نهاية الشهر
conn-ui-month = الشهر
conn-ui-month-previous = الشهر السابق
conn-ui-month-next = الشهر التالي
conn-ui-export = تصدير قائمة الشهر
conn-ui-exporting = جارٍ التصدير…
conn-ui-exported = كُتبت قائمة الشهر، عدد الصفوف: { $count }.
conn-ui-source-hub = من المركز: كل نقاط العلامة التجارية.
conn-ui-source-counter = تحذير: هذه النقطة فقط (تعذّر الوصول إلى المركز). النقاط الأخرى غير موجودة.
conn-ui-source-mixed = تحذير: جزء من المركز وجزء من هذه النقطة فقط. تحقّق قبل الإرسال.
conn-ui-rows = النقاط المتصلة في { $month }: { $count }
conn-ui-xlsx = جدول بيانات
conn-ui-csv = CSV
conn-ui-no-rows = لم تتصل أي نقطة في ذلك الشهر.
conn-ui-col-point = النقطة
conn-ui-col-partner = الشريك
conn-ui-col-connected = تاريخ الاتصال
conn-ui-col-request = مرجع الطلب
conn-ui-col-approval = مرجع الموافقة
conn-ui-col-contact = جهة الاتصال
