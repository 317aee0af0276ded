# 技术人员设置：参数、连接测试和连接报告。

## 设置分组

setup-group-store = 门店
setup-group-hub = 总部
setup-group-momo = MoMo 优惠券
setup-group-giftpop = GiftPop 优惠券
setup-group-terminal = 刷卡终端

## 设置项

setup-key-store-name = 门店名称
setup-key-store-address = 地址
setup-key-store-contact-name = 联系人
setup-key-store-contact-phone = 联系电话
setup-key-counter-currency = 币种
setup-key-store-vat-rates = 增值税税率（%，以逗号分隔）
setup-key-counter-locale = 默认语言
setup-key-counter-id = 收银台编号
setup-key-counter-cashier = 无人登录时的收银员名称
setup-key-hub-url = 总部地址（URL）
setup-key-hub-pos-parent = 上级编号（Pos Parent）
setup-key-hub-pos-id = 门店编号（Pos ID）
setup-key-hub-key1 = 请求签名密钥（Key1）
setup-key-hub-key2 = 应答验证密钥（Key2）
setup-key-hub-menu-interval = 菜单检查间隔（秒）
setup-key-momo-enabled = 接受 MoMo 优惠券
setup-key-momo-point-code = MoMo 门店编码
setup-key-giftpop-enabled = 接受 GiftPop 优惠券
setup-key-giftpop-point-code = GiftPop 门店编码
setup-key-terminal-kind = 终端类型
setup-key-zvt-port = ZVT 串口
setup-key-zvt-baud = ZVT 波特率
setup-key-zvt-password = ZVT 密码
setup-key-viva-url = Viva API 地址
setup-key-viva-merchant-id = Viva 商户 ID
setup-key-viva-api-key = Viva API 密钥
setup-key-viva-source-code = Viva 来源代码（终端序列号）
setup-key-viva-wait = 在终端等待顾客的时间（秒）
setup-key-viva-webhook-listen = Viva webhook 地址（host:port）
setup-key-viva-webhook-token = Viva webhook 令牌
setup-key-viva-webhook-key = Viva webhook 验证密钥

## 被拒绝的值

err-setting-too-long = { $key } 太长：最多 { $max } 个字符。
err-setting-bool = { $key } 只能是“true”或“false”，不能是“{ $value }”。
err-setting-phone = “{ $value }” 不是 { $key } 的有效电话号码：请使用数字、空格和 + ( ) - .（6 到 15 位数字）。
err-setting-vat-rates = “{ $value }” 不是 { $key } 的有效税率列表：请填写以逗号分隔的百分比，例如 6,13（每项 0 到 100，最多两位小数，不得重复）。
err-setting-zvt-password = { $key } 是终端密码：六位数字。
err-setting-secret-short = { $key } 太短：至少 { $min } 个字符。
err-setting-rsa-key = { $key }：请按合作方后台显示的原样粘贴密钥，可以是 PEM 格式（-----BEGIN … KEY----- … -----END … KEY-----），也可以是一行 base64。
err-connect-failed = { $target } 的连接测试在“{ $step }”一步失败。

## 连接测试

setup-target-hub = 总部
setup-target-momo = MoMo
setup-target-giftpop = GiftPop
setup-target-terminal = 刷卡终端

setup-step-hub-config = 总部设置完整
setup-step-hub-ping = 向总部发送签名的 ping（Key1），并验证应答（Key2）
setup-step-hub-identity = 总部识别此门店
setup-step-hub-clock = 收银台时钟与总部时钟对比
setup-step-partner-config = 已启用 { $partner } 并设置门店编码
setup-step-partner-listed = 总部显示 { $partner } 已连接
setup-step-partner-round-trip = 经由总部与 { $partner } 往返通信
setup-step-terminal-config = 终端设置完整
setup-step-zvt-port = 终端端口可以打开
setup-step-zvt-status = 终端应答状态查询
setup-step-viva-credentials = Viva 接受商户 ID 和 API 密钥
setup-step-viva-source = 已设置终端来源代码

setup-step-passed = 通过
setup-step-failed = 失败

setup-ok-hub-config = { $url }，上级编号 { $pos_parent }，门店编号 { $pos_id }
setup-ok-hub-ping = { $ms } 毫秒内应答
setup-ok-hub-identity = “{ $point_name }”（{ $pos_parent } / { $pos_id }）
setup-fail-hub-identity = 总部应答的是 { $pos_parent } / { $pos_id }（“{ $point_name }”），不是此门店：请检查上级编号（Pos Parent）和门店编号（Pos ID）。
setup-ok-hub-clock = 相差 { $skew } 秒（最多 { $max } 秒）
setup-fail-hub-clock = 收银台时钟与总部相差 { $skew } 秒（超过 { $max } 秒）：请校准时间。
setup-fail-hub-key1 = 总部拒绝了此门店的签名（{ $code }）：请检查上级编号（Pos Parent）、门店编号（Pos ID）和请求签名密钥（Key1）。
setup-fail-hub-key2 = 应答未使用此门店的 Key2 签名：请检查应答验证密钥（Key2）。
setup-ok-partner-config = 门店编码 { $point_code }
setup-fail-partner-disabled = 此收银台未启用 { $partner } 优惠券。
setup-fail-partner-no-point-code = 未设置 { $partner } 门店编码。
setup-ok-partner-listed = { $partner }：{ $status }
setup-fail-partner-pending = { $partner } 尚未批准此门店（{ $status }）：请合作方在其管理后台批准。
setup-fail-partner-disabled-at-hub = 总部已为此门店停用 { $partner }。
setup-fail-partner-not-listed = 总部没有为此门店列出 { $partner }。
setup-ok-partner-round-trip = { $partner } 在 { $ms } 毫秒内对测试码 { $code } 应答“{ $status }”
setup-fail-partner-down = { $partner } 未应答总部（503 unavailable）。
setup-ok-terminal-zvt = ZVT，端口 { $port }，{ $baud } 波特
setup-ok-terminal-viva = Viva，地址 { $url }
setup-ok-zvt-port = 已打开 { $port }
setup-ok-zvt-status = 终端 { $terminal_id } 在 { $ms } 毫秒内应答；最近一笔交易：{ $state }
setup-fail-zvt-status = 终端未应答：{ $detail }
setup-ok-viva-credentials = { $ms } 毫秒内通过；今日交易 { $count } 笔
setup-fail-viva-credentials = Viva 拒绝了商户 ID 或 API 密钥。
setup-fail-viva = Viva：{ $detail }
setup-ok-viva-source = 来源 { $source }

## 连接报告

setup-report-title = 连接报告：{ $target }
setup-report-store = 门店
setup-report-address = 地址
setup-report-contact = 联系人
setup-report-phone = 联系电话
setup-report-pos-parent = 上级编号（Pos Parent）
setup-report-pos-id = 门店编号（Pos ID）
setup-report-counter = 收银台
setup-report-point-name = 总部登记名称
setup-report-partner = 合作方
setup-report-target = 测试的连接
setup-report-point-code = 合作方门店编码
setup-report-terminal = 终端
setup-report-time = 测试时间
setup-report-result = 结果
setup-report-ok = 连接成功
setup-report-failed = 连接失败
setup-report-col-step = 步骤
setup-report-col-status = 状态
setup-report-col-result = 结果
setup-report-col-ms = 毫秒
setup-report-round-trip = 往返：{ $request } → { $answer }，耗时 { $ms } 毫秒，{ $time }
setup-report-footer = 由 Quay { $version } 在收银台 { $counter } 生成。
setup-report-written = 报告已写入 { $path }
setup-saved = 已保存 { $count } 项设置。
setup-key-bank-merchant-id = 银行商户号
setup-key-bank-terminal-ids = 银行终端号（以逗号分隔）
## ZVT registration
setup-key-zvt-config = ZVT 注册配置字节（十六进制）
err-setting-zvt-config = { $key } 是注册时的配置字节：两位十六进制数字，例如 BA。
setup-step-zvt-register = 终端接受收银台的注册
setup-ok-zvt-register = 已注册（配置字节 { $config }，币种 { $currency }）
