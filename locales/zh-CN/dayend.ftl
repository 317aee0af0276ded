# Day-end: totals, the terminal batch, the bank file, reconciliation, the report.

## The report (PDF)

dayend-report-title = 日结报表 { $date }
dayend-report-store = { $store } · 收银台 { $counter }
dayend-report-generated = 打印时间 { $at }
dayend-report-closed = 由 { $name } 于 { $at } 日结
dayend-report-open = 本日尚未日结。
dayend-section-sales = 销售
dayend-sales-count = 销售单
dayend-voids = 作废单
dayend-refunds = 银行卡退款
dayend-partial-refunds = 部分退款（电子钱包）
dayend-declined = 被拒的刷卡交易
dayend-net-total = 净额合计
dayend-section-tenders = 按支付方式统计
dayend-col-tender = 支付方式
dayend-col-count = 笔数
dayend-col-amount = 金额
dayend-none = 无
dayend-section-cash = 现金抽屉
dayend-cash-expected = 应有现金
dayend-cash-counted = 实点现金
dayend-cash-difference = 差额
dayend-cash-not-counted = 未清点
dayend-cash-reason = 差额原因：{ $reason }
dayend-section-vouchers = 按合作方统计代金券
dayend-col-partner = 合作方
dayend-section-wallets = 电子钱包
dayend-col-wallet = 钱包
dayend-section-cards = 按卡组织统计刷卡
dayend-col-brand = 卡组织
dayend-unknown-brand = 未知卡组织
dayend-section-terminal = 终端批次（{ $terminal }）
dayend-total = 合计
dayend-col-counter = 收银台
dayend-col-terminal = 终端
dayend-col-difference = 差额
dayend-terminal-differs = 终端批次与收银台相差 { $difference }。
dayend-terminal-none = 本日的终端批次尚未结算。
dayend-section-bank = 银行对账
dayend-bank-none = 本日尚未导入银行文件。
dayend-bank-counter-total = 收银台刷卡金额
dayend-bank-total = 银行刷卡金额
dayend-bank-fees = 手续费与拒付
dayend-bank-next-batch = 预计在下一批次
dayend-bank-difference = 差额（银行 − 收银台）
dayend-section-exceptions = 需核查的记录
dayend-col-side = 来源
dayend-col-reference = 参考号
dayend-col-category = 结果
dayend-side-bank = 银行第 { $line } 行
dayend-side-counter = 收银台
dayend-cat-matched = 已匹配
dayend-cat-matched-with-difference = 已匹配，金额不同
dayend-cat-missing-at-bank = 银行缺失
dayend-cat-missing-at-counter = 收银台缺失
dayend-cat-duplicate = 重复
dayend-cat-refund-unmatched = 退款未匹配
dayend-cat-next-batch = 下一批次
dayend-cat-fee-or-chargeback = 手续费或拒付
dayend-cat-ambiguous = 无法确定

## Errors

err-dayend-outbox-pending = 无法日结：仍有 { $count } 笔销售等待发送到总部（{ $receipts }）。请先发送。
err-dayend-payments-unresolved = 无法日结：{ $count } 笔刷卡交易结果未知（{ $payments }）。请先处理。
err-dayend-already-closed = { $date } 已由 { $name } 于 { $at } 日结。
err-dayend-cash-reason = 实点现金与应有现金相差 { $difference }：请填写原因。
err-dayend-terminal = 无法结算终端批次：{ $detail }
err-bank-unknown-preset = 没有名为“{ $name }”的银行文件模板。已有：{ $presets }。
err-bank-preset-json = 银行文件模板无效：{ $detail }
err-bank-preset-name = “{ $name }”不能用作已保存模板的名称。
err-pdf = 无法生成 PDF：{ $detail }

## The bank file

err-bank-empty = 银行文件为空。
err-bank-wrong-delimiter = 银行文件用“{ $found }”分隔列，而不是“{ $expected }”：请选择正确的模板。
err-bank-not-utf8 = 银行文件第 { $line } 行不是 UTF-8 文本。
err-bank-bad-csv = 银行文件第 { $line } 行无法按 CSV 读取。
err-bank-missing-column = 银行文件缺少“{ $column }”列。
err-bank-field-count = 银行文件第 { $line } 行有 { $found } 列，表头有 { $expected } 列。
err-bank-missing-value = 第 { $line } 行“{ $column }”列：缺少数值。
err-bank-bad-amount = 第 { $line } 行“{ $column }”列：“{ $text }”不是金额。
err-bank-bad-date = 第 { $line } 行“{ $column }”列：“{ $text }”不是日期时间。
err-bank-unknown-currency = 第 { $line } 行“{ $column }”列：未知币种“{ $code }”。
err-bank-unknown-type = 第 { $line } 行“{ $column }”列：未知交易类型“{ $value }”。
err-bank-negative-sale = 第 { $line } 行“{ $column }”列：销售金额为负数。
err-bank-mixed-currency = 第 { $line } 行币种为 { $found }，之前各行为 { $expected }。
err-bank-wrong-currency = 第 { $line } 行币种为 { $found }，但本收银台使用 { $expected }。
err-bank-other-terminal = 第 { $line } 行属于终端 { $terminal }，不是本收银台的终端。
err-bank-other-merchant = 第 { $line } 行属于商户 { $merchant }，但本店是 { $expected }。
err-bank-bad-preset = 该银行文件模板无法读取任何文件：{ $reason }。
err-bank-settle-unknown-line = 没有银行记录 { $id }。
err-bank-settle-unknown-payment = 收银台没有刷卡交易 { $id }。
err-bank-settle-line-twice = 银行记录 { $id } 被处理了两次。
err-bank-settle-payment-twice = 刷卡交易 { $id } 被处理了两次。
err-bank-settle-line-matched = 银行记录 { $id } 已匹配。
err-bank-settle-payment-matched = 刷卡交易 { $id } 已匹配。
err-bank-settle-fee-line = 银行记录 { $id } 是手续费或拒付，不是付款。
err-bank-settle-no-reason = 请填写原因。
err-bank-settle-duplicate = 银行记录 { $id } 与银行文件中的另一条记录重复：只计一次，无需处理。请告知银行。
