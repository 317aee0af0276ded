# Errors shown to people. Each id is a `code` the backend returns.

err-unknown-currency = 未知货币 { $code }。
err-currency-mismatch = 金额币种为 { $found }，但本收银台使用 { $expected }。
err-amount-too-large = 金额过大。
err-bad-amount = “{ $text }”不是有效金额。
err-too-many-decimals = “{ $text }”小数位过多：{ $currency } 最多允许 { $digits } 位。
err-bad-quantity = 数量必须在 1 到 { $max } 之间（当前为 { $qty }）。
err-unknown-item = 商品 { $id } 不在菜单中。
err-item-unavailable = { $name } 已售罄。
err-option-not-for-item = 选项 { $option } 不适用于 { $item }。
err-duplicate-option = 选项 { $option } 被重复选择。
err-option-count = { $rule ->
        [exact] 请为“{ $group }”选择 { $max } 项（已选 { $count } 项）。
        [at-most] 请为“{ $group }”最多选择 { $max } 项（已选 { $count } 项）。
       *[range] 请为“{ $group }”选择 { $min } 至 { $max } 项（已选 { $count } 项）。
    }
err-note-too-long = 备注过长（最多 { $max } 个字符）。
err-unknown-line = 该行已不在订单中。
err-empty-cart = 订单为空。
err-cash-too-low = 实收现金 { $tendered } 少于应收金额 { $due }。
err-tenders-do-not-add-up = 付款合计 { $paid }，但订单总额为 { $total }。
err-already-voided = 订单 { $id } 已作废。
err-void-of-void = 作废单不能再作废。
err-void-reason = 请填写作废原因。
err-no-such-sale = 不存在订单 { $id }。
err-store = 收银台数据库出错：{ $detail }
err-store-corrupt = 收银台数据库中的数据不一致：{ $detail }
err-menu-json = 菜单文件无效：{ $detail }
err-menu-currency = 菜单以 { $found } 定价，但本收银台使用 { $expected }。
err-menu-duplicate-id = 菜单中 { $kind }“{ $id }”重复出现。
err-menu-unknown-category = 商品 { $item } 属于分类 { $category }，但该分类不在菜单中。
err-menu-unknown-group = 商品 { $item } 使用选项组 { $group }，但该选项组不在菜单中。
err-menu-negative-price = { $kind } { $id } 的价格为负数。
err-menu-bad-min-max = 选项组 { $group } 要求从其 { $count } 个选项中选择 { $min } 至 { $max } 个。
err-menu-bad-tax-rate = 商品 { $item } 的增值税税率为 { $rate } 个基点，超出 0 到 10000 的范围。
err-menu-empty-name = 某个 { $kind } 的 ID 或名称为空（{ $id }）。
err-no-menu = 尚无菜单，请先导入。
err-io = 无法读写 { $path }：{ $detail }
err-bad-date = “{ $text }”不是日期（YYYY-MM-DD）。
err-bad-ring = “{ $text }”不是可录入的商品（ITEM_ID[*QTY][+OPTION_ID...]）。
err-bad-pay = “{ $text }”不是有效的付款（cash[:AMOUNT]）。
err-bad-locale = 未知语言 { $tag }。
err-internal = 意外错误：{ $detail }
err-background-busy = 此收银台的后台工作（与总部同步、Viva webhook）正由{ $what ->
    [window] Quay 窗口
    [sync-run] “quay sync run”
   *[other] 另一个进程
}执行（pid { $pid }）。
background-waiting = 正在等待其停止…
err-config-key = { $key } 不是此命令可以更改的设置。可用设置：{ $keys }。
err-config-value = “{ $value }” 不是 { $key } 的有效值。
err-hub-not-configured = 尚未设置总部连接（缺少：{ $missing }）。
err-hub-network = 无法连接总部：{ $detail }
err-hub-signature = 已忽略一条未经本收银台总部签名的响应。
err-hub-refused = 总部拒绝了请求（{ $status } { $code }）：{ $message }
err-hub-bad-answer = 无法识别总部的响应：{ $detail }
err-menu-version-gap = 总部的变更（{ $from } → { $to }）不适用于本收银台的菜单版本 { $have }。
err-menu-unknown-delete = 总部的变更要删除 { $kind } { $id }，但它不在本菜单中。
err-payment-transition = 付款 { $key } 不能从 { $from } 变为 { $to }。
err-payment-unresolved = 销售 { $sale } 有一笔结果尚未确认的刷卡付款：请先处理该付款。
## 银行卡被拒：原因说明，以及银行、终端或 Viva 给出的原始代码
## （$code："51"、"Viva 10051"、"ZVT 6E"）；银行会询问此代码。
decline-refer-to-issuer = 交易被拒：发卡银行要求致电联系（{ $code }）。
decline-invalid-merchant = 交易被拒：发卡银行不接受本商户；请联系支付服务商（{ $code }）。
decline-pick-up = 交易被拒：发卡银行要求扣留此卡（{ $code }）。
decline-do-not-honour = 发卡银行拒绝了此交易（{ $code }）。
decline-invalid-transaction = 交易被拒：无效交易（{ $code }）。
decline-invalid-amount = 交易被拒：金额无效（{ $code }）。
decline-invalid-card = 交易被拒：卡号无效（{ $code }）。
decline-lost-stolen = 此卡已挂失或被盗：请扣留此卡（{ $code }）。
decline-insufficient-funds = 交易被拒：余额不足（{ $code }）。
decline-expired-card = 交易被拒：卡已过期（{ $code }）。
decline-wrong-pin = 交易被拒：密码错误（{ $code }）。
decline-pin-tries-exceeded = 交易被拒：密码错误次数过多（{ $code }）。
decline-not-permitted = 交易被拒：此卡不允许该交易（{ $code }）。
decline-over-limit = 交易被拒：超出卡片限额（{ $code }）。
decline-try-again = 暂时被拒：发卡银行要求重试（{ $code }）。
decline-fraud-suspected = 交易被拒：发卡银行怀疑存在欺诈（{ $code }）。
decline-terminal-not-permitted = 交易被拒：本店终端不允许此交易，请联系银行（{ $code }）。
decline-bad-cvv = 交易被拒：安全码（CVV）错误（{ $code }）。
decline-sca-required = 交易被拒：发卡银行要求输入密码；请插卡后重新付款（{ $code }）。
decline-issuer-unavailable = 无法联系发卡银行：请重试或改用其他付款方式（{ $code }）。
decline-duplicate = 交易被拒：重复提交（{ $code }）。
decline-system-error = 交易被拒：银行系统错误（{ $code }）。
decline-viva-policy = 交易被拒：不符合 Viva 对此账户的支付规则（{ $code }）。
decline-code = 银行拒绝了此交易（{ $code }）。
decline-terminal-code = 终端拒绝了此付款（{ $code }）。
decline-no-code = 交易被拒：未提供原因代码。
decline-code-and-bank = { $code }，银行代码 { $bank }
decline-two-reasons = { $first }发卡银行称：{ $second }
err-card-amount = 无法刷卡支付 { $amount }：应付金额为 { $due }。
err-card-unknown = 终端对付款 { $key } 的结果未知。请勿重复扣款：系统将向终端查询。
err-card-cancelled = 刷卡付款已取消。
err-terminal-not-configured = 刷卡终端尚未设置（缺少：{ $missing }）。
err-terminal-port = 无法打开刷卡终端的端口 { $port }：{ $detail }
err-terminal-registration = 刷卡终端拒绝了收银台的注册（代码 { $code }）：请在设置中检查 ZVT 密码和配置字节。
err-terminal-unanswered = 端口 { $port } 上的刷卡终端未应答注册：{ $detail }
err-reason-required = 请填写原因。
err-payment-not-found = 没有银行卡付款 { $key }。
err-payment-final = 银行卡付款 { $key } 已经结清（{ $state }）。
zvt-error-card-unreadable = 无法读取银行卡：请重试（{ $code }）。
zvt-error-card-data-missing = 银行卡数据缺失：请重试或换一张卡（{ $code }）。
zvt-error-processing = 终端无法处理该银行卡（{ $code }）。
zvt-error-turnover-full = 终端存储已满：请先在终端上日结（{ $code }）。
zvt-error-aborted = 已在终端上取消（{ $code }）。
zvt-error-not-registered = 终端拒绝为本收银台工作：尚未登记，重新登记也未成功。请在设置中检查终端密码（{ $code }）。
zvt-error-card-blocked = 该银行卡已被冻结（{ $code }）。
zvt-error-wrong-currency = 终端不接受此币种（{ $code }）。
zvt-error-end-of-day-impossible = 终端现在无法日结（{ $code }）。
zvt-error-card-expired = 银行卡已过期（{ $code }）。
zvt-error-card-not-yet-valid = 银行卡尚未生效（{ $code }）。
zvt-error-card-unknown = 终端无法识别此银行卡（{ $code }）。
zvt-error-communication = 终端无法连接银行（{ $code }）。
zvt-error-not-possible = 终端现在无法执行此操作（{ $code }）。
zvt-error-protocol = 终端无法理解收银台的指令：协议错误（{ $code }）。
zvt-error-busy = 终端忙：请稍候再试（{ $code }）。
zvt-error-system = 终端报告系统错误（{ $code }）。
err-auth-pin-format = PIN 为 { $min } 到 { $max } 位数字。
err-auth-wrong-pin = PIN 错误。
err-auth-locked = PIN 错误次数过多。请 { $minutes } 分钟后再试。
err-auth-not-allowed = { $role ->
    [cashier] 收银员
    [manager] 经理
   *[technician] 技术员
}无权执行此操作（{ staff-action }）。
err-auth-pin-in-use = 此 PIN 已被使用，请另选一个。
err-auth-bad-name = 需要 1 到 { $max } 个字符的姓名。
err-auth-session-expired = { $minutes } 分钟无操作，已自动退出。
err-auth-no-such-staff = 没有员工 { $id }。
err-auth-last-technician = 不能停用最后一名在职技术员。
err-audit-broken = 审计日志在第 { $seq } 条处损坏（{ $reason }）。
err-auth-pin-required = 此操作需要 PIN（{ staff-action }）。
err-auth-signed-out = 请先用 PIN 登录。
err-auth-first-technician = 收银台的第一位员工必须是技术员。
err-voucher-used = 优惠券 { $code } 已被使用。
err-voucher-expired = 优惠券 { $code } 已过期。
err-voucher-not-found = 该合作方没有优惠券 { $code }。
err-voucher-wrong-store = 优惠券 { $code } 不适用于本店。
err-voucher-inactive = 优惠券 { $code } 尚未激活或已停用。
err-voucher-min-spend = 优惠券 { $code } 需消费满 { $min }。
err-voucher-currency = 优惠券 { $code } 的币种是 { $voucher }，本单币种是 { $sale }。
err-voucher-nothing-due = 本单已无待付金额。
err-voucher-no-value = 优惠券 { $code } 对本单没有价值。
err-voucher-bad-code = “{ $code }”不是优惠券码。
err-voucher-unavailable = { $partner ->
    [momo] MoMo
   *[giftpop] GiftPop
} 没有响应。请稍后再试，或改用其他付款方式。
err-voucher-offline = 当前离线：无法验证优惠券。请改用其他付款方式。
err-voucher-conflict = 优惠券 { $code } 刚在别处被兑换，或兑换信息不符。请重新检查优惠券。
err-voucher-twice = 优惠券 { $code } 已在本单中。
err-pay-short = 仍需支付 { $due }：请添加其他付款方式。
err-backup-passphrase = 备份口令至少需要 { $min } 个字符。
err-backup-unreadable = 这不是 Quay 备份、文件已损坏，或口令错误。
err-backup-target = { $dir } 中已有收银台数据：请恢复到空目录。
err-backup-io = 无法写入或读取备份：{ $detail }
