# Nhanh.vn Open API：与 Nhanh 通信时出了什么问题（crate quay-nhanh），以及某个商品为何未进入菜单。
# 每个 id 都是后端返回的一个 `code`。

## 与 Nhanh 通信
err-nhanh-transport = 无法连接 Nhanh（{ $path }）：{ $detail }。请检查网络连接；如果正在发送销售单，会先向 Nhanh 核对后再重新发送。
err-nhanh-http = Nhanh 返回 HTTP 错误 { $status }（{ $path }）。请检查设置中的 Nhanh API 地址；如果地址正确，请稍后再试。
err-nhanh-decode = 无法读取 Nhanh 的应答（{ $path }）：{ $detail }。请稍后再试；如果正在发送销售单，会先向 Nhanh 核对后再重新发送。
err-nhanh-rate-limited = Nhanh 正在限制收银台调用 { $path } 的频率。数据不会丢失：稍后会自动重试。
err-nhanh-not-configured = 尚未设置 Nhanh 连接（缺少 { $missing }）。请先在设置中连接 Nhanh。
err-nhanh-invalid-mobile = “{ $mobile }”不是越南手机号码（10 位数字，以 03、05、07、08 或 09 开头）。请更正号码。
err-nhanh-invalid-order = 该销售单未发送到 Nhanh：{ $field } 无效（{ $reason }）。请更正销售单或联系技术支持。
err-nhanh-webhook-body = 一条来自 Nhanh 的通知无法读取，已忽略（{ $detail }）。

## Nhanh 的错误代码
err-nhanh-invalid-app-id = Nhanh 不认识此 App ID。请将设置中的 App ID 与 Nhanh 开发者页面上的应用核对。
err-nhanh-invalid-access-token = Nhanh 不再接受本收银台的访问（token 缺失、已过期或已被新的授权取代）。商家必须在 Nhanh 中重新连接该应用。
err-nhanh-invalid-version = 此 access token 属于 Nhanh API 的其他版本。商家必须重新连接该应用以获取 v3 token。
err-nhanh-invalid-business-id = Nhanh 不认识此商户，或该应用未与其连接。请在 Nhanh 中重新连接该应用。
err-nhanh-invalid-depot-id = Nhanh 拒绝了该仓库：仓库不存在或未授权给该应用（{ $detail }）。请在设置中选择已授权的仓库，或请商家在 Nhanh 中重新授权。
err-nhanh-invalid-data = Nhanh 无法读取收银台发送的内容（{ $path }）：{ $detail }。请联系技术支持。
err-nhanh-business-not-enable-api = 此 Nhanh 商户尚未启用 API。商家必须在 Nhanh 中启用 API，然后再试。
err-nhanh-forbidden = Nhanh 拒绝：该应用未获得“{ $permission }”权限，此权限用于{ $job }。商家必须在 Nhanh 中重新授权该应用并勾选此权限。
err-nhanh-bad-secret-key = Nhanh 拒绝了 Secret Key。请从 Nhanh 的应用页面重新复制到设置中。
err-nhanh-bad-access-code = Nhanh 拒绝了访问码：访问码错误、已使用或已超过 10 分钟。请在 Nhanh 中重新开始连接以获取新的访问码。
err-nhanh-invalid-form-fields = Nhanh 拒绝了请求（{ $path }）：{ $detail }。请更正所指出的内容后重试。
err-nhanh-api = Nhanh 拒绝了请求（{ $path }，{ $code }）：{ $detail }。

## 连接器的各项工作（接在“用于”之后）
nhanh-job-products = 将商品、分类和库存导入菜单
nhanh-job-sales = 将收银台的销售作为订单发送到 Nhanh
nhanh-job-orders = 显示并更新 Nhanh 的线上订单
nhanh-job-customers = 按手机号码查找和添加顾客
nhanh-job-other = 使用 Nhanh 的这一部分功能

## 商品未进入菜单的原因
nhanh-skip-empty-name = 该商品没有名称。
nhanh-skip-voucher = 礼券不作为菜单项出售。
nhanh-skip-variant-parent = 该商品仅用于归组其规格；菜单中改为列出每个规格。
nhanh-skip-unknown-category = 该商品属于分类 { $category }，但 Nhanh 的分类列表中没有此分类。
nhanh-skip-no-price = 该商品没有零售价。
nhanh-skip-negative-price = 零售价 { $price } 为负数。
nhanh-skip-fractional-price = 零售价 { $price } 含有不足一越南盾的小数。
nhanh-skip-bad-price = 零售价“{ $price }”不是有效金额。
nhanh-skip-bad-vat = 增值税税率“{ $vat }”无效。
nhanh-skip-weighed-fractional = 数量为 { $quantity } 的称重商品无法在收银台按整数单位出售。
nhanh-skip-duplicate-barcode = 条码 { $barcode } 已被 { $item } 使用。

## Nhanh 的订单状态
nhanh-order-status-54 = 新订单
nhanh-order-status-55 = 确认中
nhanh-order-status-56 = 已确认
nhanh-order-status-57 = 等待顾客确认
nhanh-order-status-42 = 打包中
nhanh-order-status-40 = 已打包
nhanh-order-status-43 = 等待取件
nhanh-order-status-59 = 配送中
nhanh-order-status-60 = 已送达
nhanh-order-status-61 = 配送失败
nhanh-order-status-58 = 承运商已取消
nhanh-order-status-63 = 顾客已取消
nhanh-order-status-64 = 系统已取消
nhanh-order-status-68 = 缺货
nhanh-order-status-71 = 退回中
nhanh-order-status-72 = 已退回
nhanh-order-status-73 = 更换发货仓库
nhanh-order-status-74 = 已确认退货
