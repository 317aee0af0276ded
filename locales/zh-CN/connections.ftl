# Partner connection records (seed 000): errors, the deployment note, the month-end list.

## Errors: nothing was recorded.
err-conn-partner = “{ $value }”不是本收银台的合作方：可用 momo、giftpop、vnpay、zalopay、alipay、nhanh、viva 或 vpos:NAME。
err-conn-step = “{ $value }”不是步骤：可用 requested、confirmed、deployed、approved、connected 或 disabled。
err-conn-confirmation = “{ $value }”不是确认方：可用 leader 或 merchant。
err-conn-order = 此接入当前处于“{ $current }”：下一步是“{ $expected }”，而不是“{ $step }”。不能跳过步骤。
err-conn-order-end = 此接入当前处于“{ $current }”：不能接着进行“{ $step }”。请先停用，再重新开始。
err-conn-reference = 步骤“{ $step }”需要填写参考号（合作方的邮件或其 CMS 中的审批）。
err-conn-confirmation-here = 确认属于“confirmed”步骤，而不属于“{ $step }”。
err-conn-confirmation-missing = { $partner } 还需要{ $missing ->
        [leader] 合作方团队负责人
        [merchant] 商户
       *[both] 合作方团队负责人和商户
    }的确认。
err-conn-note-incomplete = 部署说明缺少：{ $missing }{ $more ->
        [0] { "" }
       *[other] { " " }(+{ $more })
    }。
err-conn-point-code = { $partner } 在审批前需要填写合作方门店编码。
err-conn-test-failed = 连接测试未通过，因此未将此接入记录为已接通。{ $step }
err-conn-disable-note = 停用接入时请在备注中说明原因。
err-conn-text = “{ $field }”超过 { $max } 个字符，或包含无法输入的字符。
err-conn-phone = “{ $value }”不是电话号码（8 到 15 位数字；可包含 +、空格、点、短横线和括号）。
err-conn-month = “{ $value }”不是月份：请按 YYYY-MM 格式填写，例如 2026-11。
err-conn-month-future = { $value } 月份尚未开始：还没有清单。
err-conn-pos-ids = 尚未设置 Pos Parent 和 Pos ID：请在部署前配置中心。
err-conn-clock = 上一步记录于 { $last }，晚于本收银台的时钟（{ $now }）：请先校准时钟再记录下一步。
err-conn-viva-terminal = 刷卡终端未设置为 Viva：请先将终端选为 Viva，再记录接入。
err-conn-changed = 在此期间有其他人记录了 { $partner } 的某个步骤：请重新查看记录。
err-conn-hub-pending = 中心没有响应：{ $count } 条接入记录正在等待，中心响应后将自动发送。
err-conn-refused = 中心拒绝了 { $count } 条连接记录：这些记录已保留，不会再次发送。请查看 `quay connect show` 和日志。
err-conn-no-proof = { $partner } 还没有接入证明。
err-conn-xlsx = 无法写入电子表格：{ $detail }

## Steps.
conn-status-none = 未开始
conn-status-requested = 已申请
conn-status-confirmed = 已确认
conn-status-deployed = 已部署
conn-status-approved = 合作方已审批
conn-status-connected = 已接通
conn-status-disabled = 已停用

## The deployment note.
conn-note-title = 部署说明：通过中心接入 { $partner }
conn-note-section-request = 申请
conn-note-section-prepare = 升级和接入
conn-note-section-point = 部署门店
conn-note-section-contact = 联系人
conn-note-section-approval = 合作方 CMS 中的审批
conn-note-section-back = 回传给合作方
conn-note-section-notes = 备注
conn-note-partner = 合作方
conn-note-request-ref = 申请参考号
conn-note-reference = 参考号
conn-note-requested-at = 申请日期
conn-note-confirmations = 确认方
conn-note-by-leader = 合作方团队负责人
conn-note-by-merchant = 商户
conn-note-version = 收银系统已更新到最新版本
conn-note-menu = 菜单与中心同步
conn-note-menu-hub = 版本 { $version }，来自本中心
conn-note-menu-other = 版本 { $version }，并非来自本中心：请同步菜单
conn-note-menu-none = 尚无菜单
conn-note-voucher-entry = 收银员可输入合作方的券码
conn-note-test = 连接测试已通过
conn-note-point-name = 门店名称
conn-note-address = 地址
conn-note-hub-point = 中心中的名称
conn-note-key1 = Key1
conn-note-key2 = Key2
conn-note-present = 已设置（不显示）
conn-note-missing = 缺失
conn-note-contact = 联系人
conn-note-phone = 电话
conn-note-approval-ref = 审批参考号
conn-note-approved-at = 审批日期
conn-note-pos-parent = Pos Parent
conn-note-pos-id = Pos ID
conn-note-point-code = 合作方门店编码
conn-note-proof = 接入证明
conn-note-proof-attached = 已附上（PDF 和 PNG，{ $sha }…）
conn-note-not-yet = 尚未
conn-note-yes = 是
conn-note-no = 否
conn-note-notes = 备注

## The month-end list.
conn-sheet-points = 已接通门店
conn-sheet-totals = 合计
conn-sheet-month = 月份：{ $month }
conn-col-pos-parent = 品牌（Pos Parent）
conn-col-pos-id = Pos ID
conn-col-point-name = 门店
conn-col-address = 地址
conn-col-partner = 合作方
conn-col-point-code = 合作方门店编码
conn-col-connected = 接通日期
conn-col-request-ref = 申请参考号
conn-col-approval-ref = 审批参考号
conn-col-contact = 联系人
conn-col-phone = 电话
conn-col-status = 当前状态
conn-col-source = 来源
conn-col-partner-id = 合作方标识
conn-col-points = 已接通门店数
conn-col-first = 最早
conn-col-last = 最近
conn-col-month = 月份
conn-total = 合计
conn-source-hub = 中心
conn-source-counter = 本收银台
conn-list-source-hub = 中心提供的该品牌全部门店清单。
conn-list-source-counter = 中心没有响应：仅列出本收银台自己的记录。
conn-list-source-mixed = 中心提供的清单，并附上中心尚未收到的本收银台记录。

## The command line.
conn-cli-recorded = { $partner }：已记录“{ $step }”。
conn-cli-queued = { $count } 条接入记录正在等待发送到中心。
conn-cli-next = 下一步：{ $step }
conn-cli-proof = 连接测试证明，时间 { $at }（SHA-256 { $sha }）。
conn-cli-proof-attached = 已附上证明
conn-cli-points = { $month } 共接通 { $count } 个门店。
conn-cli-pushed = 已向中心发送 { $sent } 条接入记录；{ $pending } 条等待中。
