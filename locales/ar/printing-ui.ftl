# الطابعات في النافذة (issue 19): سطر الحالة، مهام الطباعة، الإيصال على طابعة الإيصالات،
# «فتح الدرج» للمدير، وشاشة الطابعات للفني.

## اسم الطابعة
print-ui-printer = { $kind ->
    [receipt] طابعة الإيصالات
    [kitchen] طابعة المطبخ ({ $station })
   *[other] الطابعة { $station }
}

## سطر الحالة
print-ui-problem-line = { $printer }: { $problem } — { $count ->
    [zero] لا شيء بالانتظار
    [one] مهمة واحدة بالانتظار
    [two] مهمتان بالانتظار
    [few] { $count } مهام بالانتظار
    [many] { $count } مهمة بالانتظار
   *[other] { $count } مهمة بالانتظار
}
print-ui-problem-short = { $code ->
    [err-print-paper-out] نفد الورق
    [err-print-offline] غير متصلة
    [err-print-cover-open] الغطاء مفتوح
    [err-print-status-silent] لا تستجيب
    [err-print-no-printer] غير مُعدّة
   *[other] { $text }
}
print-ui-jobs-open = مهام الطباعة

## مهام الطباعة
print-ui-jobs-title = مهام الطباعة
print-ui-jobs-title-of = مهام الطباعة لـ { $printer }
print-ui-jobs-empty = لا توجد مهام طباعة.
print-ui-loading = جارٍ التحميل…
print-ui-refresh = تحديث
print-ui-close = إغلاق
print-ui-kind = { $kind ->
    [receipt] إيصال
    [kitchen] تذكرة مطبخ
    [kitchen_cancel] إلغاء للمطبخ
    [drawer] درج النقود
    [test] صفحة اختبار
   *[other] { $kind }
}
print-ui-state = { $state ->
    [queued] بالانتظار
    [sending] قيد الإرسال
    [done] طُبعت
    [cancelled] أُلغيت
   *[other] { $state }
}
print-ui-reprint = إعادة طباعة
print-ui-attempts = { $count ->
    [zero] لا محاولات
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $count } محاولات
    [many] { $count } محاولة
   *[other] { $count } محاولة
}
print-ui-send-now = أرسل الآن
print-ui-send-to = أرسل إلى…
print-ui-send-to-label = أرسلها إلى هذه الطابعة بدلًا من ذلك:
print-ui-print-again = اطبع مرة أخرى
print-ui-sent-now = تُرسل المهمة { $job } الآن.
print-ui-printing-again = تُطبع المهمة { $job } مرة أخرى مع علامة إعادة الطباعة.
print-ui-redirected = تذهب المهمة { $job } الآن إلى { $printer }.

## الإيصال
print-ui-receipt-copy = اطبع على طابعة الإيصالات
print-ui-copy-queued = يُطبع الإيصال { $receipt } على طابعة الإيصالات.

## درج النقود
print-ui-drawer-open = فتح الدرج
print-ui-drawer-title = فتح درج النقود
print-ui-drawer-reason = السبب
print-ui-drawer-reason-placeholder = مثلًا: فكّة للصندوق
print-ui-drawer-explain = يُسجَّل فتح الدرج دون عملية بيع مع اسم من فتحه وسببه.
print-ui-drawer-pin-hint = يوافق مدير برمز PIN الخاص به.
print-ui-drawer-pin = رمز PIN للمدير
print-ui-drawer-confirm = فتح الدرج
print-ui-drawer-opened = يُفتح درج النقود.
print-ui-cancel = إلغاء

## شاشة الطابعات للفني
print-ui-open = الطابعات
print-ui-title = الطابعات
print-ui-explain = طابعة الإيصالات (درج النقود موصول بها) ومحطات المطبخ، تطبع كل محطة فئات القائمة المخصصة لها. اختبر كل طابعة بعد أي تغيير.
print-ui-receipt-section = طابعة الإيصالات
print-ui-kitchen-section = محطات المطبخ
print-ui-no-receipt = لم تُعدّ طابعة إيصالات: تُحفظ الإيصالات بصيغة PDF فقط.
print-ui-set-receipt = إعداد طابعة الإيصالات
print-ui-no-kitchen = لم تُعدّ أي محطة مطبخ.
print-ui-add-station = إضافة محطة مطبخ
print-ui-edit = تعديل
print-ui-edit-title = تعديل { $printer }
print-ui-remove = إزالة
print-ui-remove-title = إزالة { $printer }؟
print-ui-remove-explain = تبقى مهامها المنتظرة في القائمة: أرسلها إلى طابعة أخرى.
print-ui-keep = إبقاؤها
print-ui-jobs = المهام
print-ui-test-page = اطبع صفحة اختبار
print-ui-test-queued = أُرسلت صفحة الاختبار (المهمة { $job }) إلى { $printer }.
print-ui-station = اسم المحطة
print-ui-station-hint = من 1 إلى 20 من a–z و0–9 و_ و-، مثل hot أو bar.
print-ui-station-invalid = يتكون اسم المحطة من 1 إلى 20 من a–z و0–9 و_ و-.
print-ui-address = العنوان
print-ui-address-hint = tcp://host:9100, serial:/dev/ttyUSB0?baud=19200, usb:/dev/usb/lp0
print-ui-address-missing = أدخل عنوان الطابعة.
print-ui-width = عرض الورق
print-ui-width-mm = { $mm } مم
print-ui-mode = وضع الطباعة
print-ui-mode-name = { $mode ->
    [text] نص (الحروف اللاتينية فقط)
   *[raster] صورة (كل اللغات)
}
print-ui-categories = فئات القائمة
print-ui-categories-hint = معرّفات الفئات، مفصولة بفواصل.
print-ui-unknown = غير معروف هنا
print-ui-unknown-explain = أُعدّت هذه المحطة في مكان آخر: الحقول المتروكة فارغة تحتفظ بقيمها المحفوظة.
print-ui-none = لا شيء
print-ui-save = حفظ
print-ui-station-saved = حُفظت { $printer }.
print-ui-station-removed = أُزيلت { $printer }.
print-ui-kitchen-send = أرسل إلى المطبخ
print-ui-kitchen-sent = { $count ->
    [zero] لم تُرسل أي بطاقة إلى المطبخ.
    [one] أُرسلت بطاقة واحدة إلى المطبخ.
    [two] أُرسلت بطاقتان إلى المطبخ.
    [few] أُرسلت { $count } بطاقات إلى المطبخ.
    [many] أُرسلت { $count } بطاقة إلى المطبخ.
   *[other] أُرسلت { $count } بطاقة إلى المطبخ.
}
