# Day-end: totals, the terminal batch, the bank file, reconciliation, the report.

## The report (PDF)

dayend-report-title = تقرير نهاية اليوم { $date }
dayend-report-store = { $store } · الصندوق { $counter }
dayend-report-generated = طُبع في { $at }
dayend-report-closed = أغلقه { $name } في { $at }
dayend-report-open = لم يُغلق هذا اليوم بعد.
dayend-section-sales = المبيعات
dayend-sales-count = المبيعات
dayend-voids = الإلغاءات
dayend-refunds = المبالغ المستردة إلى البطاقات
dayend-partial-refunds = المبالغ المستردة جزئيًا (المحافظ)
dayend-declined = محاولات الدفع بالبطاقة المرفوضة
dayend-net-total = الإجمالي الصافي
dayend-section-tenders = المدفوعات حسب وسيلة الدفع
dayend-col-tender = وسيلة الدفع
dayend-col-count = العدد
dayend-col-amount = المبلغ
dayend-none = لا شيء
dayend-section-cash = درج النقد
dayend-cash-expected = النقد المتوقع
dayend-cash-counted = النقد المعدود
dayend-cash-difference = الفرق
dayend-cash-not-counted = لم يُعدّ
dayend-cash-reason = سبب الفرق: { $reason }
dayend-section-vouchers = القسائم حسب الشريك
dayend-col-partner = الشريك
dayend-section-wallets = المحافظ الإلكترونية
dayend-col-wallet = المحفظة
dayend-section-cards = المدفوعات بالبطاقة حسب النوع
dayend-col-brand = نوع البطاقة
dayend-unknown-brand = نوع غير معروف
dayend-section-terminal = دفعة جهاز الدفع ({ $terminal })
dayend-total = الإجمالي
dayend-col-counter = الصندوق
dayend-col-terminal = جهاز الدفع
dayend-col-difference = الفرق
dayend-terminal-differs = تختلف دفعة جهاز الدفع عن الصندوق بمقدار { $difference }.
dayend-terminal-none = لم تُغلق دفعة جهاز الدفع لهذا اليوم.
dayend-section-bank = المطابقة مع البنك
dayend-bank-none = لم يُستورد أي ملف بنكي لهذا اليوم.
dayend-bank-counter-total = المدفوعات بالبطاقة في الصندوق
dayend-bank-total = المدفوعات بالبطاقة لدى البنك
dayend-bank-fees = الرسوم والمبالغ المستردة بالاعتراض
dayend-bank-next-batch = متوقعة في الدفعة التالية
dayend-bank-difference = الفرق (البنك − الصندوق)
dayend-section-exceptions = أسطر للمراجعة
dayend-col-side = الجهة
dayend-col-reference = المرجع
dayend-col-category = النتيجة
dayend-side-bank = سطر البنك { $line }
dayend-side-counter = الصندوق
dayend-cat-matched = مطابق
dayend-cat-matched-with-difference = مطابق مع اختلاف في المبلغ
dayend-cat-missing-at-bank = مفقود لدى البنك
dayend-cat-missing-at-counter = مفقود في الصندوق
dayend-cat-duplicate = مكرر
dayend-cat-refund-unmatched = استرداد غير مطابق
dayend-cat-next-batch = الدفعة التالية
dayend-cat-fee-or-chargeback = رسوم أو استرداد باعتراض
dayend-cat-ambiguous = غير محسوم

## Errors

err-dayend-outbox-pending = لا يمكن إغلاق اليوم: لا تزال { $count } عمليات بيع بانتظار الإرسال إلى الخادم المركزي ({ $receipts }). أرسلها أولاً.
err-dayend-payments-unresolved = لا يمكن إغلاق اليوم: نتيجة { $count } مدفوعات بالبطاقة غير معروفة ({ $payments }). قم بتسويتها أولاً.
err-dayend-already-closed = أُغلق اليوم { $date } من قبل { $name } في { $at }.
err-dayend-cash-reason = يختلف النقد المعدود عن النقد المتوقع بمقدار { $difference }: اذكر السبب.
err-dayend-terminal = تعذّر إغلاق دفعة جهاز الدفع: { $detail }
err-bank-unknown-preset = لا يوجد قالب ملف بنكي باسم «{ $name }». القوالب المعروفة: { $presets }.
err-bank-preset-json = قالب الملف البنكي غير صالح: { $detail }
err-bank-preset-name = لا يمكن استخدام «{ $name }» اسماً لقالب محفوظ.
err-pdf = تعذّر إنشاء ملف PDF: { $detail }

## The bank file

err-bank-empty = الملف البنكي فارغ.
err-bank-wrong-delimiter = يفصل الملف البنكي أعمدته بـ «{ $found }» وليس بـ «{ $expected }»: اختر القالب الصحيح.
err-bank-not-utf8 = السطر { $line } من الملف البنكي ليس نصاً بترميز UTF-8.
err-bank-bad-csv = تعذّرت قراءة السطر { $line } من الملف البنكي بصيغة CSV.
err-bank-missing-column = لا يحتوي الملف البنكي على العمود «{ $column }».
err-bank-field-count = يحتوي السطر { $line } من الملف البنكي على { $found } أعمدة، بينما يحتوي سطر العناوين على { $expected }.
err-bank-missing-value = السطر { $line }، العمود «{ $column }»: القيمة مفقودة.
err-bank-bad-amount = السطر { $line }، العمود «{ $column }»: «{ $text }» ليس مبلغاً.
err-bank-bad-date = السطر { $line }، العمود «{ $column }»: «{ $text }» ليس تاريخاً ووقتاً.
err-bank-unknown-currency = السطر { $line }، العمود «{ $column }»: عملة غير معروفة «{ $code }».
err-bank-unknown-type = السطر { $line }، العمود «{ $column }»: نوع معاملة غير معروف «{ $value }».
err-bank-negative-sale = السطر { $line }، العمود «{ $column }»: عملية بيع بمبلغ سالب.
err-bank-mixed-currency = السطر { $line } بعملة { $found }، والأسطر السابقة بعملة { $expected }.
err-bank-wrong-currency = السطر { $line } بعملة { $found }، لكن هذا الصندوق يعمل بعملة { $expected }.
err-bank-other-terminal = السطر { $line } يخص جهاز الدفع { $terminal }، وهو ليس من أجهزة هذا الصندوق.
err-bank-other-merchant = السطر { $line } يخص التاجر { $merchant }، لكن هذا المتجر هو { $expected }.
err-bank-bad-preset = لا يستطيع قالب الملف البنكي قراءة أي ملف: { $reason }.
err-bank-settle-unknown-line = لا يوجد سطر بنكي { $id }.
err-bank-settle-unknown-payment = لا توجد دفعة بالبطاقة { $id } في الصندوق.
err-bank-settle-line-twice = السطر البنكي { $id } مُسوّى مرتين.
err-bank-settle-payment-twice = الدفعة بالبطاقة { $id } مُسوّاة مرتين.
err-bank-settle-line-matched = السطر البنكي { $id } مطابق بالفعل.
err-bank-settle-payment-matched = الدفعة بالبطاقة { $id } مطابقة بالفعل.
err-bank-settle-fee-line = السطر البنكي { $id } رسوم أو استرداد باعتراض، وليس دفعة.
err-bank-settle-no-reason = اذكر السبب.
err-bank-settle-duplicate = السطر البنكي { $id } يكرر سطرًا آخر في ملف البنك: يُحتسب مرة واحدة ولا يحتاج إلى تسوية. أبلغ البنك.
