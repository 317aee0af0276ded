# The command line (`quay …`): labels and lines printed for people. Values that scripts
# read (ids, keys, states, dates, amounts) are inserted as they are; `--json` is never
# translated. The English lines are what tests and scripts already parse: keep them.

## Asking who runs a command

cli-pin-prompt = PIN 码：

## quay db check

cli-db-integrity = 数据完整性：{ $result }
cli-db-schema = 数据库结构版本：{ $version }（最新 { $latest }）
cli-db-journal = 日志模式：{ $mode }
cli-db-sales = 销售单：{ $sales }

## quay menu

cli-menu-imported = 已导入菜单 v{ $version }：{ $items } 个菜品，{ $categories } 个分类，内容指纹 { $hash }
cli-menu-up-to-date = 菜单 v{ $version }：已是最新
cli-menu-changed-full = 菜单 v{ $from } → v{ $to }：{ $items } 个菜品（完整菜单）
cli-menu-changed = 菜单 v{ $from } → v{ $to }：{ $items } 处变更
cli-menu-counter = 本收银台：
cli-menu-hub = 服务器：
cli-menu-in-sync = 已同步：{ $in_sync ->
    [true] 是
   *[false] 否
}
cli-menu-added = 新增
cli-menu-changed-item = 已更改
cli-menu-removed = 已删除

## quay sync

cli-sync-pending = 待发送：{ $pending }
cli-sync-oldest = 最早：{ $at }
cli-sync-last-error = 最近错误：{ $error }
cli-sync-rejected = 被拒绝
cli-sync-pushed = 已发送 { $sent }：已保存 { $stored }，重复 { $duplicates }，被拒绝 { $rejected }；待发送 { $waiting }

## quay payments list, quay terminal

cli-pay-pan = 卡号 { $pan }
cli-pay-tid = 终端号 { $tid }
cli-pay-trace = 流水号 { $trace }
cli-pay-auth = 授权码 { $auth }
cli-pay-rrn = 参考号 { $rrn }
cli-pay-code = 结果码 { $code }
cli-pay-order = 订单 { $order }
cli-pay-txn = 交易 { $txn }
cli-terminal-last = 最近一笔交易：{ $result }

## quay voucher check

cli-voucher-value = 面值 { $value }
cli-voucher-min = 最低消费 { $min }
cli-voucher-expires = 到期 { $at }
cli-voucher-applies = 可抵扣 { $amount }

## quay dayend: rows and cells shared by totals, the terminal batch, reconciliation, close

cli-total = 合计
cli-counter = 收银台
cli-bank = 银行
cli-difference = 差额
cli-counter-amount = 收银台 { $amount }
cli-terminal-amount = 刷卡机 { $amount }
cli-bank-amount = 银行 { $amount }
cli-difference-amount = 差额 { $amount }

## quay dayend totals, close

cli-dayend-sales = 销售
cli-dayend-voids = 作废
cli-dayend-refunds = 退款
cli-dayend-declined = 被拒
cli-dayend-net = 净额
cli-dayend-cash-expected = 应有现金
cli-dayend-cash-counted = 清点现金
cli-dayend-tender = 支付方式 { $tender }
cli-dayend-voucher = 代金券 { $partner }
cli-dayend-wallet = 电子钱包 { $wallet }
cli-dayend-card = 银行卡 { $brand }
cli-dayend-closed = 已结账
cli-dayend-closed-by = 操作人 { $name }
cli-dayend-closed-at = 时间 { $at }

## quay dayend terminal

cli-batch-agrees = 一致 { $agrees ->
    [true] 是
   *[false] 否
}
cli-batch-counter = 收银台 { $count } { $amount }
cli-batch-terminal = 刷卡机 { $count } { $amount }

## quay dayend reconcile

cli-rec-file = 文件
cli-rec-lines = { $lines } 行
cli-rec-new = 新增 { $new }
cli-rec-already = 此前已为 { $date } 导入
cli-rec-total = 合计 { $currency }
cli-rec-fees = 手续费 { $amount }
cli-rec-next-batch = 下一批 { $amount }
cli-alipay-syncs-waiting = 等待同步到支付宝的订单：{ $count }
cli-alipay-products-dry-run = 将发送 { $sent }；未变 { $unchanged }；无法发布 { $unpublishable }；被拒 { $refused }
cli-alipay-products-sent = 已发送 { $sent }；未变 { $unchanged }；无法发布 { $unpublishable }；被拒 { $refused }
cli-alipay-synced = 已同步 { $synced }；失败 { $failed }；等待中 { $waiting }
