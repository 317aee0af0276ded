# 技术员在收银台屏幕上的合作方接入记录 (issue 18)。Ids: conn-ui-*.

conn-ui-open = 合作方接入
conn-ui-title = 合作方接入
conn-ui-explain = 每个合作方的接入进度：申请、确认、部署、审批和连接测试。
conn-ui-loading = 正在加载…
conn-ui-reload = 刷新
conn-ui-partners = 合作方
conn-ui-this-point = { $pos_parent } 的门店 { $pos_id }
conn-ui-queued = 等待发送到中心：{ $count }
conn-ui-refused = 被中心拒绝（见日志）：{ $count }
conn-ui-no-pos-ids = 尚未设置中心的 Pos Parent 和 Pos ID：请先在“设置”中设置，才能记录任何步骤。
conn-ui-keys-missing = 尚未设置中心密钥：设置之前记录保存在本收银台。
conn-ui-choose = 选择一个合作方以查看其步骤。

## 状态和步骤。
conn-ui-status-never = 未开始
conn-ui-step-requested = 已申请
conn-ui-step-confirmed = 已确认
conn-ui-step-deployed = 已部署
conn-ui-step-approved = 已审批
conn-ui-step-connected = 已接通
conn-ui-step-disabled = 已停用

## 单个合作方。
conn-ui-steps = 步骤
conn-ui-no-steps = 尚未记录任何步骤。
conn-ui-by = 记录人
conn-ui-reference = 参考号
conn-ui-confirmed-by = 确认方
conn-ui-confirm-leader = MoMo 团队负责人
conn-ui-confirm-merchant = 商户
conn-ui-note = 备注
conn-ui-proof-kept = 已保存证明
conn-ui-details = 门店信息
conn-ui-point-name = 门店名称
conn-ui-address = 地址
conn-ui-contact-name = 联系人
conn-ui-contact-phone = 联系电话
conn-ui-point-code = 合作方门店编码
conn-ui-notes = 说明
conn-ui-next = 下一步：{ $step }
conn-ui-next-none = 已接通：没有后续步骤。
conn-ui-required-hint = * 此步骤必填
conn-ui-note-disable = 停用时必填。
conn-ui-record = 记录：{ $step }
conn-ui-recording = 正在记录…
conn-ui-testing = 正在测试…
conn-ui-testing-wait = 正在测试与合作方的连接：需要几秒钟。
conn-ui-disable = 停用
conn-ui-recorded = { $partner }：已记录“{ $step }”。

## 部署说明和证明。
conn-ui-deploy-note = 部署说明
conn-ui-note-title = 部署说明：{ $partner }
conn-ui-proof = 证明
conn-ui-proof-title = 证明：{ $partner }
conn-ui-proof-alt = { $partner } 的连接测试，{ $at }
conn-ui-copy = 复制
conn-ui-copied = 已复制。
conn-ui-copy-failed = 无法复制：请选中文本后复制。
conn-ui-close = 关闭
conn-ui-pdf = PDF
conn-ui-png = 图片

## 月末清单。
conn-ui-month-title = 月末
conn-ui-month = 月份
conn-ui-month-previous = 上个月
conn-ui-month-next = 下个月
conn-ui-export = 导出本月清单
conn-ui-exporting = 正在导出…
conn-ui-exported = 月度清单已生成：{ $count } 行。
conn-ui-source-hub = 来自中心：该品牌的所有门店。
conn-ui-source-counter = 警告：仅本收银台（无法连接中心），缺少其他门店。
conn-ui-source-mixed = 警告：部分来自中心，部分仅来自本收银台。发送前请核对。
conn-ui-rows = { $month } 接通的门店：{ $count }
conn-ui-xlsx = 电子表格
conn-ui-csv = CSV
conn-ui-no-rows = 该月没有门店接通。
conn-ui-col-point = 门店
conn-ui-col-partner = 合作方
conn-ui-col-connected = 接通日期
conn-ui-col-request = 申请参考号
conn-ui-col-approval = 审批参考号
conn-ui-col-contact = 联系人
