# Nhanh.vn trên màn hình quầy (issue 16): đơn hàng online (thu ngân, quản lý) và màn hình
# kết nối của kỹ thuật viên. Mã: online-* và nhanh-ui-*.

## Đơn hàng online.
online-orders-button = Đơn online
online-orders-badge = { $count } đơn online đang mở
online-title = Đơn hàng online
online-tab-open = Đang mở ({ $count })
online-tab-all = Tất cả
online-refresh = Tải lại
online-loading = Đang tải đơn hàng…
online-back = Về màn hình bán hàng
online-empty-open = Không có đơn online nào đang mở. Đơn mới từ Nhanh.vn sẽ tự hiện ở đây.
online-empty-all = Chưa có đơn online nào.
online-group = { $stage } ({ $count })
online-stage-new = Mới
online-stage-confirmed = Đã xác nhận
online-stage-preparing = Đang chuẩn bị
online-stage-handed-over = Đã giao
online-stage-cancelled = Đã hủy
online-stage-returned = Đã hoàn
online-stage-other = Khác
online-customer-none = Không có thông tin khách hàng
online-note = Ghi chú: { $note }
online-lines = { $count } dòng
online-line-qty = { $quantity } ×
online-total = Tổng cộng
online-unknown-products = Có { $count } sản phẩm chưa có trong thực đơn: hãy đồng bộ sản phẩm rồi mới tính tiền.
online-cannot-ring = Chỉ tính tiền được đơn này khi mọi sản phẩm đã có trong thực đơn.
online-rung-already = Đã tính tiền
online-act-confirm = Xác nhận
online-act-prepare = Bắt đầu chuẩn bị
online-act-done = Đã giao khách
online-act-cancel = Hủy đơn
online-act-ring = Tính tiền
online-working = Đang xử lý…
online-acted =
    { $act ->
        [confirm] Đã xác nhận đơn { $number }.
        [prepare] Đơn { $number } đang được chuẩn bị.
        [done] Đã giao đơn { $number }.
       *[cancel] Đã hủy đơn { $number }.
    }
online-rung = Đơn { $number } đã vào giỏ hàng: thu tiền khi khách đến lấy.
online-cart-order = Đơn online { $number } của { $name }: thu tiền khi lấy hàng
online-cart-order-anon = Đơn online { $number }: thu tiền khi lấy hàng
online-cancel-title = Hủy đơn { $number }?
online-cancel-explain = Đơn cũng sẽ bị hủy trên Nhanh.vn. Không thể hoàn tác.
online-cancel-keep = Giữ đơn
online-cancel-confirm = Hủy đơn

## Khách hàng của đơn theo số di động (quầy thu ngân).
online-customer-button = Khách hàng
online-customer-change = Đổi
online-customer-named = Khách: { $name } ({ $mobile })
online-customer-anon = Khách: { $mobile }
online-customer-title = Số di động của khách
online-customer-explain = Nếu số đã có trong máy, tên khách sẽ tự hiện ra.
online-customer-mobile = Số di động
online-customer-placeholder = VD: 0912 345 678
online-customer-save = Lưu
online-customer-saving = Đang lưu…
online-customer-remove = Bỏ khách hàng
online-customer-backspace = Xóa chữ số cuối
online-customer-clear = Xóa hết
online-customer-set = Đã gắn khách { $mobile } vào đơn.
online-customer-removed = Đã bỏ khách hàng khỏi đơn.

## Kết nối Nhanh.vn (kỹ thuật viên).
nhanh-ui-open = Kết nối Nhanh.vn
nhanh-ui-title = Kết nối Nhanh.vn
nhanh-ui-explain = Sản phẩm lấy từ Nhanh.vn, đơn bán tại quầy được gửi sang Nhanh.vn thành đơn hàng, và đơn từ các kênh của Nhanh.vn (website, Facebook…) được chuyển về quầy. Chỉ dữ liệu tạo ra trong thời gian đã kết nối mới được đồng bộ.
nhanh-ui-refresh = Kiểm tra lại
nhanh-ui-loading = Đang tải…
nhanh-ui-done = Đã xong
nhanh-ui-todo = Chưa xong
nhanh-ui-working = Đang xử lý…
nhanh-ui-never = chưa lần nào
nhanh-ui-copy = Sao chép
nhanh-ui-copied-short = Đã chép ✓
nhanh-ui-copied = Đã sao chép vào bộ nhớ tạm.
nhanh-ui-copy-failed = Không sao chép được: hãy bôi đen rồi tự sao chép.
nhanh-ui-step-app = Tạo ứng dụng trên Nhanh.vn
nhanh-ui-step-app-explain = Trên trang dành cho nhà phát triển của Nhanh.vn, tạo một ứng dụng cho cửa hàng này. Nhanh.vn sẽ cấp App ID và Secret Key.
nhanh-ui-step-redirect = Khai báo Redirect URL
nhanh-ui-step-redirect-explain = Trong phần cài đặt ứng dụng trên Nhanh.vn, nhập đúng Redirect URL sau:
nhanh-ui-redirect-missing = Chưa có: hãy điền phần cài đặt Nhanh.vn trước.
nhanh-ui-step-keys = Chép App ID và Secret Key vào phần cài đặt
nhanh-ui-step-keys-explain = Chép cả hai từ trang ứng dụng trên Nhanh.vn vào phần cài đặt Nhanh.vn của quầy, rồi lưu lại.
nhanh-ui-app-id =
    { $set ->
        [yes] App ID: đã nhập
       *[no] App ID: chưa nhập
    }
nhanh-ui-secret =
    { $set ->
        [yes] Secret Key: đã nhập
       *[no] Secret Key: chưa nhập
    }
nhanh-ui-open-settings = Mở phần cài đặt
nhanh-ui-step-grant = Cấp quyền truy cập
nhanh-ui-step-grant-explain = Chủ cửa hàng mở liên kết này, đăng nhập Nhanh.vn và đồng ý cấp quyền. Sau đó Nhanh.vn hiện một mã truy cập (access code).
nhanh-ui-oauth-missing = Liên kết sẽ có khi đã nhập App ID và Redirect URL.
nhanh-ui-open-oauth = Mở trong trình duyệt
nhanh-ui-step-code = Dán mã truy cập
nhanh-ui-step-code-explain = Dán mã truy cập vào đây rồi bấm Kết nối. Mã chỉ dùng được một lần.
nhanh-ui-access-code = Mã truy cập
nhanh-ui-connect = Kết nối
nhanh-ui-connecting = Đang kết nối…
nhanh-ui-connected = Đã kết nối với Nhanh.vn.
nhanh-ui-step-webhook = Khai báo webhook
nhanh-ui-step-webhook-explain = Trong phần cài đặt ứng dụng trên Nhanh.vn, nhập Webhook URL sau và đúng verify token như trong phần cài đặt của quầy, để đơn hàng về quầy ngay lập tức.
nhanh-ui-webhook-missing = Chưa có: hãy điền phần cài đặt Nhanh.vn trước.
nhanh-ui-webhook-token =
    { $set ->
        [yes] Verify token: đã nhập
       *[no] Verify token: chưa nhập
    }
nhanh-ui-step-sync = Thử với một sản phẩm
nhanh-ui-step-sync-explain = Tạo một sản phẩm thử trên Nhanh.vn rồi bấm Đồng bộ sản phẩm: sản phẩm đó phải hiện ở kết quả bên dưới và trong thực đơn.
nhanh-ui-sync = Đồng bộ sản phẩm
nhanh-ui-syncing = Đang đồng bộ…
nhanh-ui-sync-reading = Đang đọc sản phẩm từ Nhanh.vn…
nhanh-ui-sync-progress = Sản phẩm: { $done }/{ $total }
nhanh-ui-sync-items = { $count } món trong thực đơn
nhanh-ui-sync-categories = { $count } danh mục
nhanh-ui-sync-hidden = { $count } món bị ẩn
nhanh-ui-sync-sold-out = { $count } món hết hàng
nhanh-ui-skipped = { $count } sản phẩm bị bỏ qua
nhanh-ui-more = … và { $count } sản phẩm khác
nhanh-ui-status-title = Trạng thái kết nối
nhanh-ui-connected-state = Đã kết nối
nhanh-ui-not-connected = Chưa kết nối
nhanh-ui-business = Doanh nghiệp
nhanh-ui-depot = Kho
nhanh-ui-all-depots = Tất cả các kho
nhanh-ui-depots =
    { $count ->
       *[other] (các kho: { $list })
    }
nhanh-ui-menu-source = Thực đơn
nhanh-ui-menu-from =
    { $source ->
        [nhanh] Lấy từ Nhanh.vn
       *[hub] Lấy từ hub
    }
nhanh-ui-token = Quyền truy cập
nhanh-ui-token-ok = Còn hiệu lực đến { $date } (còn { $days } ngày)
nhanh-ui-token-warning = Hết hạn sau { $days } ngày ({ $date }): chủ cửa hàng phải cấp quyền lại trước thời điểm đó.
nhanh-ui-token-expired = Đã hết hạn từ { $date }: chủ cửa hàng phải cấp quyền lại.
nhanh-ui-products = Sản phẩm
nhanh-ui-products-count = { $count } sản phẩm, đồng bộ lần cuối: { $when }
nhanh-ui-sales = Đơn bán gửi sang Nhanh.vn
nhanh-ui-pending-sales = { $count } đơn đang chờ gửi
nhanh-ui-rejected-sales = { $count } đơn bị Nhanh.vn từ chối
nhanh-ui-orders = Đơn hàng online
nhanh-ui-open-orders = { $count } đơn đang mở
nhanh-ui-webhook = Webhook (thông báo đơn)
nhanh-ui-webhook-state =
    { $state ->
        [listening] Đang lắng nghe
        [down] Đã cấu hình nhưng không lắng nghe (địa chỉ đang bị dùng?)
       *[off] Tắt: đơn hàng và sản phẩm được lấy định kỳ
    }
nhanh-ui-webhook-last = Lần nhận gần nhất: { $when }
nhanh-ui-webhook-rejected = { $count } lần gửi bị từ chối
nhanh-ui-permissions = Quyền đã được cấp
nhanh-ui-missing = Thiếu { $count } quyền
nhanh-ui-missing-permission = { $permission }: { $job }
nhanh-ui-last-error = Lỗi gần nhất: { $message }
nhanh-ui-disconnect = Ngắt kết nối
nhanh-ui-disconnect-title = Ngắt kết nối Nhanh.vn?
nhanh-ui-disconnect-explain = Quầy sẽ ngừng đồng bộ với Nhanh.vn. Lịch sử (đơn bán đã gửi, đơn hàng) vẫn được giữ lại. Muốn kết nối lại, chủ cửa hàng phải cấp quyền lại.
nhanh-ui-disconnected = Đã ngắt kết nối Nhanh.vn. Lịch sử vẫn được giữ lại.
