# The counter's screens. Money and dates arrive already formatted for the locale.

app-title = Quay
nav-register = نقطة البيع
nav-sales = مبيعات اليوم
locale-label = اللغة
menu-version = إصدار القائمة { $version }
menu-missing = لا توجد قائمة بعد: استورد قائمة أو زامِن مع الخادم المركزي.

## Register
search-placeholder = بحث: الاسم أو SKU أو الباركود
search-clear = مسح البحث
search-no-results = لا توجد نتائج لـ «{ $query }»
category-all = الكل
item-sold-out = نفدت الكمية
item-has-options = خيارات

## Cart
cart-title = الطلب الحالي
cart-empty = اضغط على صنف لبدء عملية بيع.
cart-items =
    { $count ->
        [zero] لا أصناف
        [one] صنف واحد
        [two] صنفان
        [few] { $count } أصناف
        [many] { $count } صنفًا
       *[other] { $count } صنف
    }
cart-qty-decrease = إنقاص الكمية
cart-qty-increase = زيادة الكمية
cart-edit = خيارات
cart-note = ملاحظة
cart-remove = إزالة
cart-clear = مسح الطلب
total-label = الإجمالي
vat-line = شامل ضريبة القيمة المضافة { $rate }: { $amount }
pay-cash = نقداً

## Options and note dialog
options-add = أضف إلى الطلب
options-save = حفظ
options-pick-one = اختر واحدًا
options-pick-range = اختر من { $min } إلى { $max }
options-pick-up-to = حتى { $max }
qty-label = الكمية
note-label = ملاحظة
note-placeholder = مثال: ثلج أقل
cancel = إلغاء
close = إغلاق

## Cash
cash-title = الدفع نقداً
cash-due = المستحق
cash-tendered = المدفوع
cash-change = الباقي
cash-short = ينقص { $amount }
cash-exact = المبلغ بالضبط
cash-clear = مسح
cash-backspace = حذف آخر رقم
cash-confirm = إتمام البيع

## Receipt preview
receipt-title = الإيصال
new-sale = بيع جديد

## Sales today
sales-title = مبيعات اليوم
sales-empty = لا توجد مبيعات اليوم بعد.
sales-summary = { $count ->
        [zero] لا مبيعات
        [one] عملية بيع واحدة
        [two] عمليتا بيع
        [few] { $count } عمليات بيع
        [many] { $count } عملية بيع
       *[other] { $count } عملية بيع
    }، { $amount }
sales-col-receipt = الإيصال
sales-col-time = الوقت
sales-col-total = الإجمالي
sales-col-status = الحالة
sale-status-closed = مكتملة
sale-status-voided = ملغاة
sale-status-void = إلغاء
sales-view = الإيصال
sales-void = إلغاء

## Void
void-title = إلغاء البيع { $receipt }
void-reason-label = السبب
void-reason-placeholder = مثال: طلب خاطئ
void-confirm = تأكيد الإلغاء
void-done = تم إلغاء البيع { $receipt }.

## Messages
sale-closed = تم إتمام البيع { $receipt }. الباقي: { $change }
error-title = حدث خطأ ما

## Hub sync
nav-hub = الخادم المركزي
sync-pending =
    { $count ->
        [zero] لا مبيعات بانتظار الإرسال منذ { $since }
        [one] عملية بيع واحدة بانتظار الإرسال منذ { $since }
        [two] عمليتا بيع بانتظار الإرسال منذ { $since }
        [few] { $count } عمليات بيع بانتظار الإرسال منذ { $since }
        [many] { $count } عملية بيع بانتظار الإرسال منذ { $since }
       *[other] { $count } عملية بيع بانتظار الإرسال منذ { $since }
    }
sync-all-sent = تم إرسال جميع المبيعات
sync-now = زامِن الآن
sync-progress-menu = جارٍ تحديث القائمة…
sync-progress-sales = جارٍ إرسال المبيعات: { $done } من { $total }
menu-updated = تم تحديث القائمة إلى الإصدار { $version }.
cart-line-removed = لم يعد في القائمة
cart-line-unavailable = نفدت الكمية الآن
hub-title = الاتصال بالخادم المركزي
hub-menu-title = مزامنة القائمة
hub-menu-counter = نقطة البيع هذه
hub-menu-hub = الخادم المركزي
hub-menu-version = الإصدار
hub-menu-hash = بصمة المحتوى
hub-in-sync = قائمة نقطة البيع مطابقة لقائمة الخادم المركزي.
hub-out-of-sync = قائمة نقطة البيع تختلف عن قائمة الخادم المركزي.
hub-diff-added = أُضيف في الخادم المركزي
hub-diff-changed = عُدِّل في الخادم المركزي
hub-diff-removed = حُذف من الخادم المركزي
hub-check = قارن مع الخادم المركزي
hub-outbox-title = مبيعات بانتظار الإرسال إلى الخادم المركزي
hub-last-error = آخر محاولة: { $message }
hub-rejected-title = مبيعات رفضها الخادم المركزي
hub-rejected-none = لا شيء.

## Card
pay-card = بطاقة
card-title = الدفع بالبطاقة
card-follow = اتبع التعليمات على جهاز الدفع.
card-amount = المبلغ بالبطاقة
card-approved = تمت الموافقة على البطاقة. أُغلقت عملية البيع { $receipt }.
card-remaining = تمت الموافقة على البطاقة. المتبقي: { $amount }
card-retry = أعد المحاولة

## What the card terminal shows
zvt-status-confirm-amount = أكّد المبلغ على الجهاز
zvt-status-enter-pin = أدخل رمز PIN
zvt-status-waiting-host = بانتظار البنك…
zvt-status-auto-reversal = إلغاء تلقائي
zvt-status-card-refused = البطاقة غير مقبولة
zvt-status-card-expired = البطاقة منتهية الصلاحية
zvt-status-insert-card = أدخل البطاقة أو المسها أو مرّرها
zvt-status-remove-card = اسحب البطاقة
zvt-status-card-unreadable = تعذّرت قراءة البطاقة
zvt-status-wait = يُرجى الانتظار…
zvt-status-wrong-pin = رمز PIN غير صحيح
zvt-status-pin-tries = تم تجاوز عدد محاولات PIN
zvt-status-approved = تمت الموافقة
zvt-status-declined = مرفوضة
zvt-status-other = الجهاز مشغول
viva-order-sent = أُرسل الطلب: اضغط F1 على الجهاز
audit-verified = سجل التدقيق سليم: { $count } قيداً.
