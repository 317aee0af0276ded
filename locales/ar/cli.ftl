# The command line (`quay …`): labels and lines printed for people. Values that scripts
# read (ids, keys, states, dates, amounts) are inserted as they are; `--json` is never
# translated. The English lines are what tests and scripts already parse: keep them.

## Asking who runs a command

cli-pin-prompt = الرقم السري:

## quay db check

cli-db-integrity = سلامة البيانات: { $result }
cli-db-schema = إصدار المخطط: { $version } (الأحدث { $latest })
cli-db-journal = السجل: { $mode }
cli-db-sales = المبيعات: { $sales }

## quay menu

cli-menu-imported = تم استيراد القائمة v{ $version }: الأصناف { $items }، الفئات { $categories }، البصمة { $hash }
cli-menu-up-to-date = القائمة v{ $version }: محدّثة
cli-menu-changed-full = القائمة v{ $from } → v{ $to }: الأصناف { $items } (القائمة كاملة)
cli-menu-changed = القائمة v{ $from } → v{ $to }: التغييرات { $items }
cli-menu-counter = نقطة البيع:
cli-menu-hub = الخادم:
cli-menu-in-sync = متزامنة: { $in_sync ->
    [true] نعم
   *[false] لا
}
cli-menu-added = مضاف
cli-menu-changed-item = معدّل
cli-menu-removed = محذوف

## quay sync

cli-sync-pending = بانتظار الإرسال: { $pending }
cli-sync-oldest = الأقدم: { $at }
cli-sync-last-error = آخر خطأ: { $error }
cli-sync-rejected = مرفوض
cli-sync-pushed = أُرسل { $sent }: محفوظ { $stored }، مكرر { $duplicates }، مرفوض { $rejected }؛ بالانتظار { $waiting }

## quay payments list, quay terminal

cli-pay-pan = رقم البطاقة { $pan }
cli-pay-tid = معرّف الجهاز { $tid }
cli-pay-trace = رقم التتبع { $trace }
cli-pay-auth = رمز الموافقة { $auth }
cli-pay-rrn = الرقم المرجعي { $rrn }
cli-pay-code = رمز النتيجة { $code }
cli-pay-order = الطلب { $order }
cli-pay-txn = المعاملة { $txn }
cli-terminal-last = آخر عملية: { $result }

## quay voucher check

cli-voucher-value = القيمة { $value }
cli-voucher-min = الحد الأدنى { $min }
cli-voucher-expires = ينتهي { $at }
cli-voucher-applies = يُطبَّق { $amount }

## quay dayend: rows and cells shared by totals, the terminal batch, reconciliation, close

cli-total = الإجمالي
cli-counter = نقطة البيع
cli-bank = البنك
cli-difference = الفرق
cli-counter-amount = نقطة البيع { $amount }
cli-terminal-amount = جهاز البطاقات { $amount }
cli-bank-amount = البنك { $amount }
cli-difference-amount = الفرق { $amount }

## quay dayend totals, close

cli-dayend-sales = المبيعات
cli-dayend-voids = الإلغاءات
cli-dayend-refunds = المبالغ المستردة
cli-dayend-declined = المرفوضة
cli-dayend-net = الصافي
cli-dayend-cash-expected = النقد المتوقع
cli-dayend-cash-counted = النقد المعدود
cli-dayend-tender = وسيلة الدفع { $tender }
cli-dayend-voucher = قسيمة { $partner }
cli-dayend-wallet = محفظة { $wallet }
cli-dayend-card = بطاقة { $brand }
cli-dayend-closed = مُغلق
cli-dayend-closed-by = بواسطة { $name }
cli-dayend-closed-at = في { $at }

## quay dayend terminal

cli-batch-agrees = متطابق { $agrees ->
    [true] نعم
   *[false] لا
}
cli-batch-counter = نقطة البيع { $count } { $amount }
cli-batch-terminal = جهاز البطاقات { $count } { $amount }

## quay dayend reconcile

cli-rec-file = الملف
cli-rec-lines = الأسطر { $lines }
cli-rec-new = الجديدة { $new }
cli-rec-already = مستورد سابقاً ليوم { $date }
cli-rec-total = الإجمالي { $currency }
cli-rec-fees = الرسوم { $amount }
cli-rec-next-batch = الدفعة التالية { $amount }
cli-alipay-syncs-waiting = طلبات تنتظر المزامنة مع Alipay: { $count }
cli-alipay-products-dry-run = سيُرسل { $sent }؛ دون تغيير { $unchanged }؛ لا يمكن نشره { $unpublishable }؛ مرفوض { $refused }
cli-alipay-products-sent = أُرسل { $sent }؛ دون تغيير { $unchanged }؛ لا يمكن نشره { $unpublishable }؛ مرفوض { $refused }
cli-alipay-synced = تمت مزامنة { $synced }؛ فشل { $failed }؛ بالانتظار { $waiting }
