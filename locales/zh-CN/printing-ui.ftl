# 窗口中的打印机（issue 19）：状态行、打印任务、在小票打印机上打印小票、经理的“打开钱箱”，
# 以及技术员的打印机页面。

## 打印机名称
print-ui-printer = { $kind ->
    [receipt] 小票打印机
    [kitchen] 厨房打印机（{ $station }）
   *[other] 打印机 { $station }
}

## 状态行
print-ui-problem-line = { $printer }：{ $problem } — { $count } 个任务等待中
print-ui-problem-short = { $code ->
    [err-print-paper-out] 缺纸
    [err-print-offline] 离线
    [err-print-cover-open] 机盖打开
    [err-print-status-silent] 无响应
    [err-print-no-printer] 未设置
   *[other] { $text }
}
print-ui-jobs-open = 打印任务

## 打印任务
print-ui-jobs-title = 打印任务
print-ui-jobs-title-of = { $printer } 的打印任务
print-ui-jobs-empty = 没有打印任务。
print-ui-loading = 正在加载…
print-ui-refresh = 刷新
print-ui-close = 关闭
print-ui-kind = { $kind ->
    [receipt] 小票
    [kitchen] 厨房单
    [kitchen_cancel] 厨房取消单
    [drawer] 钱箱
    [test] 测试页
   *[other] { $kind }
}
print-ui-state = { $state ->
    [queued] 等待中
    [sending] 发送中
    [done] 已打印
    [cancelled] 已取消
   *[other] { $state }
}
print-ui-reprint = 重印
print-ui-attempts = 已尝试 { $count } 次
print-ui-send-now = 立即发送
print-ui-send-to = 发送到…
print-ui-send-to-label = 改为发送到此打印机：
print-ui-print-again = 再次打印
print-ui-sent-now = 任务 { $job } 正在立即发送。
print-ui-printing-again = 任务 { $job } 将再次打印，并标记为重印。
print-ui-redirected = 任务 { $job } 现在发送到 { $printer }。

## 小票
print-ui-receipt-copy = 在小票打印机上打印
print-ui-copy-queued = 小票 { $receipt } 正在小票打印机上打印。

## 钱箱
print-ui-drawer-open = 打开钱箱
print-ui-drawer-title = 打开钱箱
print-ui-drawer-reason = 原因
print-ui-drawer-reason-placeholder = 例如：为备用金换零钱
print-ui-drawer-explain = 无销售打开钱箱会记录操作人和原因。
print-ui-drawer-pin-hint = 由经理输入 PIN 码批准。
print-ui-drawer-pin = 经理 PIN 码
print-ui-drawer-confirm = 打开钱箱
print-ui-drawer-opened = 钱箱正在打开。
print-ui-cancel = 取消

## 技术员的打印机页面
print-ui-open = 打印机
print-ui-title = 打印机
print-ui-explain = 小票打印机（钱箱连接在它上面）和各厨房工位，每个工位打印分配给它的菜单类别。每次更改后请逐一测试。
print-ui-receipt-section = 小票打印机
print-ui-kitchen-section = 厨房工位
print-ui-no-receipt = 尚未设置小票打印机：小票只保存为 PDF。
print-ui-set-receipt = 设置小票打印机
print-ui-no-kitchen = 尚未设置厨房工位。
print-ui-add-station = 添加厨房工位
print-ui-edit = 编辑
print-ui-edit-title = 编辑 { $printer }
print-ui-remove = 删除
print-ui-remove-title = 删除 { $printer }？
print-ui-remove-explain = 它等待中的任务仍保留在列表中：请将其发送到其他打印机。
print-ui-keep = 保留
print-ui-jobs = 任务
print-ui-test-page = 打印测试页
print-ui-test-queued = 测试页（任务 { $job }）已发送到 { $printer }。
print-ui-station = 工位名称
print-ui-station-hint = 1 到 20 个 a–z、0–9、_ 和 - 字符，例如 hot、bar。
print-ui-station-invalid = 工位名称须为 1 到 20 个 a–z、0–9、_ 和 - 字符。
print-ui-address = 地址
print-ui-address-hint = tcp://host:9100, serial:/dev/ttyUSB0?baud=19200, usb:/dev/usb/lp0
print-ui-address-missing = 请填写打印机地址。
print-ui-width = 纸张宽度
print-ui-width-mm = { $mm } 毫米
print-ui-mode = 打印模式
print-ui-mode-name = { $mode ->
    [text] 文本（仅拉丁字母）
   *[raster] 图像（所有语言）
}
print-ui-categories = 菜单类别
print-ui-categories-hint = 类别 ID，用逗号分隔。
print-ui-unknown = 此处未知
print-ui-unknown-explain = 此工位在别处设置：留空的字段保持已保存的值。
print-ui-none = 无
print-ui-save = 保存
print-ui-station-saved = 已保存 { $printer }。
print-ui-station-removed = 已删除 { $printer }。
print-ui-kitchen-send = 送厨房
print-ui-kitchen-sent = 已向厨房发送 { $count } 张单。
