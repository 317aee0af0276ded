# 电子钱包付款（MoMo POS、ZaloPay、VNPAY-QR）：后台在各个界面显示的信息。

## 钱包付款进度
pay-wallet-code-is = { $wallet } 付款码
pay-wallet-status-sending = 正在将付款码发送至 { $wallet }…
pay-wallet-status-confirming = 顾客正在 { $wallet } 中确认…
pay-wallet-status-waiting = 正在等待顾客用 { $wallet } 扫码付款…
pay-wallet-status-closing = 时间已到：正在请 { $wallet } 确认订单已关闭…
pay-wallet-approved = 已收到 { $wallet } 付款。销售 { $receipt } 已完成。
pay-wallet-remaining = 已收到 { $wallet } 付款。仍需支付：{ $amount }
# 顾客在钱包应用中看到的订单说明和退款说明。
pay-wallet-order-info = 订单 { $sale } 付款
pay-wallet-refund-info = 订单 { $sale } 退款

## 钱包付款未成功的原因
err-wallet-gave-up = 已停止等待 { $wallet }。系统仍在跟踪该订单：如果顾客之后仍然付款，该笔销售将完成，或该付款会列入待退款。
err-wallet-declined = { $wallet } 拒绝了付款（错误码 { $code }）。
err-wallet-insufficient-funds = { $wallet }：顾客余额不足（错误码 { $code }）。
err-wallet-over-limit = { $wallet }：顾客已达付款限额（错误码 { $code }）。
err-wallet-customer-cancelled = { $wallet }：顾客取消了付款（错误码 { $code }）。
err-wallet-code-expired = { $wallet }：付款码已过期或已被使用；请顾客刷新付款码（错误码 { $code }）。
err-wallet-refused = { $wallet } 拒绝了请求；未产生任何扣款（错误码 { $code }）。
err-wallet-expired = { $wallet } 订单已过期，未付款。可以重试。
err-wallet-unknown = { $wallet } 尚未给出付款 { $key } 的最终结果。系统会在后台继续查询；请勿再次向顾客收款。
err-wallet-not-configured = { $wallet } 尚未设置：缺少 { $missing }。
err-wallet-config = { $wallet } 的设置无法使用：{ $error }
err-wallet-currency = 电子钱包只收越南盾；本收银台使用 { $currency }。
err-wallet-not-enabled = 本收银台未启用 { $wallet }。
err-wallet-code-required = 请先扫描顾客的 { $wallet } 付款码。
err-wallet-code-unknown = 这不是钱包付款码。未发送任何请求。
err-wallet-code-unsupported = 本收银台不接受 { $wallet } 付款码。未发送任何请求。
err-wallet-no-code-scan = { $wallet } 需由顾客扫描收银台的二维码付款，无需扫描顾客的付款码。
err-wallet-amount-limits = { $wallet } 每笔付款金额须在 { $min } 至 { $max } 之间；{ $amount } 超出范围。未发送任何请求。
err-wallet-nothing-running = 当前没有进行中的钱包付款。
err-wallet-not-unused = 付款 { $key } 不是待退款的钱包付款。
err-wallet-unknown-order = 钱包返回了本收银台不认识的订单。
err-wallet-refund-in-portal = 此钱包不为商户提供退款接口：请在钱包的商户后台为付款 { $key } 退款，然后在“未处理的付款”界面手动处理。
err-wallet-still-payable = 在二维码过期之前，付款 { $key } 仍可能在钱包中完成：请等待或再次询问钱包，然后再将其处理为未扣款。

## 设置项
setup-group-wallets = 电子钱包（MoMo、ZaloPay、VNPAY-QR）
setup-key-wallet-qr-deadline = 付款二维码有效时间（秒）
setup-key-wallet-poll = 向钱包查询的间隔（秒）
setup-key-wallet-momo-enabled = 接受 MoMo 付款
setup-key-wallet-momo-url = MoMo API 地址
setup-key-wallet-momo-partner-code = MoMo 合作方代码（Partner Code）
setup-key-wallet-momo-access-key = MoMo 访问密钥（Access Key）
setup-key-wallet-momo-secret-key = MoMo 密钥（Secret Key）
setup-key-wallet-momo-public-key = MoMo 公钥（RSA）
setup-key-wallet-momo-store-id = MoMo 门店 ID
setup-key-wallet-momo-listen = MoMo IPN：监听地址（地址:端口）
setup-key-wallet-momo-callback-url = MoMo IPN：公网地址
setup-key-wallet-zalopay-enabled = 接受 ZaloPay 付款
setup-key-wallet-zalopay-url = ZaloPay API 地址
setup-key-wallet-zalopay-app-id = ZaloPay 应用 ID（App ID）
setup-key-wallet-zalopay-key1 = ZaloPay Key1
setup-key-wallet-zalopay-key2 = ZaloPay Key2
setup-key-wallet-zalopay-listen = ZaloPay 回调：监听地址（地址:端口）
setup-key-wallet-zalopay-callback-url = ZaloPay 回调：公网地址
setup-key-wallet-vnpay-enabled = 接受 VNPAY-QR 付款
setup-key-wallet-vnpay-url = VNPAY-QR API 地址
setup-key-wallet-vnpay-merchant-code = VNPAY 商户代码
setup-key-wallet-vnpay-terminal-id = VNPAY 终端号（Terminal ID）
setup-key-wallet-vnpay-secret = VNPAY 密钥（Secret Key）
setup-key-wallet-vnpay-merchant-type = VNPAY 商户类别（MCC）
setup-key-wallet-vnpay-listen = VNPAY IPN：监听地址（地址:端口）

## 连接测试
setup-target-momo-pay = MoMo 付款
setup-target-zalopay = ZaloPay
setup-target-vnpay = VNPAY-QR
setup-step-wallet-settings = { $wallet } 设置完整
setup-step-wallet-keys = { $wallet } 已应答签名请求（密钥正确）
setup-ok-wallet-settings = { $wallet } 设置完整。
setup-ok-wallet-keys = { $wallet } 以商户密钥签名应答"无此订单"（代码 { $code }）。
setup-fail-wallet-keys = 钱包的应答无法证明密钥正确：{ $detail }
