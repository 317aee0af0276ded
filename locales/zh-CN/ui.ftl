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

## File picker (a translated button for the file input)
file-choose = 选择文件…
file-none = 未选择文件

## Receipt preview
receipt-title = 小票
new-sale = 新订单
receipt-print = 打印小票
receipt-reprint = 重新打印
receipt-printing = 正在打印…
receipt-printed = 小票 { $receipt } 已保存待打印：{ $path }

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
card-amount-hint = 留空则刷取全部应付金额（{ $amount }）。
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

## Staff and sign-in
nav-staff = 技术员
sign-out = 退出登录
staff-role =
    { $role ->
        [cashier] 收银员
        [manager] 经理
       *[technician] 技术员
    }
pin-backspace = 删除最后一位
pin-clear = 清除
signin-title = 登录
signin-hint = 请在数字键盘或键盘上输入您的 PIN。
signin-pin-label = PIN 码
signin-submit = 登录
signin-checking = 正在验证…
firstrun-banner = 初始设置：尚无员工——请添加第一位技术员。
firstrun-open = 添加第一位技术员
firstrun-explain = 在此之前，收银台无需登录即可使用。一旦有了技术员，所有人都需用 PIN 登录。
firstrun-done = 已添加技术员 { $name }。请用 PIN 登录。
staff-add-title = 添加员工
staff-add-open = 添加员工
staff-add-submit = 添加
staff-name-label = 姓名
staff-role-label = 角色
staff-pin-label = PIN 码
staff-pin2-label = 再次输入 PIN
staff-pin-hint = 仅限数字。只能由本人知道。
staff-pin-mismatch = 两次输入的 PIN 不一致。
staff-name-missing = 需要填写姓名。
staff-pin-missing = 需要填写 PIN。
staff-added = 已添加 { $name }。
staff-action =
    { $action ->
        [ring-sale] 收银开单
        [view-sales] 查看今日销售和小票
        [approve-void] 批准作废
        [approve-refund] 批准退款
        [close-day] 日结
        [reconcile] 对账
        [manual-bank-entry] 手动录入银行收款
        [settle-payment] 手动处理刷卡付款
        [open-drawer] 无销售时打开钱箱
        [configure-settings] 修改收银台设置
        [test-connection] 测试连接
        [manage-staff] 添加和管理员工
       *[other] { $action }
    }
tech-title = 技术员：{ $name }
tech-explain = 技术员负责设置收银台：员工、设置和连接。技术员不收银开单。
tech-may-title = 您在此可以做的事
approver-pin-label = 经理 PIN
void-approver-hint = 经理在此输入自己的 PIN 即可批准作废。

## Card payments not settled
open-payments-badge =
    { $count ->
       *[other] { $count } 笔刷卡付款未处理
    }
open-payments-title = 未处理的刷卡付款
open-payments-explain = 收银台不知道这些卡是否已扣款（因崩溃或应答丢失）。请先再次询问刷卡终端。切勿再次刷卡扣款。
open-payments-none = 没有等待处理的刷卡付款。
open-payments-resolve = 再次询问终端
open-payments-asking = 正在询问终端…
open-payments-still-unknown = 终端暂时无法答复。请重试，或手动处理。
open-payments-all-settled = 所有刷卡付款均已处理。
open-payments-some-settled =
    { $count ->
       *[other] 已处理 { $count } 笔刷卡付款。
    }
open-payment-state =
    { $state ->
        [pending] 尚未发送到终端
        [sent] 已发送到终端，无应答
        [paid_unused] 收银员停止等待后才付款：需退款
       *[unknown] 结果未知
    }
open-payment-terminal =
    { $terminal ->
        [zvt] ZVT 终端
        [viva] Viva 终端
        [momo] MoMo
        [zalopay] ZaloPay
        [vnpay] VNPAY-QR
       *[other] { $terminal }
    }
open-payment-settle = 手动处理
open-payment-refund = 退款
refund-unused-title = 向顾客退款 { $amount }
refund-unused-explain = 收银员停止等待后顾客才用电子钱包付款，而该笔销售已用其他方式付清。款项将通过同一钱包退回。
refund-unused-confirm = 退款
settle-title = 手动处理 { $amount }
settle-explain = 请查看终端及其最后一张签购单。这张卡扣款了吗？
settle-outcome = 结果
settle-charged = 已扣款
settle-not-charged = 未扣款
settle-reason-label = 原因
settle-reason-placeholder = 例如：签购单显示已批准
settle-confirm = 确认处理

## Vouchers (MoMo, GiftPop)
pay-voucher = 优惠券
voucher-title = 优惠券支付
voucher-partner-label = 合作方
voucher-partner =
    { $partner ->
        [momo] MoMo
        [giftpop] GiftPop
       *[other] { $partner }
    }
voucher-code-label = 优惠券码
voucher-code-placeholder = 扫描或输入券码
voucher-check = 查询
voucher-apply = 抵用
voucher-asking = 正在询问总部…
voucher-status =
    { $status ->
        [valid] 有效
        [used] 已使用
        [expired] 已过期
        [not_found] 未找到
        [wrong_store] 本店不可用
        [inactive] 未激活
       *[other] { $status }
    }
voucher-value = 面值
voucher-percent = 减 { $percent }
voucher-min-spend = 最低消费
voucher-expires = 到期时间
voucher-conditions = 使用条件
voucher-applies = 本单可抵
voucher-apply-hint = 再按一次 Enter 或点“抵用”即可抵用。
voucher-refused = 本单不可使用
voucher-applied = 优惠券已抵用。仍需支付：{ $due }
voucher-remove = 移除优惠券 { $code }
voucher-removed = 优惠券 { $code } 已移除。
voucher-covers = 优惠券已抵付全部金额。
voucher-close-sale = 完成结账
payment-card-paid = 已刷卡支付
payment-due = 仍需支付
backup-written = 加密备份已写入 { $file }。
backup-restored = 收银台已恢复到 { $dir }。

## Settings and connection tests (technician)
settings-title = 设置
settings-explain = 每组单独保存。只要有一个值被拒绝，该组的所有设置都不会保存：请改正后再保存。
settings-loading = 正在加载设置…
settings-reload = 重试
settings-save = 保存
settings-saving = 正在保存…
settings-reset = 撤销更改
settings-unsaved =
    { $count ->
       *[other] { $count } 项更改未保存
    }
setting-not-set = （未设置）
setting-secret-set = ••••••••（已设置）
setting-secret-keep = 留空则保留当前值。
setting-on = 开
setting-off = 关
setting-choice =
    { $choice ->
        [zvt] ZVT（线缆）
        [viva] Viva（云端）
       *[other] { $choice }
    }
connect-test = 测试连接
connect-testing = 正在测试…
connect-wait = 正在真实连接：可能需要几秒钟。
connect-unsaved = 测试使用已保存的设置：请先保存您的更改。
connect-step-ms = { $ms } 毫秒
connect-pdf-label = 可打印报告（PDF）：

## Day-end (managers). Section and column labels come from dayend.ftl (dayend-*).
nav-dayend = 日结
dayend-ui-title = 日结
dayend-ui-date = 营业日
dayend-ui-reload = 刷新
dayend-ui-loading = 正在加载…
dayend-ui-wait = 这可能需要几秒钟。
dayend-ui-tender =
    { $tender ->
        [cash] 现金
        [card] 银行卡
        [voucher] 优惠券
        [wallet] 电子钱包
       *[other] { $tender }
    }
dayend-ui-terminal-title = 终端批次
dayend-ui-terminal-explain = 终端结算当天的批次，收银台按卡组织与自己的刷卡记录逐一核对。
dayend-ui-terminal-run = 结算终端批次
dayend-ui-terminal-running = 正在终端上结算批次…
dayend-ui-terminal-agrees = 终端批次与收银台一致。
dayend-ui-batch-closed = 批次由 { $name } 于 { $at } 结算
dayend-ui-terminal-receipts = 小票 { $from }–{ $to }
dayend-ui-bank-preset = 文件格式
dayend-ui-preset =
    { $preset ->
        [generic] 通用 CSV
        [viva] Viva Wallet
       *[other] { $preset }
    }
dayend-ui-preset-new = 为新银行的文件建立映射…
dayend-ui-preset-saved = 映射“{ $name }”已保存。
dayend-ui-preset-title = 为新银行的文件建立映射
dayend-ui-preset-explain = 选择新银行的一个批次文件。Quay 会猜测每一列的内容：请逐项核对字段，在该文件上试用映射，然后以一个名称保存。
dayend-ui-preset-file = 银行的批次文件（CSV）
dayend-ui-preset-reading = 正在读取文件…
dayend-ui-preset-rows =
    { $count ->
       *[other] 文件共 { $count } 行
    }
dayend-ui-preset-delimiter = 列分隔符
dayend-ui-preset-delimiter-option =
    { $delimiter ->
        [comma] 逗号（,）
        [semicolon] 分号（;）
        [tab] 制表符
        [pipe] 竖线（|）
       *[other] { $delimiter }
    }
dayend-ui-preset-header = 第一行是列名
dayend-ui-preset-col-field = 字段
dayend-ui-preset-col-column = 文件中的列
dayend-ui-preset-field =
    { $field ->
        [transaction_id] 交易号
        [merchant_reference] 商户参考号
        [order_code] 订单号
        [merchant_id] 商户号（MID）
        [terminal_id] 终端号（TID）
        [date_time] 日期和时间
        [scheme] 卡组织
        [masked_pan] 卡号（已遮盖）
        [amount] 金额
        [currency] 币种
        [auth_code] 授权码
        [rrn] 检索参考号（RRN）
        [stan] 系统跟踪号（STAN）
        [kind] 交易类型
       *[other] { $field }
    }
dayend-ui-preset-required = 必填
dayend-ui-preset-not-in-file = — 此文件中没有 —
dayend-ui-preset-column = 第 { $number } 列
dayend-ui-preset-column-option = { $name } — { $examples }
dayend-ui-preset-no-currency = 没有币种列时，每一行都按本收银台的币种计。
dayend-ui-preset-no-kind = 没有交易类型列时，负数金额视为退款，其余视为消费。
dayend-ui-preset-amount = 金额的写法
dayend-ui-preset-amount-option =
    { $format ->
        [decimal-dot] 小数点为句点（12.50）
        [decimal-comma] 小数点为逗号（12,50）
        [minor] 以最小货币单位计、无小数点（12.50 写作 1250）
       *[other] { $format }
    }
dayend-ui-preset-date = 日期和时间的写法
dayend-ui-preset-date-option =
    { $format ->
        [iso8601] ISO 8601，带时差（2026-11-21T19:45:03+07:00）
       *[pattern] 自定义格式
    }
dayend-ui-preset-pattern = 格式
dayend-ui-preset-pattern-help = %d 日，%m 月，%Y 年，%H 时，%M 分，%S 秒；例如 %Y/%m/%d %H:%M
dayend-ui-preset-pattern-example = 此文件中：{ $example }
dayend-ui-preset-pattern-empty = 请填写日期和时间的格式。
dayend-ui-preset-offset = 与 UTC 的时差（±HH:MM）
dayend-ui-preset-offset-bad = 与 UTC 的时差请写成 +08:00 或 -03:30 的形式。
dayend-ui-preset-separator-clash = 列以逗号分隔的文件中，金额不能用逗号作小数点。
dayend-ui-preset-types = “{ $column }”各个值的含义
dayend-ui-preset-types-none = 此列在文件中为空。
dayend-ui-preset-type-unmapped = — 未指定含义 —
dayend-ui-preset-types-open =
    { $count ->
       *[other] 还有 { $count } 个值未指定含义：含这些值的行在导入时会被拒绝。
    }
dayend-ui-preset-types-more = 文件中的值比这里显示的更多。未指定含义的值在导入时会被拒绝，并注明行号和列名。
dayend-ui-preset-missing = 请为以下字段选择列：{ $fields }
dayend-ui-preset-name = 映射名称
dayend-ui-preset-name-placeholder = 例如银行的名称
dayend-ui-preset-name-exists = 已有名为“{ $name }”的映射：保存将替换它。
dayend-ui-preset-try = 在此文件上试用
dayend-ui-preset-trying = 正在用此映射读取文件…
dayend-ui-preset-preview-lines =
    { $count ->
       *[other] 此映射读取了 { $count } 行。
    }
dayend-ui-preset-preview-first = 前几行
dayend-ui-preset-preview-stale = 映射已更改：请重新试用。
dayend-ui-preset-col-line = 行
dayend-ui-preset-col-kind = 类型
dayend-ui-preset-col-auth = 授权码
dayend-ui-preset-save = 保存映射
dayend-ui-preset-saving = 正在保存映射…
dayend-ui-bank-file = 银行文件（CSV）
dayend-ui-bank-import = 导入并对账
dayend-ui-bank-importing = 正在读取银行文件…
dayend-ui-bank-read-error = 无法读取文件“{ $file }”。
dayend-ui-bank-imported =
    已导入 { $new ->
       *[other] { $new } 行新记录
    }，文件共 { $lines } 行。
dayend-ui-bank-already = 此文件已导入过：没有新内容。
dayend-ui-bank-import-row = { $file }（{ $preset }）：{ $lines } 行，新增 { $new } 行，由 { $name } 于 { $at } 导入
dayend-ui-bank-declined =
    { $count ->
       *[other] 已略过 { $count } 笔被拒绝的交易。
    }
dayend-ui-filter-all = 全部记录
dayend-ui-filter-open = 仅显示需核对的记录
dayend-ui-col-time = 时间
dayend-ui-col-matched = 匹配对象
dayend-ui-kind =
    { $kind ->
        [sale] 消费
        [refund] 退款
        [fee] 手续费
        [chargeback] 拒付
       *[other] { $kind }
    }
dayend-ui-rule =
    { $rule ->
        [reference] 按参考号
        [terminal_auth] 按终端和授权码
        [amount_window] 按金额和时间
        [manual] 手动
       *[other] { $rule }
    }
dayend-ui-candidates = 可能是：{ $list }
dayend-ui-note = 备注：{ $note }
dayend-ui-duplicate-of = 银行重复列出，与 { $item } 相同。只计一次：请告知银行。
dayend-ui-item-bank = 银行第 { $line } 行 · { $amount } · { $when }
dayend-ui-item-counter = 小票 { $receipt } · { $brand } · { $amount } · { $when }
dayend-ui-settle-link = 关联
dayend-ui-settle-next = 下一批次
dayend-ui-settle-enter = 手动录入
dayend-ui-settle-link-bank-title = 将此银行记录关联到收银台的一笔付款
dayend-ui-settle-link-counter-title = 将此收银台付款关联到一条银行记录
dayend-ui-settle-next-title = 此笔付款将在下一批次中
dayend-ui-settle-next-explain = 银行会在之后的批次中结算此笔付款，届时将再次核对。
dayend-ui-settle-enter-title = 手动录入此银行记录
dayend-ui-settle-enter-explain = 这笔交易是在 Quay 之外完成的。录入时会记录您的姓名和原因。
dayend-ui-settle-other = 关联到
dayend-ui-settle-other-none = 另一侧没有可关联的未结项目。
dayend-ui-settle-reason = 原因
dayend-ui-settle-reason-optional = 原因（可选）
dayend-ui-settle-reason-placeholder = 例如：终端上加了小费
dayend-ui-settle-done = 已保存。
dayend-ui-report-title = 日结报告
dayend-ui-report-run = 生成报告（PDF 和 CSV）
dayend-ui-report-running = 正在生成报告…
dayend-ui-report-pdf = PDF：
dayend-ui-report-csv = CSV（电子表格）：
dayend-ui-close-title = 日结
dayend-ui-close-explain = 清点钱箱中的现金并输入。每天只能日结一次：无法撤销。
dayend-ui-cash-placeholder = 金额
dayend-ui-close-reason = 差额原因
dayend-ui-close-reason-placeholder = 例如：找错零钱
dayend-ui-close-run = 日结…
dayend-ui-close-confirm-title = 确定日结 { $date }？
dayend-ui-close-confirm-text = 日结后无法撤销。
dayend-ui-close-confirm = 确认日结
dayend-ui-closed = { $date } 已日结。

## The date field: a day in the app language's order, month by name, and buttons for the
## day before, the day after and today.
date-field-previous = 前一天
date-field-next = 后一天
date-field-today = 今天
date-field-day = 日
date-field-month = 月
date-field-year = 年

## 经理对钱包付款的部分退款（在当日销售中）：顾客所付款项的一部分经原钱包退回，订单保持不变。
sales-refund-part = 部分退款（{ $wallet }）…
refund-part-title = { $wallet } 付款部分退款，小票 { $receipt }
refund-part-explain = 该金额将通过 { $wallet } 退还给顾客。订单保持不变：如需全部退款，请作废订单。
refund-part-paid = 已付
refund-part-left = 可退余额
refund-part-amount-label = 退款金额
refund-part-amount-placeholder = 金额
refund-part-amount-hint = 最多 { $left }。
refund-part-reason-label = 原因
refund-part-reason-placeholder = 例如：退回一道菜
refund-part-approver-hint = 经理在此输入自己的 PIN 即可批准退款。
refund-part-confirm = 退款
refund-part-confirm-amount = 退款 { $amount }
refund-part-refunding = 正在退款…
refund-part-state =
    { $state ->
        [approved] 退款已批准
        [declined] 退款被拒绝
        [unknown] 结果尚未确定
       *[other] 退款已发送
    }
refund-part-done = { $amount } 将通过 { $wallet } 退还给顾客。
