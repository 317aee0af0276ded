# 收银台界面上的 Nhanh.vn（issue 16）：线上订单（收银员、经理）和技术员的连接界面。
# 消息 ID：online-* 和 nhanh-ui-*。

## 线上订单。
online-orders-button = 线上订单
online-orders-badge =
    { $count ->
       *[other] { $count } 个未完成的线上订单
    }
online-title = 线上订单
online-tab-open = 未完成（{ $count }）
online-tab-all = 全部
online-refresh = 刷新
online-loading = 正在加载订单…
online-back = 返回收银
online-empty-open = 没有未完成的线上订单。来自 Nhanh.vn 的新订单会自动显示在这里。
online-empty-all = 还没有线上订单。
online-group = { $stage }（{ $count }）
online-stage-new = 新订单
online-stage-confirmed = 已确认
online-stage-preparing = 制作中
online-stage-handed-over = 已交付
online-stage-cancelled = 已取消
online-stage-returned = 已退回
online-stage-other = 其他
online-customer-none = 没有顾客信息
online-note = 备注：{ $note }
online-lines =
    { $count ->
       *[other] { $count } 行
    }
online-line-qty = { $quantity } ×
online-total = 合计
online-unknown-products =
    { $count ->
       *[other] 有 { $count } 个商品不在菜单上：请先同步商品，再收款。
    }
online-cannot-ring = 所有商品都在菜单上之后，才能为这个订单收款。
online-rung-already = 已收款
online-act-confirm = 确认
online-act-prepare = 开始制作
online-act-done = 已交付
online-act-cancel = 取消订单
online-act-ring = 收款
online-working = 处理中…
online-acted =
    { $act ->
        [confirm] 订单 { $number } 已确认。
        [prepare] 订单 { $number } 正在制作。
        [done] 订单 { $number } 已交付。
       *[cancel] 订单 { $number } 已取消。
    }
online-rung = 订单 { $number } 已加入购物车：顾客取货时收款。
online-cart-order = { $name } 的线上订单 { $number }：取货时收款
online-cart-order-anon = 线上订单 { $number }：取货时收款
online-cancel-title = 取消订单 { $number }？
online-cancel-explain = 订单在 Nhanh.vn 上也会被取消，且无法撤销。
online-cancel-keep = 保留订单
online-cancel-confirm = 取消订单

## 按手机号关联本单顾客（收银台）。
online-customer-button = 顾客
online-customer-change = 更换
online-customer-named = 顾客：{ $name }（{ $mobile }）
online-customer-anon = 顾客：{ $mobile }
online-customer-title = 顾客手机号
online-customer-explain = 已登记的号码会自动带出顾客姓名。
online-customer-mobile = 手机号
online-customer-placeholder = 例如 0912 345 678
online-customer-save = 保存
online-customer-saving = 正在保存…
online-customer-remove = 移除顾客
online-customer-backspace = 删除最后一位
online-customer-clear = 清除
online-customer-set = 顾客 { $mobile } 已关联到本单。
online-customer-removed = 已从本单移除顾客。

## 连接 Nhanh.vn（技术员）。
nhanh-ui-open = 连接 Nhanh.vn
nhanh-ui-title = 连接 Nhanh.vn
nhanh-ui-explain = 商品来自 Nhanh.vn，收银台的销售以订单形式发送到 Nhanh.vn，Nhanh.vn 各渠道（网站、Facebook…）的订单会传到收银台。只同步连接期间产生的数据。
nhanh-ui-refresh = 重新检查
nhanh-ui-loading = 正在加载…
nhanh-ui-done = 已完成
nhanh-ui-todo = 待完成
nhanh-ui-working = 处理中…
nhanh-ui-never = 从未
nhanh-ui-copy = 复制
nhanh-ui-copied-short = 已复制 ✓
nhanh-ui-copied = 已复制到剪贴板。
nhanh-ui-copy-failed = 无法复制：请选中文字后手动复制。
nhanh-ui-step-app = 在 Nhanh.vn 创建应用
nhanh-ui-step-app-explain = 在 Nhanh.vn 的开发者页面为这家店创建一个应用。Nhanh.vn 会给它一个 App ID 和一个 Secret Key。
nhanh-ui-step-redirect = 设置 Redirect URL
nhanh-ui-step-redirect-explain = 在 Nhanh.vn 的应用设置中，按原样填写以下 Redirect URL：
nhanh-ui-redirect-missing = 暂未生成：请先填写 Nhanh.vn 设置。
nhanh-ui-step-keys = 把 App ID 和 Secret Key 复制到设置中
nhanh-ui-step-keys-explain = 从 Nhanh.vn 的应用页面复制这两项，填入收银台的 Nhanh.vn 设置并保存。
nhanh-ui-app-id =
    { $set ->
        [yes] App ID：已设置
       *[no] App ID：未设置
    }
nhanh-ui-secret =
    { $set ->
        [yes] Secret Key：已设置
       *[no] Secret Key：未设置
    }
nhanh-ui-open-settings = 打开设置
nhanh-ui-step-grant = 授予访问权限
nhanh-ui-step-grant-explain = 商家打开这个链接，登录 Nhanh.vn 并允许访问。随后 Nhanh.vn 会显示一个访问码。
nhanh-ui-oauth-missing = 设置好 App ID 和 Redirect URL 后才会生成链接。
nhanh-ui-open-oauth = 在浏览器中打开
nhanh-ui-step-code = 粘贴访问码
nhanh-ui-step-code-explain = 把访问码粘贴到这里，然后点击“连接”。访问码只能使用一次。
nhanh-ui-access-code = 访问码
nhanh-ui-connect = 连接
nhanh-ui-connecting = 正在连接…
nhanh-ui-connected = 已连接 Nhanh.vn。
nhanh-ui-step-webhook = 设置 Webhook
nhanh-ui-step-webhook-explain = 在 Nhanh.vn 的应用设置中，填写以下 Webhook URL，以及与收银台设置中相同的 verify token，订单才能即时传到收银台。
nhanh-ui-webhook-missing = 暂未生成：请先填写 Nhanh.vn 设置。
nhanh-ui-webhook-token =
    { $set ->
        [yes] Verify token：已设置
       *[no] Verify token：未设置
    }
nhanh-ui-step-sync = 用一个商品测试
nhanh-ui-step-sync-explain = 在 Nhanh.vn 创建一个测试商品，然后点击“同步商品”：它应出现在下方的结果和菜单中。
nhanh-ui-sync = 同步商品
nhanh-ui-syncing = 正在同步…
nhanh-ui-sync-reading = 正在从 Nhanh.vn 读取商品…
nhanh-ui-sync-progress = 商品：{ $done } / { $total }
nhanh-ui-sync-items =
    { $count ->
       *[other] 菜单上 { $count } 个商品
    }
nhanh-ui-sync-categories =
    { $count ->
       *[other] { $count } 个分类
    }
nhanh-ui-sync-hidden =
    { $count ->
       *[other] { $count } 个已隐藏
    }
nhanh-ui-sync-sold-out =
    { $count ->
       *[other] { $count } 个已售罄
    }
nhanh-ui-skipped =
    { $count ->
       *[other] 跳过 { $count } 个商品
    }
nhanh-ui-more = … 还有 { $count } 个
nhanh-ui-status-title = 连接状态
nhanh-ui-connected-state = 已连接
nhanh-ui-not-connected = 未连接
nhanh-ui-business = 企业
nhanh-ui-depot = 仓库
nhanh-ui-all-depots = 所有仓库
nhanh-ui-depots =
    { $count ->
       *[other] （仓库：{ $list }）
    }
nhanh-ui-menu-source = 菜单
nhanh-ui-menu-from =
    { $source ->
        [nhanh] 来自 Nhanh.vn
       *[hub] 来自中心系统
    }
nhanh-ui-token = 访问权限
nhanh-ui-token-ok =
    { $days ->
       *[other] 有效期至 { $date }（还剩 { $days } 天）
    }
nhanh-ui-token-warning =
    { $days ->
       *[other] { $days } 天后过期（{ $date }）：商家必须在此之前重新授权。
    }
nhanh-ui-token-expired = 已于 { $date } 过期：商家必须重新授权。
nhanh-ui-products = 商品
nhanh-ui-products-count =
    { $count ->
       *[other] { $count } 个商品，上次同步：{ $when }
    }
nhanh-ui-sales = 发送到 Nhanh.vn 的销售
nhanh-ui-pending-sales =
    { $count ->
       *[other] { $count } 笔等待发送
    }
nhanh-ui-rejected-sales =
    { $count ->
       *[other] { $count } 笔被 Nhanh.vn 拒绝
    }
nhanh-ui-orders = 线上订单
nhanh-ui-open-orders =
    { $count ->
       *[other] { $count } 个未完成
    }
nhanh-ui-webhook = Webhook 推送
nhanh-ui-webhook-state =
    { $state ->
        [listening] 正在监听
        [down] 已设置但未在监听（地址是否已被占用？）
       *[off] 未启用：定时拉取订单和商品
    }
nhanh-ui-webhook-last = 最近一次推送：{ $when }
nhanh-ui-webhook-rejected =
    { $count ->
       *[other] { $count } 次推送被拒绝
    }
nhanh-ui-permissions = 已授予的权限
nhanh-ui-missing =
    { $count ->
       *[other] 缺少 { $count } 项权限
    }
nhanh-ui-missing-permission = { $permission }：{ $job }
nhanh-ui-last-error = 最近的错误：{ $message }
nhanh-ui-disconnect = 断开连接
nhanh-ui-disconnect-title = 断开 Nhanh.vn？
nhanh-ui-disconnect-explain = 收银台将停止与 Nhanh.vn 同步。历史记录（已发送的销售、订单）会保留。如需重新连接，商家必须重新授权。
nhanh-ui-disconnected = 已断开 Nhanh.vn。历史记录已保留。
