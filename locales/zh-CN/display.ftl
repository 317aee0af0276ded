# Wallet payments (MoMo, ZaloPay, VNPAY-QR, Alipay) at the counter, and the screen turned to the
# customer. Money arrives already formatted for the locale.

## Wallet payment dialog
wallet-pay = 电子钱包
wallet-title = 电子钱包付款
wallet-choose = 选择顾客的钱包
wallet-amount = 钱包支付金额
wallet-amount-hint = 留空则收取全部应付金额（{ $amount }）。
wallet-code-label = 顾客的付款码
wallet-code-hint = 扫描顾客应用中的付款码，或手动输入后按 Enter。
wallet-code-checking = 正在核对付款码…
wallet-charge = 收款
wallet-show-qr = 改为显示本店二维码
wallet-show-qr-hint = 顾客用 { $wallet } 扫描本店的二维码，无需出示自己的付款码。
wallet-or = 或
wallet-waiting = 正在等待付款…
wallet-qr-turn = 请将屏幕转向顾客：顾客用 { $wallet } 扫描此码。
wallet-qr-alt = 用 { $wallet } 付款的二维码
wallet-qr-on-display = 二维码已显示在顾客屏幕上。
wallet-amount-label = 金额
wallet-time-left = 剩余时间
wallet-time-up = 时间已到
wallet-give-up = 停止等待
wallet-giving-up = 正在停止…
wallet-late-hint = 顾客稍后完成的付款仍会被记录。
wallet-retry = 重试

## Customer display
cd-title = 顾客显示屏
cd-welcome = 欢迎光临
cd-welcome-hint = 您的订单将显示在这里。
cd-total = 合计
cd-quantity = 数量
cd-qr-scan = 请用 { $wallet } 扫码付款
cd-amount = 应付金额
cd-time-left = 剩余时间
cd-time-up = 此二维码已过期
cd-thanks = 谢谢惠顾！
cd-paid = 已付款
