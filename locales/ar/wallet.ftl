# مدفوعات المحافظ الإلكترونية (MoMo POS وZaloPay وVNPAY-QR): رسائل النظام، في كل الواجهات.

## مراحل الدفع بالمحفظة
pay-wallet-code-is = رمز الدفع من { $wallet }
pay-wallet-status-sending = جارٍ إرسال الرمز إلى { $wallet }…
pay-wallet-status-confirming = العميل يؤكد الدفع في { $wallet }…
pay-wallet-status-waiting = في انتظار أن يمسح العميل الرمز ويدفع عبر { $wallet }…
pay-wallet-status-closing = انتهى الوقت: جارٍ مطالبة { $wallet } بتأكيد إغلاق الطلب…
pay-wallet-approved = تم استلام الدفع عبر { $wallet }. أُغلقت عملية البيع { $receipt }.
pay-wallet-remaining = تم استلام الدفع عبر { $wallet }. المتبقي: { $amount }
# ما يراه العميل في تطبيق المحفظة للطلب ولاسترداد مبلغه.
pay-wallet-order-info = الدفع لعملية البيع { $sale }
pay-wallet-refund-info = استرداد لعملية البيع { $sale }

## أسباب عدم إتمام الدفع بالمحفظة
err-wallet-gave-up = أوقفت انتظار { $wallet }. ما زال الطلب قيد المتابعة: إذا دفعه العميل لاحقاً، تكتمل عملية البيع أو تُدرج الدفعة في قائمة الاسترداد.
err-wallet-declined = { $wallet }: رُفضت الدفعة (رمز الخطأ { $code }).
err-wallet-insufficient-funds = { $wallet }: رصيد العميل غير كافٍ (رمز الخطأ { $code }).
err-wallet-over-limit = { $wallet }: بلغ العميل حد الدفع المسموح له (رمز الخطأ { $code }).
err-wallet-customer-cancelled = { $wallet }: ألغى العميل الدفع (رمز الخطأ { $code }).
err-wallet-code-expired = { $wallet }: رمز الدفع منتهي الصلاحية أو مستخدم من قبل؛ اطلب من العميل تحديثه (رمز الخطأ { $code }).
err-wallet-refused = { $wallet }: رُفض الطلب؛ لم يُخصم أي مبلغ (رمز الخطأ { $code }).
err-wallet-expired = انتهت صلاحية طلب { $wallet } دون دفع. يمكنك المحاولة مرة أخرى.
err-wallet-unknown = لا توجد بعد إجابة نهائية من { $wallet } بشأن الدفعة { $key }. يُعاد السؤال في الخلفية؛ لا تخصم من العميل مرة أخرى.
err-wallet-not-configured = { $wallet } غير مُعدّ: ينقص { $missing }.
err-wallet-config = إعدادات { $wallet } غير صالحة للاستخدام: { $error }
err-wallet-currency = المحافظ تقبل الدونغ الفيتنامي فقط، وهذا الصندوق يعمل بعملة { $currency }.
err-wallet-not-enabled = { $wallet } غير مفعّل في هذا الصندوق.
err-wallet-code-required = امسح أولاً رمز الدفع الخاص بالعميل في { $wallet }.
err-wallet-code-unknown = هذا ليس رمز دفع لمحفظة. لم يُرسَل شيء.
err-wallet-code-unsupported = رموز { $wallet } غير مقبولة في هذا الصندوق. لم يُرسَل شيء.
err-wallet-no-code-scan = الدفع عبر { $wallet } يتم بأن يمسح العميل رمز QR الخاص بالصندوق، لا بمسح رمز من العميل.
err-wallet-amount-limits = يقبل { $wallet } من { $min } إلى { $max } للدفعة الواحدة، والمبلغ { $amount } خارج هذا النطاق. لم يُرسَل شيء.
err-wallet-nothing-running = لا توجد دفعة بالمحفظة قيد التنفيذ.
err-wallet-not-unused = الدفعة { $key } ليست دفعة بالمحفظة بانتظار الاسترداد.
err-wallet-unknown-order = أشارت المحفظة إلى طلب لا يعرفه هذا الصندوق.
err-wallet-refund-in-portal = لا توفّر هذه المحفظة خدمة استرداد للمتجر: استرد الدفعة { $key } من بوابة التاجر الخاصة بالمحفظة، ثم سوِّها يدويًا في شاشة المدفوعات غير المسوّاة.
err-wallet-still-payable = لا يزال من الممكن دفع العملية { $key } عبر المحفظة حتى تنتهي صلاحية رمز QR: انتظر أو اسأل المحفظة مجددًا قبل تسويتها على أنها لم تُخصم.

## الإعدادات
setup-group-wallets = المحافظ الإلكترونية (MoMo وZaloPay وVNPAY-QR)
setup-key-wallet-qr-deadline = مدة صلاحية رمز QR للدفع (بالثواني)
setup-key-wallet-poll = الفاصل بين الاستعلامات لدى المحفظة (بالثواني)
setup-key-wallet-momo-enabled = قبول مدفوعات MoMo
setup-key-wallet-momo-url = عنوان واجهة MoMo البرمجية
setup-key-wallet-momo-partner-code = رمز الشريك لدى MoMo
setup-key-wallet-momo-access-key = مفتاح الوصول لدى MoMo
setup-key-wallet-momo-secret-key = المفتاح السري لدى MoMo
setup-key-wallet-momo-public-key = المفتاح العام لدى MoMo (RSA)
setup-key-wallet-momo-store-id = معرّف المتجر لدى MoMo
setup-key-wallet-momo-listen = IPN من MoMo: عنوان الاستماع (العنوان:المنفذ)
setup-key-wallet-momo-callback-url = IPN من MoMo: العنوان العام
setup-key-wallet-zalopay-enabled = قبول مدفوعات ZaloPay
setup-key-wallet-zalopay-url = عنوان واجهة ZaloPay البرمجية
setup-key-wallet-zalopay-app-id = معرّف التطبيق لدى ZaloPay
setup-key-wallet-zalopay-key1 = Key1 لدى ZaloPay
setup-key-wallet-zalopay-key2 = Key2 لدى ZaloPay
setup-key-wallet-zalopay-listen = إشعارات ZaloPay (callback): عنوان الاستماع (العنوان:المنفذ)
setup-key-wallet-zalopay-callback-url = إشعارات ZaloPay (callback): العنوان العام
setup-key-wallet-vnpay-enabled = قبول مدفوعات VNPAY-QR
setup-key-wallet-vnpay-url = عنوان واجهة VNPAY-QR البرمجية
setup-key-wallet-vnpay-merchant-code = رمز التاجر لدى VNPAY
setup-key-wallet-vnpay-terminal-id = معرّف الجهاز لدى VNPAY (Terminal ID)
setup-key-wallet-vnpay-secret = المفتاح السري لدى VNPAY
setup-key-wallet-vnpay-merchant-type = فئة نشاط التاجر لدى VNPAY (MCC)
setup-key-wallet-vnpay-listen = IPN من VNPAY: عنوان الاستماع (العنوان:المنفذ)

## اختبارات الاتصال
setup-target-momo-pay = مدفوعات MoMo
setup-target-zalopay = ZaloPay
setup-target-vnpay = VNPAY-QR
setup-step-wallet-settings = إعدادات { $wallet } مكتملة
setup-step-wallet-keys = أجاب { $wallet } عن طلب موقَّع (المفاتيح صحيحة)
setup-ok-wallet-settings = إعدادات { $wallet } مكتملة.
setup-ok-wallet-keys = أجاب { $wallet } بأنه "لا يوجد طلب كهذا" (الرمز { $code })، موقَّعًا بمفاتيح المتجر.
setup-fail-wallet-keys = إجابة المحفظة لا تثبت صحة المفاتيح: { $detail }
