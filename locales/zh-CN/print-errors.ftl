# 收据打印机和厨房打印机（crate quay-print）：打印机为何没有接受打印任务。
# 每个 id 都是后端返回的一个 `code`；窗口会在消息旁显示打印机的名称。

## 打印机地址（设置 printer.receipt、printer.kitchen.<station>）
err-print-address = “{ $address }”不是打印机地址。{ $problem }请写成 tcp://host:9100、serial:/dev/ttyUSB0?baud=9600、usb:/dev/usb/lp0 或 file:/path 的形式。
print-address-empty = 该设置为空。
print-address-scheme = 地址必须以 tcp://、serial:、usb: 或 file: 开头。
print-address-host = 打印机的主机名或 IP 地址缺失或无效。
print-address-port = 端口必须是 1 到 65535 之间的数字。
print-address-path = 设备或文件路径缺失或包含空格。
print-address-baud = 串口速率必须是 1200、2400、4800、9600、19200、38400、57600 或 115200 之一。
print-address-option = 串口打印机在设备名之后只接受 ?baud=…。

## 打印机状态
err-print-offline = 无法连接打印机，或打印机处于脱机状态。请检查打印机已开机并已连接（网线、USB 线或串口线），且设置中的地址正确。等待中的打印任务会保留，打印机恢复后即打印。
err-print-paper-out = 打印机缺纸。请装入新纸卷并合上盖子；等待中的打印任务会保留，之后即打印。
err-print-cover-open = 打印机盖子未合上。请合上盖子；等待中的打印任务会保留，之后即打印。
err-print-status-unknown = 打印机对状态查询的应答为 { $answer }，这不是打印机状态。请检查该地址是否指向 ESC/POS 打印机。打印任务已保留。
err-print-status-silent = 打印机未及时应答状态查询。请检查打印机已开机，且该地址指向 ESC/POS 打印机。打印任务已保留。
err-print-no-status = 通过 USB 连接的打印机无法报告是否就绪（纸张、盖子）。请直接查看打印机。

## 打印任务
err-print-too-wide = 图像宽 { $width } 点，但打印机最多只能打印 { $max } 点。请在打印机设置中检查纸宽（58 或 80 毫米）。
err-print-io = 无法将打印任务发送到打印机：{ $detail }。任务已保留。
err-print-unconfirmed = { $cause }该任务已发送，可能已部分或全部打印；任务已保留，将再次打印。
