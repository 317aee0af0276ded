# 收银台界面上的银行虚拟 POS（issue 17）：技术员的定义、电话付款与付款链接（收银员、
# 经理）、当日记录以及日结中的部分。标识：vpos-ui-*。

## 通用。
vpos-ui-loading = 正在加载…
vpos-ui-reload = 刷新
vpos-ui-working = 正在处理…
vpos-ui-save = 保存
vpos-ui-saving = 正在保存…
vpos-ui-cancel-form = 取消
vpos-ui-keep = 保留
vpos-ui-done = 完成
vpos-ui-back = 返回收银
vpos-ui-none = 无
vpos-ui-kind =
    { $kind ->
        [nestpay] NestPay（EST）
        [garanti] Garanti BBVA（GVPS）
        [posnet] PosNet（Yapı Kredi）
       *[other] { $kind }
    }
vpos-ui-mode =
    { $mode ->
        [production] 正式环境
       *[test] 测试环境
    }
vpos-ui-three-d =
    { $three_d ->
        [required] 必须 3-D Secure 验证
       *[optional] 3-D Secure 验证可选
    }
vpos-ui-state =
    { $state ->
        [pending] 等待中
        [sent] 已发送至银行
        [approved] 已批准
        [declined] 已拒绝
        [unknown] 应答丢失
        [cancelled] 已取消
       *[other] { $state }
    }

## 技术员的定义。
vpos-ui-def-open = 虚拟 POS
vpos-ui-def-title = 虚拟 POS 定义
vpos-ui-def-explain = 每家通过电话或付款链接收取银行卡付款的银行：其网关、地址、凭据以及银行要求的固定 IP。密钥加密保存，从不显示。
vpos-ui-def-add = 添加虚拟 POS
vpos-ui-def-empty = 尚未定义虚拟 POS。
vpos-ui-def-add-title = 新建虚拟 POS
vpos-ui-def-edit-title = 编辑 { $name }
vpos-ui-def-edit = 编辑
vpos-ui-def-remove = 删除
vpos-ui-def-remove-title = 删除 { $name }？
vpos-ui-def-remove-explain = 其付款仍保留在记录中。通过该银行的电话付款和付款链接将停止，直到重新定义。
vpos-ui-def-removed = 已删除 { $name }。
vpos-ui-def-added = 已添加 { $name }。
vpos-ui-def-saved = 已保存 { $name }。
vpos-ui-def-name = 名称
vpos-ui-def-kind = 银行网关
vpos-ui-def-mode = 环境
vpos-ui-def-api-url = API 地址
vpos-ui-def-gate-url = 3-D 网关地址（付款链接）
vpos-ui-def-currency = 币种
vpos-ui-def-three-d = 3-D Secure 验证
vpos-ui-def-static-ip = 向银行报备的固定 IP
vpos-ui-def-updated = 最后修改
vpos-ui-def-credentials = { $kind } 的凭据
vpos-ui-def-secret-keep = 留空则保持不变
vpos-ui-def-secret-explain = 留空的密钥将保留已保存的值。
vpos-ui-def-not-implemented = { $kind }：可以保存凭据，但暂时还不能通过它付款。
vpos-ui-def-missing =
    { $count ->
       *[other] 还有 { $count } 个字段需要填写。
    }
vpos-ui-field-client-id = 客户编号（Client ID）
vpos-ui-field-username = API 用户名
vpos-ui-field-password = API 密码
vpos-ui-field-store-key = 商店密钥（store key）
vpos-ui-field-merchant-id = 商户编号（Merchant ID）
vpos-ui-field-terminal-id = 终端编号（Terminal ID）
vpos-ui-field-prov-user = 授权用户（PROVAUT）
vpos-ui-field-prov-password = 授权密码
vpos-ui-field-refund-user = 退款用户（PROVRFN）
vpos-ui-field-refund-password = 退款密码
vpos-ui-field-posnet-id = PosNet 编号

## 电话付款（MOTO）与付款链接。
vpos-ui-phone-button = 电话付款
vpos-ui-phone-title = 电话银行卡付款
vpos-ui-phone-none = 尚未定义虚拟 POS：请技术员先添加。
vpos-ui-phone-definition = 银行
vpos-ui-phone-what = 付款内容
vpos-ui-phone-sale = 收银台上的这笔销售
vpos-ui-phone-amount-choice = 指定金额（订金）
vpos-ui-phone-due = 应付金额
vpos-ui-phone-amount = 金额
vpos-ui-phone-reference = 参考号
vpos-ui-phone-customer-phone = 顾客电话
vpos-ui-phone-note = 备注
vpos-ui-phone-card = 银行卡（按顾客口述）
vpos-ui-phone-card-number = 卡号
vpos-ui-phone-card-expiry = 有效期（MM/YY）
vpos-ui-phone-card-expiry-hint = MM/YY
vpos-ui-phone-card-cvv = CVV
vpos-ui-phone-pay = 付款
vpos-ui-phone-paying = 正在询问银行…
vpos-ui-phone-link = 付款链接
vpos-ui-phone-three-d = { $name } 要求 3-D Secure 验证：请给顾客发送付款链接。
vpos-ui-pay-approved = 已批准：{ $amount }，授权码 { $auth }，卡号 { $card }。
vpos-ui-pay-declined = 已拒绝：{ $message }
vpos-ui-pay-declined-code = 已拒绝：{ $message }（代码 { $code }）
vpos-ui-pay-unknown = 尚不知道银行的应答：{ $message }
vpos-ui-link-title = 付款链接
vpos-ui-link-explain = 顾客在自己的手机上打开此链接（或扫描二维码），在银行的安全页面上付款。
vpos-ui-link-qr = 付款链接的二维码
vpos-ui-link-order = 订单 { $order }
vpos-ui-link-waiting = 正在等待顾客付款（链接有效至 { $until }）…
vpos-ui-link-close = 关闭（后台继续等待）
vpos-ui-link-give-up = 停止等待（仍会询问银行）

## 当日记录。
vpos-ui-log-title = 今日虚拟 POS 付款
vpos-ui-log-empty = 今天还没有付款。
vpos-ui-log-code = 代码 { $code }
vpos-ui-log-auth = 授权码 { $auth }
vpos-ui-log-who = 经办：{ $name }
vpos-ui-log-reference = 参考号 { $reference }
vpos-ui-log-voided = 已撤销
vpos-ui-log-refunded = 已退款 { $amount }
vpos-ui-log-kind =
    { $kind ->
        [void] 撤销
        [refund] 退款
       *[sale] 销售
    }
vpos-ui-log-channel =
    { $channel ->
        [link] 付款链接
       *[moto] 电话
    }
vpos-ui-log-cancel = 取消付款
vpos-ui-log-resolve =
    { $count ->
       *[other] 询问银行（{ $count } 个应答丢失）
    }
vpos-ui-resolved =
    { $count ->
       *[other] 银行已就 { $count } 笔付款作出应答。
    }
vpos-ui-cancel-title = 取消这笔付款？
vpos-ui-cancel-explain = { $amount }（订单 { $order }）将退回到卡上：若银行批次仍未结算则撤销，否则退款。
vpos-ui-cancel-voided = 已撤销 { $amount }（订单 { $order }）。
vpos-ui-cancel-refunded = 已退款 { $amount }（订单 { $order }）。

## 日结。
vpos-ui-day-title = 虚拟 POS
vpos-ui-day-explain = 按订单逐笔比对银行当日交易与收银台的记录。
vpos-ui-day-no-definitions = 尚未定义虚拟 POS。
vpos-ui-day-source-report = 来自银行的日报。
vpos-ui-day-source-file-any = 来自银行导出的文件。
vpos-ui-day-source-none = 缺少银行一方的数据：请导入从银行虚拟 POS 后台导出的文件。
vpos-ui-day-source-none-report = 尚未获取银行的日报。
vpos-ui-day-fetch = 获取银行日报
vpos-ui-day-summary = { $matched } 笔一致 · { $problems } 笔待核查
vpos-ui-day-net = 净额 { $amount }
vpos-ui-day-file = 银行导出的文件（CSV）
vpos-ui-day-import = 导入并比对
vpos-ui-day-imported = 已为 { $name } 导入 { $file }。
vpos-ui-day-read-error = 无法读取文件 { $file }。
vpos-ui-day-empty = 双方都没有交易。
vpos-ui-day-matched = 一致
vpos-ui-day-different-amount = 金额不同
vpos-ui-day-entered-by-hand = 已手工录入
vpos-ui-day-cancel-differs = 仅一方已取消
vpos-ui-day-missing-at-bank = 银行缺少
vpos-ui-day-missing-at-counter = 收银台缺少
vpos-ui-day-voided = 已撤销
vpos-ui-day-refunded = 已退款
vpos-ui-day-col-order = 订单
vpos-ui-day-col-status = 状态
vpos-ui-day-col-counter = 收银台
vpos-ui-day-col-bank = 银行
vpos-ui-day-col-at = 时间
vpos-ui-day-col-auth = 授权码
vpos-ui-day-total = 合计
vpos-ui-day-difference = 差额 { $amount }
vpos-ui-day-hand = 手工录入
vpos-ui-day-hand-title = 手工录入订单 { $order }
vpos-ui-day-hand-explain = 银行在 { $name } 上有这笔交易，而收银台没有。录入后会将其写入收银台的记录，并连同您的原因记入审计日志。
vpos-ui-day-hand-reason = 原因（必填）
vpos-ui-day-hand-done = 已手工录入订单 { $order }。
vpos-ui-day-hand-by = 由 { $name } 录入：{ $reason }
