# 收银台的银行虚拟 POS（issue 17）。

## 定义
err-vpos-field = { $field }：“{ $value }”无效。
err-vpos-url = { $field } 必须是完整的网址（https://…；仅测试模式可用 http://）：“{ $value }”。
err-vpos-name = “{ $name }”不能用作虚拟 POS 名称：请使用 1 到 { $max } 个字母、数字、- 或 _。
err-vpos-currency = 本收银台以 { $counter } 销售：{ $currency } 的虚拟 POS 无法收取其款项。
err-vpos-3d-unsupported = Quay 目前无法对 { $kind } 强制 3-D Secure：请选择“可选”。
err-vpos-gate-required = 3-D Secure 需要银行的 3-D 网关地址。
err-vpos-exists = 名为“{ $name }”的虚拟 POS 已存在。
err-vpos-field-missing = 缺少 { $field }。
err-vpos-open-payments = 通过“{ $name }”的一笔付款仍未结清（{ $key }）：请先向银行核实（询问银行）。
err-vpos-reference-open = { $reference } 的上一笔付款（{ $order }）尚无银行答复：Quay 已询问，在银行答复前不会再次扣款（询问银行）。
err-vpos-reference-paid = { $reference } 的上一笔付款（{ $order }）实际上已成功：已付款。未再次扣款。
err-vpos-rename-used = “{ $name }”已收过款：这些付款按此名称取消和核对，因此不能改名。请新增一个虚拟 POS。
err-vpos-kind-not-implemented = Quay 保存了 { $kind } 的设置，但暂时无法用它收款。
err-vpos-not-found = 没有名为“{ $name }”的虚拟 POS。
err-vpos-none = 尚未设置虚拟 POS。
err-vpos-secret-stdin = { $flag } 是机密信息：请写“-”并在输入的下一行键入，切勿写在命令行上。
err-vpos-stdin = 在读取 { $what } 之前输入已结束。
err-unknown-target = Quay 无法测试“{ $target }”。

## 收款
err-vpos-phone = “{ $phone }”不是电话号码（6 到 15 位数字，+ 只能在开头）。
err-vpos-no-sale = 收银台上没有待付款的销售。
err-vpos-reference = 请填写付款的参考（订单或定金），最多 { $max } 个字符。
err-vpos-3d-required = “{ $name }”要求 3-D Secure：请改为向顾客发送付款链接。
err-vpos-link-unsupported = “{ $name }”无法生成付款链接（没有 3-D 网关）。
err-vpos-no-return-url = 付款链接需要银行将顾客送回的地址：请设置 { $key }。
err-vpos-3d-failed = 顾客的银行未确认持卡人（3-D Secure 状态 { $md }）：{ $order } 未扣款。
err-vpos-unknown = 银行对 { $order } 的答复丢失。请勿再次收款：先询问银行（询问银行）。
err-vpos-given-up = 您已停止等待 { $order }。收银台仍在向银行查询：如果顾客最终付款，销售将完成，或该款项等待经理退款。
err-vpos-cancelled = 付款 { $order } 未完成：银行从未授权。
err-vpos-order-not-found = 没有订单号为 { $order } 的虚拟 POS 付款。
err-vpos-not-cancellable = 无法取消 { $order }（{ $state }）。
err-vpos-void-the-sale = { $order } 支付的是一笔销售：请作废该销售（款项按原路退回）。
err-vpos-amount-mismatch = 银行为 { $order } 批准了不同的金额：不视为已付款。请致电银行。
err-vpos-no-card = { $order } 未输入银行卡。
err-vpos-nothing-to-cancel = 银行对 { $order } 已没有可取消的内容。
err-vpos-partial-before-close = { $order } 只有在银行日结后才能部分退款（当日取消会退回全部款项）。
vpos-approved = 已批准（{ $code }），授权码 { $auth }。
vpos-link-waiting = 正在等待顾客在银行页面付款（截至 { $until }）。

## 日结
vpos-report-section = 虚拟 POS { $name }：按订单号核对银行清单
vpos-report-bank = 银行
err-vpos-no-report = “{ $name }”的银行没有报表接口：请导入银行当日导出的文件。
err-vpos-file-no-order = 银行文件第 { $line } 行没有订单号。
err-vpos-file-unreadable = 无法读取银行文件：{ $detail }
err-vpos-not-missing = { $order } 在收银台并不缺失。

## 连接测试
setup-key-vpos-return-url = 虚拟 POS：收银台用于付款链接的公开地址（银行返回 …/vpos/ok）
setup-key-vpos-callback-listen = 虚拟 POS：接收银行 3-D 结果的监听地址（host:port）
setup-key-vpos-timeout = 虚拟 POS：等待银行的秒数
setup-target-vpos = 虚拟 POS
setup-step-vpos-definition = 虚拟 POS { $name }：定义
setup-ok-vpos-definition = { $kind }（{ $mode }），地址 { $url }；告知银行的固定 IP：{ $ip }。
setup-step-vpos-check = 虚拟 POS { $name }：银行使用这些凭据应答
setup-ok-vpos-check = 银行在 { $ms } 毫秒内应答并接受了凭据。

## 命令行
vpos-saved = 已保存虚拟 POS“{ $name }”。
vpos-removed = 已删除虚拟 POS“{ $name }”（其付款仍保留在日志中）。
vpos-link-open = { $order } 的付款链接：{ $url }
vpos-nothing-open = 没有等待银行答复的虚拟 POS 付款。
vpos-kind-sale = 付款
vpos-kind-void = 撤销
vpos-kind-refund = 退款
vpos-state-pending = 待处理
vpos-state-sent = 已发送
vpos-state-approved = 已批准
vpos-state-declined = 已拒绝
vpos-state-unknown = 未知
vpos-state-cancelled = 未完成
vpos-source-report = 银行报表
vpos-source-file = 银行文件
vpos-source-none = 尚无银行清单
vpos-day-heading = { $name } — { $source }：{ $matched } 笔一致，{ $problems } 笔待查
vpos-day-totals = 收银台 { $counter } · 银行 { $bank } · 差额 { $difference }
vpos-status-matched = 一致
vpos-status-different-amount = 金额不同
vpos-status-missing-at-bank = 银行缺失
vpos-status-missing-at-counter = 收银台缺失
vpos-status-entered-by-hand = 手工录入
vpos-status-voided = 已撤销
vpos-status-refunded = 已退款
vpos-status-cancel-differs = 仅一方取消

## 顾客付款后浏览器返回的页面
vpos-page-ok = 谢谢。餐厅收银台正在向银行核实这笔付款：您可以关闭此页面。
vpos-page-fail = 付款未成功。您可以关闭此页面，并向餐厅索取新的链接。
