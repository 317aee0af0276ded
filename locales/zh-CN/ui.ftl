# The counter's screens. Money and dates arrive already formatted for the locale.

app-title = Quay
nav-register = 收银
nav-sales = 今日销售
locale-label = 语言
menu-version = 菜单 v{ $version }
menu-missing = 尚无菜单：请导入菜单或与总部同步。

## Register
search-placeholder = 搜索：名称、SKU 或条码
search-clear = 清除搜索
search-no-results = 没有与“{ $query }”匹配的结果
category-all = 全部
item-sold-out = 已售罄
item-has-options = 选项

## Cart
cart-title = 当前订单
cart-empty = 点击商品开始新订单。
cart-items =
    { $count ->
       *[other] { $count } 件商品
    }
cart-qty-decrease = 减少数量
cart-qty-increase = 增加数量
cart-edit = 选项
cart-note = 备注
cart-remove = 删除
cart-clear = 清空订单
total-label = 合计
vat-line = 含增值税 { $rate }：{ $amount }
pay-cash = 现金

## Options and note dialog
options-add = 加入订单
options-save = 保存
options-pick-one = 选择一项
options-pick-range = 选择 { $min } 至 { $max } 项
options-pick-up-to = 最多 { $max } 项
qty-label = 数量
note-label = 备注
note-placeholder = 例如：少冰
cancel = 取消
close = 关闭

## Cash
cash-title = 现金支付
cash-due = 应收
cash-tendered = 实收
cash-change = 找零
cash-short = 还差 { $amount }
cash-exact = 金额刚好
cash-clear = 清除
cash-backspace = 删除最后一位
cash-confirm = 完成结账

## Receipt preview
receipt-title = 小票
new-sale = 新订单

## Sales today
sales-title = 今日销售
sales-empty = 今天还没有销售记录。
sales-summary = { $count ->
       *[other] { $count } 笔销售
    }，{ $amount }
sales-col-receipt = 小票号
sales-col-time = 时间
sales-col-total = 合计
sales-col-status = 状态
sale-status-closed = 已完成
sale-status-voided = 已作废
sale-status-void = 作废单
sales-view = 小票
sales-void = 作废

## Void
void-title = 作废订单 { $receipt }
void-reason-label = 原因
void-reason-placeholder = 例如：点错单
void-confirm = 作废订单
void-done = 订单 { $receipt } 已作废。

## Messages
sale-closed = 订单 { $receipt } 已完成。找零：{ $change }
error-title = 出错了

## Hub sync
nav-hub = 总部
sync-pending =
    { $count ->
       *[other] 自 { $since } 起有 { $count } 笔销售待发送
    }
sync-all-sent = 所有销售均已发送
sync-now = 立即同步
sync-progress-menu = 正在更新菜单…
sync-progress-sales = 正在发送销售：{ $done } / { $total }
menu-updated = 菜单已更新至版本 { $version }。
cart-line-removed = 已不在菜单中
cart-line-unavailable = 现已售罄
hub-title = 总部连接
hub-menu-title = 菜单同步
hub-menu-counter = 本收银台
hub-menu-hub = 总部
hub-menu-version = 版本
hub-menu-hash = 内容哈希
hub-in-sync = 本收银台的菜单与总部一致。
hub-out-of-sync = 本收银台的菜单与总部不一致。
hub-diff-added = 总部新增
hub-diff-changed = 总部修改
hub-diff-removed = 总部删除
hub-check = 与总部比对
hub-outbox-title = 待发送至总部的销售
hub-last-error = 上次尝试：{ $message }
hub-rejected-title = 被总部拒收的销售
hub-rejected-none = 无。

## Card
pay-card = 刷卡
card-title = 刷卡付款
card-follow = 请按照终端上的提示操作。
card-amount = 刷卡金额
card-approved = 刷卡成功。销售 { $receipt } 已完成。
card-remaining = 刷卡成功。仍需支付：{ $amount }
card-retry = 重试

## What the card terminal shows
zvt-status-confirm-amount = 请在终端上确认金额
zvt-status-enter-pin = 请输入密码
zvt-status-waiting-host = 正在等待银行…
zvt-status-auto-reversal = 自动冲正
zvt-status-card-refused = 不接受此卡
zvt-status-card-expired = 卡已过期
zvt-status-insert-card = 请插卡、挥卡或刷卡
zvt-status-remove-card = 请取出卡片
zvt-status-card-unreadable = 无法读取卡片
zvt-status-wait = 请稍候…
zvt-status-wrong-pin = 密码错误
zvt-status-pin-tries = 密码尝试次数已超限
zvt-status-approved = 已批准
zvt-status-declined = 已拒绝
zvt-status-other = 终端忙
viva-order-sent = 订单已发送：请在终端上按 F1
audit-verified = 审计日志完好：共 { $count } 条。
