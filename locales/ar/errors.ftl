# Errors shown to people. Each id is a `code` the backend returns.

err-unknown-currency = عملة غير معروفة: { $code }.
err-currency-mismatch = المبلغ بعملة { $found }، لكن نقطة البيع هذه تعمل بعملة { $expected }.
err-amount-too-large = المبلغ كبير جدًا.
err-bad-amount = «{ $text }» ليس مبلغًا صالحًا.
err-too-many-decimals = «{ $text }» يحتوي على منازل عشرية كثيرة: { $currency } تسمح بـ { $digits }.
err-bad-quantity = يجب أن تكون الكمية بين 1 و{ $max } (المُدخل: { $qty }).
err-unknown-item = الصنف { $id } غير موجود في القائمة.
err-item-unavailable = نفدت كمية { $name }.
err-option-not-for-item = الخيار { $option } غير متاح لـ { $item }.
err-duplicate-option = تم اختيار الخيار { $option } مرتين.
err-option-count = { $rule ->
        [exact] اختر { $max } بالضبط من خيارات { $group } (تم اختيار { $count }).
        [at-most] اختر { $max } على الأكثر من خيارات { $group } (تم اختيار { $count }).
       *[range] اختر ما بين { $min } و{ $max } من خيارات { $group } (تم اختيار { $count }).
    }
err-note-too-long = الملاحظة طويلة جدًا (الحد الأقصى { $max } حرف).
err-unknown-line = هذا السطر لم يعد موجودًا في عملية البيع.
err-empty-cart = عملية البيع فارغة.
err-cash-too-low = المبلغ النقدي المدفوع { $tendered } أقل من المبلغ المستحق { $due }.
err-tenders-do-not-add-up = مجموع المدفوعات { $paid } لكن الإجمالي { $total }.
err-already-voided = عملية البيع { $id } ملغاة بالفعل.
err-void-of-void = لا يمكن إلغاء عملية إلغاء.
err-void-reason = أدخل سبب الإلغاء.
err-no-such-sale = لا توجد عملية بيع { $id }.
err-store = فشلت قاعدة بيانات نقطة البيع: { $detail }
err-store-corrupt = تحتوي قاعدة بيانات نقطة البيع على بيانات غير متسقة: { $detail }
err-menu-json = ملف القائمة غير صالح: { $detail }
err-menu-currency = أسعار القائمة بعملة { $found }، لكن نقطة البيع هذه تعمل بعملة { $expected }.
err-menu-duplicate-id = تذكر القائمة { $kind } «{ $id }» مرتين.
err-menu-unknown-category = الصنف { $item } ينتمي إلى الفئة { $category } غير الموجودة في القائمة.
err-menu-unknown-group = الصنف { $item } يستخدم مجموعة الخيارات { $group } غير الموجودة في القائمة.
err-menu-negative-price = سعر { $kind } { $id } سالب.
err-menu-bad-min-max = مجموعة الخيارات { $group } تطلب من { $min } إلى { $max } من خياراتها البالغ عددها { $count }.
err-menu-bad-tax-rate = نسبة ضريبة القيمة المضافة للصنف { $item } هي { $rate } نقطة أساس، وهي خارج النطاق من 0 إلى 10000.
err-menu-empty-name = يوجد { $kind } بمعرّف أو اسم فارغ ({ $id }).
err-no-menu = لا توجد قائمة بعد. استورد قائمة أولًا.
err-io = تعذّرت القراءة من { $path } أو الكتابة إليه: { $detail }
err-bad-date = «{ $text }» ليس تاريخًا (YYYY-MM-DD).
err-bad-ring = «{ $text }» ليس صنفًا صالحًا للإدخال (ITEM_ID[*QTY][+OPTION_ID...]).
err-bad-pay = «{ $text }» ليس دفعة صالحة (cash[:AMOUNT]).
err-bad-locale = لغة غير معروفة: { $tag }.
err-internal = خطأ غير متوقع: { $detail }
err-background-busy = العمل في الخلفية لهذا الصندوق (المزامنة مع الخادم المركزي، webhook فيفا) تقوم به { $what ->
    [window] نافذة Quay
    [sync-run] «quay sync run»
   *[other] عملية أخرى
} (pid { $pid }).
background-waiting = في انتظار توقفها…
err-config-key = { $key } ليس إعداداً يمكن لهذا الأمر تغييره. الإعدادات: { $keys }.
err-config-value = «{ $value }» ليست قيمة صالحة لـ { $key }.
err-hub-not-configured = لم يُضبط الاتصال بالخادم المركزي بعد (الناقص: { $missing }).
err-hub-network = تعذّر الوصول إلى الخادم المركزي: { $detail }
err-hub-signature = تم تجاهل رد غير موقَّع من الخادم المركزي لنقطة البيع هذه.
err-hub-refused = رفض الخادم المركزي الطلب ({ $status } { $code }): { $message }
err-hub-bad-answer = رد الخادم المركزي غير مفهوم: { $detail }
err-menu-version-gap = لا يمكن تطبيق تغييرات الخادم المركزي (من { $from } إلى { $to }) على إصدار القائمة { $have } في نقطة البيع هذه.
err-menu-unknown-delete = تحذف تغييرات الخادم المركزي { $kind } { $id }، وهو غير موجود في هذه القائمة.
err-payment-transition = لا يمكن أن تنتقل عملية الدفع { $key } من { $from } إلى { $to }.
err-payment-unresolved = لعملية البيع { $sale } دفعة بالبطاقة نتيجتها غير معروفة بعد: عالجها أولاً.
## رفض البطاقة: السبب بالكلمات ثم الرمز كما أعطاه البنك أو الجهاز أو Viva
## ($code: "51" أو "Viva 10051" أو "ZVT 6E")؛ يطلبه البنك.
decline-refer-to-issuer = مرفوضة: يطلب بنك البطاقة الاتصال به ({ $code }).
decline-invalid-merchant = مرفوضة: لا يقبل بنك البطاقة هذا المتجر؛ اتصل بمزوّد خدمة الدفع ({ $code }).
decline-pick-up = مرفوضة: يطلب بنك البطاقة الاحتفاظ بالبطاقة ({ $code }).
decline-do-not-honour = رفض البنك المُصدر للبطاقة العملية ({ $code }).
decline-invalid-transaction = مرفوضة: عملية غير صالحة ({ $code }).
decline-invalid-amount = مرفوضة: مبلغ غير صالح ({ $code }).
decline-invalid-card = مرفوضة: رقم البطاقة غير صالح ({ $code }).
decline-lost-stolen = البطاقة مُبلَّغ عن فقدانها أو سرقتها: احتفظ بالبطاقة ({ $code }).
decline-insufficient-funds = مرفوضة: الرصيد غير كافٍ ({ $code }).
decline-expired-card = مرفوضة: انتهت صلاحية البطاقة ({ $code }).
decline-wrong-pin = مرفوضة: رمز PIN خاطئ ({ $code }).
decline-pin-tries-exceeded = مرفوضة: تجاوز عدد محاولات رمز PIN الخاطئة ({ $code }).
decline-not-permitted = مرفوضة: العملية غير مسموح بها لهذه البطاقة ({ $code }).
decline-over-limit = مرفوضة: تجاوز حد البطاقة ({ $code }).
decline-try-again = مرفوضة مؤقتًا: يطلب بنك البطاقة المحاولة مرة أخرى ({ $code }).
decline-fraud-suspected = مرفوضة: يشتبه بنك البطاقة في احتيال ({ $code }).
decline-terminal-not-permitted = مرفوضة: لا يُسمح لجهاز الدفع في هذا المتجر بهذه العملية؛ اتصل بالبنك ({ $code }).
decline-bad-cvv = مرفوضة: رمز الأمان (CVV) غير صحيح ({ $code }).
decline-sca-required = مرفوضة: يطلب بنك البطاقة إدخال رمز PIN؛ أدخل البطاقة وادفع مرة أخرى ({ $code }).
decline-issuer-unavailable = تعذّر الاتصال ببنك البطاقة: حاول مرة أخرى أو استخدم طريقة دفع أخرى ({ $code }).
decline-duplicate = مرفوضة: إرسال مكرر ({ $code }).
decline-system-error = مرفوضة: خطأ في نظام البنك ({ $code }).
decline-viva-policy = مرفوضة بموجب قواعد الدفع لدى Viva لهذا الحساب ({ $code }).
decline-code = رفض البنك العملية ({ $code }).
decline-terminal-code = رفض جهاز الدفع العملية ({ $code }).
decline-no-code = مرفوضة: لم يُذكر رمز للسبب.
decline-code-and-bank = { $code }، رمز البنك { $bank }
decline-two-reasons = { $first } ويقول بنك البطاقة: { $second }
err-card-amount = لا يمكن الدفع بالبطاقة بمبلغ { $amount }: المستحق { $due }.
err-card-unknown = نتيجة الجهاز للدفعة { $key } غير معروفة. لا تكرر الخصم: سيسأل النظام الجهاز.
err-card-cancelled = أُلغيت الدفعة بالبطاقة.
err-terminal-not-configured = جهاز البطاقات غير مُعدّ (ينقص: { $missing }).
err-terminal-port = تعذّر فتح منفذ جهاز البطاقات { $port }: { $detail }
err-terminal-registration = رفض جهاز البطاقات تسجيل الصندوق (الرمز { $code }): تحقّق من كلمة مرور ZVT وبايت الإعدادات في إعدادات الصندوق.
err-terminal-unanswered = لم يُجب جهاز البطاقات على المنفذ { $port } على طلب التسجيل: { $detail }
err-reason-required = اذكر السبب.
err-payment-not-found = لا توجد دفعة بطاقة { $key }.
err-payment-final = دفعة البطاقة { $key } مسوّاة بالفعل ({ $state }).
zvt-error-card-unreadable = تعذّرت قراءة البطاقة: حاول مرة أخرى ({ $code }).
zvt-error-card-data-missing = بيانات البطاقة ناقصة: حاول مرة أخرى أو استخدم بطاقة أخرى ({ $code }).
zvt-error-processing = تعذّر على الجهاز معالجة البطاقة ({ $code }).
zvt-error-turnover-full = ذاكرة الجهاز ممتلئة: أغلق اليوم على الجهاز أولاً ({ $code }).
zvt-error-aborted = أُلغيت العملية على الجهاز ({ $code }).
zvt-error-not-registered = يرفض الجهاز العمل مع هذا الصندوق: غير مسجَّل، ولم تنجح إعادة التسجيل. تحقّق من كلمة مرور الجهاز في الإعدادات ({ $code }).
zvt-error-card-blocked = البطاقة محظورة ({ $code }).
zvt-error-wrong-currency = الجهاز لا يقبل هذه العملة ({ $code }).
zvt-error-end-of-day-impossible = لا يستطيع الجهاز إغلاق اليوم الآن ({ $code }).
zvt-error-card-expired = انتهت صلاحية البطاقة ({ $code }).
zvt-error-card-not-yet-valid = البطاقة غير سارية بعد ({ $code }).
zvt-error-card-unknown = الجهاز لا يتعرّف على هذه البطاقة ({ $code }).
zvt-error-communication = تعذّر على الجهاز الاتصال بالبنك ({ $code }).
zvt-error-not-possible = لا يستطيع الجهاز تنفيذ ذلك الآن ({ $code }).
zvt-error-protocol = لم يفهم الجهاز طلب نقطة البيع: خطأ في البروتوكول ({ $code }).
zvt-error-busy = الجهاز مشغول: انتظر قليلاً ثم حاول مرة أخرى ({ $code }).
zvt-error-system = يبلّغ الجهاز عن خطأ في النظام ({ $code }).
err-auth-pin-format = الرقم السري من { $min } إلى { $max } أرقام.
err-auth-wrong-pin = رقم سري خاطئ.
err-auth-locked = محاولات خاطئة كثيرة. حاول مرة أخرى بعد { $minutes } دقيقة.
err-auth-not-allowed = { $role ->
    [cashier] لا يحق لأمين الصندوق
    [manager] لا يحق للمدير
   *[technician] لا يحق للفني
} القيام بهذا ({ staff-action }).
err-auth-pin-in-use = هذا الرقم السري مستخدم بالفعل. اختر رقماً آخر.
err-auth-bad-name = يلزم اسم من 1 إلى { $max } حرفاً.
err-auth-session-expired = تم تسجيل الخروج بعد { $minutes } دقيقة دون نشاط.
err-auth-no-such-staff = لا يوجد موظف { $id }.
err-auth-last-technician = لا يمكن تعطيل آخر فني نشط.
err-audit-broken = سجل التدقيق تالف عند القيد { $seq } ({ $reason }).
err-auth-pin-required = يلزم رقم سري لهذا ({ staff-action }).
err-auth-signed-out = سجّل الدخول برقمك السري أولاً.
err-auth-first-technician = يجب أن يكون أول موظف في نقطة البيع فنياً.
err-voucher-used = القسيمة { $code } مستخدمة بالفعل.
err-voucher-expired = انتهت صلاحية القسيمة { $code }.
err-voucher-not-found = لا توجد قسيمة { $code } لدى هذا الشريك.
err-voucher-wrong-store = القسيمة { $code } غير صالحة في هذا المتجر.
err-voucher-inactive = القسيمة { $code } غير مفعّلة بعد أو تم إيقافها.
err-voucher-min-spend = تتطلب القسيمة { $code } فاتورة لا تقل عن { $min }.
err-voucher-currency = القسيمة { $code } بعملة { $voucher }، وهذه الفاتورة بعملة { $sale }.
err-voucher-nothing-due = لم يتبقَّ شيء للدفع في هذه الفاتورة.
err-voucher-no-value = القسيمة { $code } بلا قيمة في هذه الفاتورة.
err-voucher-bad-code = «{ $code }» ليس رمز قسيمة.
err-voucher-unavailable = { $partner ->
    [momo] MoMo
   *[giftpop] GiftPop
} لا يستجيب. حاول بعد لحظات أو اقبل طريقة دفع أخرى.
err-voucher-offline = لا يوجد اتصال: لا يمكن التحقق من القسائم الآن. اقبل طريقة دفع أخرى.
err-voucher-conflict = استُخدمت القسيمة { $code } في مكان آخر للتو، أو أن الطلب لا يطابق. تحقق من القسيمة مرة أخرى.
err-voucher-twice = القسيمة { $code } مضافة بالفعل إلى هذه الفاتورة.
err-pay-short = ما زال { $due } مستحقاً: أضف طريقة دفع أخرى.
err-backup-passphrase = تحتاج عبارة مرور النسخة الاحتياطية إلى { $min } حرفاً على الأقل.
err-backup-unreadable = هذه ليست نسخة احتياطية من Quay، أو أنها تالفة، أو أن عبارة المرور خاطئة.
err-backup-target = يحتوي { $dir } على نقطة بيع بالفعل: استعد النسخة في مجلد فارغ.
err-backup-io = تعذّرت كتابة النسخة الاحتياطية أو قراءتها: { $detail }
