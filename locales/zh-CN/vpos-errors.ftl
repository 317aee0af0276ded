# 银行虚拟 POS（NestPay、Garanti、PosNet；crate quay-pay，module vpos）：与银行通信之前、
# 之中或之后出现的问题，以及银行自己的拒绝代码。每个 id 都是系统返回的 `code`；
# 每条 vpos-code-* 消息都带 $code。

## 与银行通信之前或之中
err-vpos-not-implemented = Quay 目前还不能通过 { $kind } 收款：只能保存其设置。
err-vpos-missing-field = 缺少 { $field }。请填写银行提供的值。
err-vpos-invalid-field = { $field } 无效。请与银行提供的信息核对（位数和长度）。
err-vpos-card-number = 卡号无效。请核对数字后重新输入。
err-vpos-expiry = 有效期须按卡面印刷写成 MM/YY。
err-vpos-card-expired = 此卡已于 { $expiry } 月底到期。请换一张卡。
err-vpos-cvv = 安全码必须是 { $digits } 位数字（在卡背面；American Express 在卡正面）。
err-vpos-amount = 银行不接受金额“{ $amount }”。请检查金额。
err-vpos-currency-mismatch = 此虚拟 POS 只收 { $expected }，不收 { $found }。请使用为 { $found } 设置的虚拟 POS。
err-vpos-order-id = “{ $order_id }”不能作为订单号发送给银行（1 到 64 个字母、数字、- 或 _）。
err-vpos-credentials = 银行拒绝了虚拟 POS 的登录信息。请向银行核对客户号、用户名和密码（Garanti 还有终端号）。
err-vpos-refused = 银行拒绝打开支付页面：{ $message }
err-vpos-bank = 银行拒绝：{ $reason }
err-vpos-timeout = 银行未及时回应（{ $detail }）。付款可能已经成功：在再次发送任何内容之前会先向银行核实。
err-vpos-transport = 无法连接银行（{ $detail }）。请检查网络连接；如果正在发送付款，会在重新发送之前先向银行核实。
err-vpos-http = 银行返回 HTTP 错误 { $status }。若为 500 及以上，付款会在重新发送之前先向银行核实；否则请检查虚拟 POS 的地址。
err-vpos-decode = 无法读取银行的回复（{ $detail }）。在再次发送任何内容之前会先向银行核实付款。
err-vpos-bad-signature = 收到一条签名错误的付款结果，已忽略。将直接向银行核实付款。

## 银行的代码
vpos-code-approved = 已批准（{ $code }）。
vpos-code-bad-card = 银行拒绝了卡片信息：请核对卡号和有效期（{ $code }）。
vpos-code-void-too-late = 已来不及撤销：银行当日已结算，改为退款（{ $code }）。
vpos-code-refund-too-early = 还不能退款：银行当日尚未结算，改为撤销（{ $code }）。
vpos-code-instalments = 银行不允许此卡或此币种分期付款（{ $code }）。
vpos-code-duplicate-order = 银行已批准过使用此订单号的付款：将核实该付款，而不是再次付款（{ $code }）。
vpos-code-credentials = 银行拒绝了虚拟 POS 的登录信息（{ $code }）。
vpos-code-invalid-total = 银行拒绝了金额的格式（{ $code }）。
vpos-code-invalid-xml = 银行无法读取请求（{ $code }）。请联系技术支持。
vpos-code-not-found = 银行没有使用此订单号的付款（{ $code }）。
vpos-code-refund-too-much = 退款金额超过了该付款的剩余金额（{ $code }）。
vpos-code-3d-failed = 发卡银行未确认持卡人身份（3-D Secure）：未扣任何款项（{ $code }）。
