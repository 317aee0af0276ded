# إعداد الفني: الإعدادات واختبارات الاتصال وتقرير الاتصال.

## مجموعات الإعدادات

setup-group-store = المتجر
setup-group-hub = الخادم المركزي
setup-group-momo = قسائم MoMo
setup-group-giftpop = قسائم GiftPop
setup-group-terminal = جهاز الدفع بالبطاقة

## الإعدادات

setup-key-store-name = اسم المتجر
setup-key-store-address = العنوان
setup-key-store-contact-name = الشخص المسؤول عن التواصل
setup-key-store-contact-phone = هاتف التواصل
setup-key-counter-currency = العملة
setup-key-store-vat-rates = نسب ضريبة القيمة المضافة (٪، مفصولة بفواصل)
setup-key-counter-locale = اللغة الافتراضية
setup-key-counter-id = رقم الصندوق
setup-key-counter-cashier = اسم أمين الصندوق عند عدم تسجيل دخول أحد
setup-key-hub-url = عنوان الخادم المركزي (URL)
setup-key-hub-pos-parent = رمز الجهة الأم (Pos Parent)
setup-key-hub-pos-id = معرّف نقطة البيع (Pos ID)
setup-key-hub-key1 = مفتاح توقيع الطلبات (Key1)
setup-key-hub-key2 = مفتاح التحقق من الردود (Key2)
setup-key-hub-menu-interval = الفاصل بين عمليات فحص قائمة الطعام (بالثواني)
setup-key-momo-enabled = قبول قسائم MoMo
setup-key-momo-point-code = رمز نقطة البيع لدى MoMo
setup-key-giftpop-enabled = قبول قسائم GiftPop
setup-key-giftpop-point-code = رمز نقطة البيع لدى GiftPop
setup-key-terminal-kind = نوع جهاز الدفع
setup-key-zvt-port = المنفذ التسلسلي لـ ZVT
setup-key-zvt-baud = سرعة ZVT (baud)
setup-key-zvt-password = كلمة مرور ZVT
setup-key-viva-url = عنوان واجهة Viva البرمجية
setup-key-viva-merchant-id = معرّف التاجر لدى Viva
setup-key-viva-api-key = مفتاح API لدى Viva
setup-key-viva-source-code = رمز المصدر لدى Viva (الرقم التسلسلي للجهاز)
setup-key-viva-wait = مدة انتظار العميل عند الجهاز (بالثواني)
setup-key-viva-webhook-listen = عنوان webhook الخاص بـ Viva (host:port)
setup-key-viva-webhook-token = رمز webhook الخاص بـ Viva
setup-key-viva-webhook-key = مفتاح التحقق من webhook الخاص بـ Viva

## القيم المرفوضة

err-setting-too-long = { $key } طويل جدًا: { $max } حرفًا على الأكثر.
err-setting-bool = قيمة { $key } هي «true» أو «false»، وليست «{ $value }».
err-setting-phone = «{ $value }» ليس رقم هاتف صالحًا لـ { $key }: استخدم الأرقام والمسافات و+ ( ) - . (من 6 إلى 15 رقمًا).
err-setting-vat-rates = «{ $value }» ليست قائمة نسب ضريبة صالحة لـ { $key }: اكتب نسبًا مئوية مفصولة بفواصل مثل 8,10 (كل نسبة من 0 إلى 100، برقمين عشريين على الأكثر، دون تكرار).
err-setting-zvt-password = { $key } هي كلمة مرور الجهاز: ستة أرقام.
err-setting-secret-short = { $key } قصير جدًا: { $min } حرفًا على الأقل.
err-setting-rsa-key = { $key }: الصق المفتاح بصيغة PEM (-----BEGIN … KEY----- … -----END … KEY-----) أو كسطر واحد بترميز base64، كما تعرضه لوحة تحكم الشريك.
err-connect-failed = فشل اختبار الاتصال بـ { $target } عند خطوة «{ $step }».

## اختبارات الاتصال

setup-target-hub = الخادم المركزي
setup-target-momo = MoMo
setup-target-giftpop = GiftPop
setup-target-terminal = جهاز الدفع بالبطاقة

setup-step-hub-config = إعدادات الخادم المركزي مكتملة
setup-step-hub-ping = طلب ping موقَّع (Key1) والتحقق من الرد (Key2)
setup-step-hub-identity = الخادم المركزي يعرف نقطة البيع هذه
setup-step-hub-clock = ساعة نقطة البيع مقارنة بساعة الخادم المركزي
setup-step-partner-config = { $partner } مفعّل مع رمز نقطة البيع
setup-step-partner-listed = الخادم المركزي يُظهر { $partner } متصلًا
setup-step-partner-round-trip = رحلة ذهاب وإياب إلى { $partner } عبر الخادم المركزي
setup-step-terminal-config = إعدادات جهاز الدفع مكتملة
setup-step-zvt-port = منفذ الجهاز يُفتح
setup-step-zvt-status = الجهاز يجيب على استعلام الحالة
setup-step-viva-credentials = Viva تقبل معرّف التاجر ومفتاح API
setup-step-viva-source = رمز مصدر الجهاز مُعيَّن

setup-step-passed = ناجح
setup-step-failed = فاشل

setup-ok-hub-config = { $url }، رمز الجهة الأم { $pos_parent }، معرّف نقطة البيع { $pos_id }
setup-ok-hub-ping = جاء الرد خلال { $ms } مللي ثانية
setup-ok-hub-identity = «{ $point_name }» ({ $pos_parent } / { $pos_id })
setup-fail-hub-identity = أجاب الخادم المركزي باسم { $pos_parent } / { $pos_id } («{ $point_name }») وليس باسم نقطة البيع هذه: تحقّق من رمز الجهة الأم (Pos Parent) ومعرّف نقطة البيع (Pos ID).
setup-ok-hub-clock = الفرق { $skew } ثانية (الحد الأقصى { $max } ثانية)
setup-fail-hub-clock = ساعة نقطة البيع تختلف عن ساعة الخادم المركزي بـ { $skew } ثانية (أكثر من { $max } ثانية): اضبط الساعة.
setup-fail-hub-key1 = رفض الخادم المركزي توقيع نقطة البيع هذه ({ $code }): تحقّق من رمز الجهة الأم (Pos Parent) ومعرّف نقطة البيع (Pos ID) ومفتاح توقيع الطلبات (Key1).
setup-fail-hub-key2 = الرد غير موقَّع بمفتاح Key2 الخاص بنقطة البيع هذه: تحقّق من مفتاح التحقق من الردود (Key2).
setup-ok-partner-config = رمز نقطة البيع { $point_code }
setup-fail-partner-disabled = قسائم { $partner } غير مفعّلة في نقطة البيع هذه.
setup-fail-partner-no-point-code = رمز نقطة البيع لدى { $partner } غير مُدخل.
setup-ok-partner-listed = { $partner }: { $status }
setup-fail-partner-pending = لم يوافق { $partner } على نقطة البيع هذه بعد ({ $status }): اطلب من الشريك الموافقة عليها في موقع الإدارة الخاص به.
setup-fail-partner-disabled-at-hub = { $partner } معطَّل لنقطة البيع هذه في الخادم المركزي.
setup-fail-partner-not-listed = الخادم المركزي لا يُدرج { $partner } لنقطة البيع هذه.
setup-ok-partner-round-trip = أجاب { $partner } بـ «{ $status }» عن رمز الاختبار { $code } خلال { $ms } مللي ثانية
setup-fail-partner-down = { $partner } لا يجيب الخادم المركزي (503 unavailable).
setup-ok-terminal-zvt = ZVT على { $port } بسرعة { $baud } baud
setup-ok-terminal-viva = Viva على { $url }
setup-ok-zvt-port = { $port } مفتوح
setup-ok-zvt-status = أجاب الجهاز { $terminal_id } خلال { $ms } مللي ثانية؛ آخر معاملة: { $state }
setup-fail-zvt-status = لم يُجب الجهاز: { $detail }
setup-ok-viva-credentials = قُبلت خلال { $ms } مللي ثانية؛ عدد معاملات اليوم: { $count }
setup-fail-viva-credentials = رفضت Viva معرّف التاجر أو مفتاح API.
setup-fail-viva = Viva: { $detail }
setup-ok-viva-source = المصدر { $source }

## تقرير الاتصال

setup-report-title = تقرير الاتصال: { $target }
setup-report-store = نقطة البيع
setup-report-address = العنوان
setup-report-contact = الشخص المسؤول عن التواصل
setup-report-phone = هاتف التواصل
setup-report-pos-parent = رمز الجهة الأم (Pos Parent)
setup-report-pos-id = معرّف نقطة البيع (Pos ID)
setup-report-counter = الصندوق
setup-report-point-name = الاسم لدى الخادم المركزي
setup-report-partner = الشريك
setup-report-target = الاتصال المختبَر
setup-report-point-code = رمز نقطة البيع لدى الشريك
setup-report-terminal = جهاز الدفع
setup-report-time = وقت الاختبار
setup-report-result = النتيجة
setup-report-ok = تم الاتصال بنجاح
setup-report-failed = فشل الاتصال
setup-report-col-step = الخطوة
setup-report-col-status = الحالة
setup-report-col-result = النتيجة
setup-report-col-ms = مللي ثانية
setup-report-round-trip = رحلة الذهاب والإياب: { $request } ← { $answer } خلال { $ms } مللي ثانية، { $time }
setup-report-footer = أُنشئ بواسطة Quay { $version } على الصندوق { $counter }.
setup-report-written = كُتب التقرير في { $path }
setup-saved = عدد الإعدادات المحفوظة: { $count }
setup-key-bank-merchant-id = رقم التاجر لدى البنك
setup-key-bank-terminal-ids = أرقام الأجهزة لدى البنك (مفصولة بفواصل)
## ZVT registration
setup-key-zvt-config = بايت إعدادات تسجيل ZVT (ست عشري)
err-setting-zvt-config = { $key } هو بايت الإعدادات في التسجيل: رقمان ست عشريان، مثل BA.
setup-step-zvt-register = الجهاز يقبل تسجيل الصندوق
setup-ok-zvt-register = تم التسجيل (بايت الإعدادات { $config }، العملة { $currency })
