# The counter's screens. Money and dates arrive already formatted for the locale.

app-title = Quay
nav-register = Bán hàng
nav-sales = Đơn hàng hôm nay
locale-label = Ngôn ngữ
menu-version = Thực đơn v{ $version }
menu-missing = Chưa có thực đơn: hãy nhập thực đơn hoặc đồng bộ với máy chủ.

## Register
search-placeholder = Tìm: tên, SKU hoặc mã vạch
search-clear = Xóa tìm kiếm
search-no-results = Không tìm thấy “{ $query }”
category-all = Tất cả
item-sold-out = Hết hàng
item-has-options = Tùy chọn

## Cart
cart-title = Đơn hiện tại
cart-empty = Chạm vào một món để bắt đầu đơn.
cart-items =
    { $count ->
       *[other] { $count } món
    }
cart-qty-decrease = Giảm số lượng
cart-qty-increase = Tăng số lượng
cart-edit = Tùy chọn
cart-note = Ghi chú
cart-remove = Xóa
cart-clear = Xóa đơn
total-label = Tổng cộng
vat-line = Đã gồm VAT { $rate }: { $amount }
pay-cash = Tiền mặt

## Options and note dialog
options-add = Thêm vào đơn
options-save = Lưu
options-pick-one = Chọn một
options-pick-range = Chọn từ { $min } đến { $max }
options-pick-up-to = Tối đa { $max }
qty-label = Số lượng
note-label = Ghi chú
note-placeholder = VD: ít đá
cancel = Hủy
close = Đóng

## Cash
cash-title = Thanh toán tiền mặt
cash-due = Cần thanh toán
cash-tendered = Khách đưa
cash-change = Tiền thừa
cash-short = Thiếu { $amount }
cash-exact = Vừa đủ
cash-clear = Xóa
cash-backspace = Xóa chữ số cuối
cash-confirm = Hoàn tất đơn

## File picker (a translated button for the file input)
file-choose = Chọn tệp…
file-none = Chưa chọn tệp

## Receipt preview
receipt-title = Hóa đơn
new-sale = Đơn mới
receipt-print = In hóa đơn
receipt-reprint = In lại hóa đơn
receipt-printing = Đang in…
receipt-printed = Hóa đơn { $receipt } đã được lưu để in: { $path }

## Sales today
sales-title = Đơn hàng hôm nay
sales-empty = Hôm nay chưa có đơn nào.
sales-summary = { $count ->
       *[other] { $count } đơn
    }, { $amount }
sales-col-receipt = Hóa đơn
sales-col-time = Giờ
sales-col-total = Tổng
sales-col-status = Trạng thái
sale-status-closed = Hoàn tất
sale-status-voided = Đã hủy
sale-status-void = Phiếu hủy
sales-view = Hóa đơn
sales-void = Hủy

## Void
void-title = Hủy đơn { $receipt }
void-reason-label = Lý do
void-reason-placeholder = VD: nhầm món
void-confirm = Xác nhận hủy đơn
void-done = Đã hủy đơn { $receipt }.

## Messages
sale-closed = Đã hoàn tất đơn { $receipt }. Tiền thừa: { $change }
error-title = Đã xảy ra lỗi

## Hub sync
nav-hub = Máy chủ
sync-pending =
    { $count ->
       *[other] { $count } đơn chờ gửi từ { $since }
    }
sync-all-sent = Đã gửi hết các đơn
sync-now = Đồng bộ ngay
sync-progress-menu = Đang cập nhật thực đơn…
sync-progress-sales = Đang gửi đơn: { $done }/{ $total }
menu-updated = Đã cập nhật thực đơn lên phiên bản { $version }.
cart-line-removed = Không còn trong thực đơn
cart-line-unavailable = Vừa hết hàng
hub-title = Kết nối máy chủ
hub-menu-title = Đồng bộ thực đơn
hub-menu-counter = Quầy này
hub-menu-hub = Máy chủ
hub-menu-version = Phiên bản
hub-menu-hash = Mã băm nội dung
hub-in-sync = Thực đơn của quầy giống với thực đơn trên máy chủ.
hub-out-of-sync = Thực đơn của quầy khác với thực đơn trên máy chủ.
hub-diff-added = Mới thêm trên máy chủ
hub-diff-changed = Đã sửa trên máy chủ
hub-diff-removed = Đã xóa trên máy chủ
hub-check = So sánh với máy chủ
hub-outbox-title = Đơn chờ gửi lên máy chủ
hub-last-error = Lần thử gần nhất: { $message }
hub-rejected-title = Đơn bị máy chủ từ chối
hub-rejected-none = Không có.

## Card
pay-card = Thẻ
card-title = Thanh toán thẻ
card-follow = Làm theo hướng dẫn trên máy POS.
card-amount = Số tiền trả bằng thẻ
card-amount-hint = Để trống để thanh toán toàn bộ số tiền cần trả ({ $amount }).
card-approved = Thẻ đã được chấp nhận. Đơn { $receipt } đã hoàn tất.
card-remaining = Thẻ đã được chấp nhận. Còn phải trả: { $amount }
card-retry = Thử lại

## What the card terminal shows
zvt-status-confirm-amount = Xác nhận số tiền trên máy POS
zvt-status-enter-pin = Nhập mã PIN
zvt-status-waiting-host = Đang chờ ngân hàng…
zvt-status-auto-reversal = Tự động hoàn giao dịch
zvt-status-card-refused = Thẻ không được chấp nhận
zvt-status-card-expired = Thẻ đã hết hạn
zvt-status-insert-card = Cắm, chạm hoặc quẹt thẻ
zvt-status-remove-card = Rút thẻ ra
zvt-status-card-unreadable = Không đọc được thẻ
zvt-status-wait = Vui lòng chờ…
zvt-status-wrong-pin = Sai mã PIN
zvt-status-pin-tries = Đã nhập sai PIN quá số lần cho phép
zvt-status-approved = Đã chấp nhận
zvt-status-declined = Bị từ chối
zvt-status-other = Máy POS đang bận
viva-order-sent = Đã gửi đơn: nhấn F1 trên máy POS
audit-verified = Nhật ký kiểm tra còn nguyên vẹn: { $count } mục.

## Staff and sign-in
nav-staff = Kỹ thuật viên
sign-out = Đăng xuất
staff-role =
    { $role ->
        [cashier] Thu ngân
        [manager] Quản lý
       *[technician] Kỹ thuật viên
    }
pin-backspace = Xóa chữ số cuối
pin-clear = Xóa
signin-title = Đăng nhập
signin-hint = Nhập mã PIN bằng bàn phím số trên màn hình hoặc bàn phím.
signin-pin-label = Mã PIN
signin-submit = Đăng nhập
signin-checking = Đang kiểm tra…
firstrun-banner = Thiết lập: chưa có nhân viên — hãy thêm kỹ thuật viên đầu tiên.
firstrun-open = Thêm kỹ thuật viên đầu tiên
firstrun-explain = Cho đến lúc đó, máy bán hàng hoạt động không cần đăng nhập. Khi đã có kỹ thuật viên, mọi người đều đăng nhập bằng mã PIN.
firstrun-done = Đã thêm kỹ thuật viên { $name }. Hãy đăng nhập bằng mã PIN.
staff-add-title = Thêm nhân viên
staff-add-open = Thêm nhân viên
staff-add-submit = Thêm
staff-name-label = Tên
staff-role-label = Vai trò
staff-pin-label = Mã PIN
staff-pin2-label = Nhập lại mã PIN
staff-pin-hint = Chỉ gồm chữ số. Chỉ người này được biết.
staff-pin-mismatch = Hai mã PIN không giống nhau.
staff-name-missing = Cần nhập tên.
staff-pin-missing = Cần nhập mã PIN.
staff-added = Đã thêm { $name }.
staff-action =
    { $action ->
        [ring-sale] Bán hàng
        [view-sales] Xem đơn hàng và hóa đơn hôm nay
        [approve-void] Duyệt hủy đơn
        [approve-refund] Duyệt hoàn tiền
        [close-day] Chốt ca cuối ngày
        [reconcile] Đối soát thanh toán
        [manual-bank-entry] Nhập tay khoản thanh toán ngân hàng
        [settle-payment] Xử lý tay thanh toán thẻ
        [open-drawer] Mở ngăn kéo tiền khi không có giao dịch
        [configure-settings] Thay đổi cài đặt của máy
        [test-connection] Kiểm tra kết nối
        [manage-staff] Thêm và quản lý nhân viên
       *[other] { $action }
    }
tech-title = Kỹ thuật viên: { $name }
tech-explain = Kỹ thuật viên thiết lập máy bán hàng: nhân viên, cài đặt và kết nối. Kỹ thuật viên không bán hàng.
tech-may-title = Những việc bạn được làm ở đây
approver-pin-label = Mã PIN của quản lý
void-approver-hint = Quản lý duyệt hủy đơn bằng cách nhập mã PIN của mình tại đây.

## Card payments not settled
open-payments-badge =
    { $count ->
       *[other] { $count } thanh toán thẻ chưa xử lý xong
    }
open-payments-title = Thanh toán thẻ chưa xử lý xong
open-payments-explain = Máy không biết các thẻ này đã bị trừ tiền hay chưa (sau sự cố hoặc mất phản hồi). Trước hết hãy hỏi lại máy POS thẻ. Tuyệt đối không quẹt thẻ lần nữa.
open-payments-none = Không có thanh toán thẻ nào đang chờ.
open-payments-resolve = Hỏi lại máy POS thẻ
open-payments-asking = Đang hỏi máy POS thẻ…
open-payments-still-unknown = Máy POS thẻ chưa trả lời được. Hãy thử lại, hoặc xử lý bằng tay.
open-payments-all-settled = Mọi thanh toán thẻ đã được xử lý xong.
open-payments-some-settled =
    { $count ->
       *[other] Đã xử lý xong { $count } thanh toán thẻ.
    }
open-payment-state =
    { $state ->
        [pending] Chưa gửi đến máy POS thẻ
        [sent] Đã gửi đến máy POS thẻ, chưa có phản hồi
        [paid_unused] Khách trả sau khi thu ngân ngừng chờ: cần hoàn tiền
       *[unknown] Chưa rõ kết quả
    }
open-payment-terminal =
    { $terminal ->
        [zvt] Máy POS thẻ ZVT
        [viva] Máy POS thẻ Viva
        [momo] MoMo
        [zalopay] ZaloPay
        [vnpay] VNPAY-QR
       *[other] { $terminal }
    }
open-payment-settle = Xử lý bằng tay
open-payment-refund = Hoàn tiền
refund-unused-title = Hoàn { $amount } cho khách
refund-unused-explain = Khách đã trả bằng ví sau khi thu ngân ngừng chờ, và đơn đã được thanh toán bằng cách khác. Tiền được hoàn qua chính ví đó.
refund-unused-confirm = Hoàn tiền
settle-title = Xử lý bằng tay khoản { $amount }
settle-explain = Hãy xem máy POS thẻ và biên lai cuối cùng. Thẻ đã bị trừ tiền chưa?
settle-outcome = Kết quả
settle-charged = Đã trừ tiền
settle-not-charged = Chưa trừ tiền
settle-reason-label = Lý do
settle-reason-placeholder = vd. biên lai ghi đã duyệt
settle-confirm = Xác nhận

## Vouchers (MoMo, GiftPop)
pay-voucher = Phiếu quà tặng
voucher-title = Thanh toán bằng phiếu quà tặng
voucher-partner-label = Đối tác
voucher-partner =
    { $partner ->
        [momo] MoMo
        [giftpop] GiftPop
       *[other] { $partner }
    }
voucher-code-label = Mã phiếu
voucher-code-placeholder = Quét hoặc nhập mã
voucher-check = Kiểm tra
voucher-apply = Áp dụng
voucher-asking = Đang hỏi máy chủ…
voucher-status =
    { $status ->
        [valid] Hợp lệ
        [used] Đã sử dụng
        [expired] Đã hết hạn
        [not_found] Không tìm thấy
        [wrong_store] Không áp dụng tại cửa hàng này
        [inactive] Chưa kích hoạt
       *[other] { $status }
    }
voucher-value = Giá trị
voucher-percent = Giảm { $percent }
voucher-min-spend = Đơn tối thiểu
voucher-expires = Hết hạn
voucher-conditions = Điều kiện
voucher-applies = Trả cho đơn này
voucher-apply-hint = Nhấn Enter lần nữa hoặc chạm Áp dụng để dùng.
voucher-refused = Không dùng được cho đơn này
voucher-applied = Đã áp dụng phiếu quà tặng. Còn phải trả: { $due }
voucher-remove = Gỡ phiếu { $code }
voucher-removed = Đã gỡ phiếu { $code }.
voucher-covers = Phiếu quà tặng trả toàn bộ đơn.
voucher-close-sale = Hoàn tất đơn
payment-card-paid = Đã trả bằng thẻ
payment-due = Còn phải trả
backup-written = Đã ghi bản sao lưu mã hóa vào { $file }.
backup-restored = Đã khôi phục quầy vào { $dir }.

## Settings and connection tests (technician)
settings-title = Cài đặt
settings-explain = Mỗi nhóm được lưu riêng. Nếu một giá trị bị từ chối thì cả nhóm không được lưu: hãy sửa lại rồi lưu lần nữa.
settings-loading = Đang tải cài đặt…
settings-reload = Thử lại
settings-save = Lưu
settings-saving = Đang lưu…
settings-reset = Hoàn tác thay đổi
settings-unsaved =
    { $count ->
       *[other] { $count } thay đổi chưa lưu
    }
setting-not-set = (chưa đặt)
setting-secret-set = •••••••• (đã đặt)
setting-secret-keep = Để trống để giữ giá trị hiện tại.
setting-on = Bật
setting-off = Tắt
setting-choice =
    { $choice ->
        [zvt] ZVT (cáp)
        [viva] Viva (đám mây)
       *[other] { $choice }
    }
connect-test = Kiểm tra kết nối
connect-testing = Đang kiểm tra…
connect-wait = Đang kết nối thật: có thể mất vài giây.
connect-unsaved = Bài kiểm tra dùng cài đặt đã lưu: hãy lưu thay đổi trước.
connect-step-ms = { $ms } mili giây
connect-pdf-label = Báo cáo để in (PDF):

## Day-end (managers). Section and column labels come from dayend.ftl (dayend-*).
nav-dayend = Chốt ngày
dayend-ui-title = Chốt ngày
dayend-ui-date = Ngày kinh doanh
dayend-ui-reload = Làm mới
dayend-ui-loading = Đang tải…
dayend-ui-wait = Việc này có thể mất vài giây.
dayend-ui-tender =
    { $tender ->
        [cash] Tiền mặt
        [card] Thẻ
        [voucher] Phiếu quà tặng
        [wallet] Ví điện tử
       *[other] { $tender }
    }
dayend-ui-terminal-title = Lô của máy POS
dayend-ui-terminal-explain = Máy POS chốt lô trong ngày và quầy so sánh từng thương hiệu thẻ với các khoản thanh toán thẻ của mình.
dayend-ui-terminal-run = Chốt lô máy POS
dayend-ui-terminal-running = Đang chốt lô tại máy POS…
dayend-ui-terminal-agrees = Lô của máy POS khớp với quầy.
dayend-ui-batch-closed = Lô được chốt bởi { $name } lúc { $at }
dayend-ui-terminal-receipts = Hóa đơn { $from }–{ $to }
dayend-ui-bank-preset = Định dạng tệp
dayend-ui-preset =
    { $preset ->
        [generic] CSV chung
        [viva] Viva Wallet
       *[other] { $preset }
    }
dayend-ui-preset-new = Tạo mẫu cho tệp của ngân hàng mới…
dayend-ui-preset-saved = Đã lưu mẫu “{ $name }”.
dayend-ui-preset-title = Tạo mẫu cho tệp của ngân hàng mới
dayend-ui-preset-explain = Chọn một tệp lô giao dịch của ngân hàng mới. Quay đoán cột nào chứa thông tin gì: hãy kiểm tra từng trường, thử mẫu trên tệp rồi lưu lại với một tên.
dayend-ui-preset-file = Tệp lô giao dịch của ngân hàng (CSV)
dayend-ui-preset-reading = Đang đọc tệp…
dayend-ui-preset-rows =
    { $count ->
       *[other] Tệp có { $count } dòng
    }
dayend-ui-preset-delimiter = Các cột được phân cách bằng
dayend-ui-preset-delimiter-option =
    { $delimiter ->
        [comma] Dấu phẩy (,)
        [semicolon] Dấu chấm phẩy (;)
        [tab] Ký tự tab
        [pipe] Dấu gạch đứng (|)
       *[other] { $delimiter }
    }
dayend-ui-preset-header = Dòng đầu tiên chứa tên các cột
dayend-ui-preset-col-field = Trường
dayend-ui-preset-col-column = Cột trong tệp
dayend-ui-preset-field =
    { $field ->
        [transaction_id] Mã giao dịch
        [merchant_reference] Mã tham chiếu của cửa hàng
        [order_code] Mã đơn hàng
        [merchant_id] Mã cửa hàng (MID)
        [terminal_id] Mã máy POS (TID)
        [date_time] Ngày giờ
        [scheme] Loại thẻ
        [masked_pan] Số thẻ (đã che)
        [amount] Số tiền
        [currency] Loại tiền
        [auth_code] Mã chuẩn chi
        [rrn] Số tham chiếu truy xuất (RRN)
        [stan] Số theo dõi (STAN)
        [kind] Loại giao dịch
       *[other] { $field }
    }
dayend-ui-preset-required = bắt buộc
dayend-ui-preset-not-in-file = — không có trong tệp này —
dayend-ui-preset-column = Cột { $number }
dayend-ui-preset-column-option = { $name } — { $examples }
dayend-ui-preset-no-currency = Không có cột loại tiền: mọi dòng đều tính theo loại tiền của quầy.
dayend-ui-preset-no-kind = Không có cột loại giao dịch: số tiền âm là hoàn tiền, còn lại là bán hàng.
dayend-ui-preset-amount = Cách ghi số tiền
dayend-ui-preset-amount-option =
    { $format ->
        [decimal-dot] Dùng dấu chấm thập phân (12.50)
        [decimal-comma] Dùng dấu phẩy thập phân (12,50)
        [minor] Theo đơn vị nhỏ nhất, không có dấu phân cách (1250 cho 12.50)
       *[other] { $format }
    }
dayend-ui-preset-date = Cách ghi ngày giờ
dayend-ui-preset-date-option =
    { $format ->
        [iso8601] ISO 8601 kèm múi giờ (2026-11-21T19:45:03+07:00)
       *[pattern] Theo một khuôn dạng riêng
    }
dayend-ui-preset-pattern = Khuôn dạng
dayend-ui-preset-pattern-help = %d ngày, %m tháng, %Y năm, %H giờ, %M phút, %S giây; ví dụ %d/%m/%Y %H:%M
dayend-ui-preset-pattern-example = Trong tệp này: { $example }
dayend-ui-preset-pattern-empty = Hãy nhập khuôn dạng của ngày giờ.
dayend-ui-preset-offset = Chênh lệch so với UTC (±HH:MM)
dayend-ui-preset-offset-bad = Hãy ghi chênh lệch so với UTC dạng +07:00 hoặc -03:30.
dayend-ui-preset-separator-clash = Trong tệp phân cách cột bằng dấu phẩy, số tiền không thể dùng dấu phẩy thập phân.
dayend-ui-preset-types = Ý nghĩa các giá trị của “{ $column }”
dayend-ui-preset-types-none = Cột này trống trong tệp.
dayend-ui-preset-type-unmapped = — chưa có ý nghĩa —
dayend-ui-preset-types-open =
    { $count ->
       *[other] Còn { $count } giá trị chưa có ý nghĩa: các dòng có giá trị đó sẽ bị từ chối khi nhập.
    }
dayend-ui-preset-types-more = Tệp có nhiều giá trị hơn số hiển thị ở đây. Giá trị chưa có ý nghĩa sẽ bị từ chối khi nhập, kèm số dòng và tên cột.
dayend-ui-preset-missing = Hãy chọn cột cho: { $fields }
dayend-ui-preset-name = Tên mẫu
dayend-ui-preset-name-placeholder = Ví dụ: tên ngân hàng
dayend-ui-preset-name-exists = Đã có mẫu “{ $name }”: lưu sẽ thay thế mẫu đó.
dayend-ui-preset-try = Thử trên tệp này
dayend-ui-preset-trying = Đang đọc tệp với mẫu này…
dayend-ui-preset-preview-lines =
    { $count ->
       *[other] Mẫu đọc được { $count } dòng.
    }
dayend-ui-preset-preview-first = Các dòng đầu tiên
dayend-ui-preset-preview-stale = Mẫu đã thay đổi: hãy thử lại.
dayend-ui-preset-col-line = Dòng
dayend-ui-preset-col-kind = Loại
dayend-ui-preset-col-auth = Mã chuẩn chi
dayend-ui-preset-save = Lưu mẫu
dayend-ui-preset-saving = Đang lưu mẫu…
dayend-ui-bank-file = Tệp ngân hàng (CSV)
dayend-ui-bank-import = Nhập và đối soát
dayend-ui-bank-importing = Đang đọc tệp ngân hàng…
dayend-ui-bank-read-error = Không đọc được tệp “{ $file }”.
dayend-ui-bank-imported =
    Đã nhập { $new ->
       *[other] { $new } dòng mới
    } trong số { $lines } dòng của tệp.
dayend-ui-bank-already = Tệp này đã được nhập trước đó: không có gì mới.
dayend-ui-bank-import-row = { $file } ({ $preset }): { $lines } dòng, { $new } mới, bởi { $name } lúc { $at }
dayend-ui-bank-declined =
    { $count ->
       *[other] Bỏ qua { $count } giao dịch bị từ chối.
    }
dayend-ui-filter-all = Tất cả các dòng
dayend-ui-filter-open = Chỉ các dòng cần kiểm tra
dayend-ui-col-time = Giờ
dayend-ui-col-matched = Khớp với
dayend-ui-kind =
    { $kind ->
        [sale] Bán hàng
        [refund] Hoàn tiền
        [fee] Phí
        [chargeback] Bồi hoàn
       *[other] { $kind }
    }
dayend-ui-rule =
    { $rule ->
        [reference] theo mã tham chiếu
        [terminal_auth] theo máy POS và mã chuẩn chi
        [amount_window] theo số tiền và thời gian
        [manual] thủ công
       *[other] { $rule }
    }
dayend-ui-candidates = Có thể là: { $list }
dayend-ui-note = Ghi chú: { $note }
dayend-ui-duplicate-of = Ngân hàng liệt kê hai lần, giống { $item }. Chỉ tính một lần: hãy báo cho ngân hàng.
dayend-ui-item-bank = Dòng ngân hàng { $line } · { $amount } · { $when }
dayend-ui-item-counter = Hóa đơn { $receipt } · { $brand } · { $amount } · { $when }
dayend-ui-settle-link = Liên kết
dayend-ui-settle-next = Lô sau
dayend-ui-settle-enter = Nhập thủ công
dayend-ui-settle-link-bank-title = Liên kết dòng ngân hàng này với một khoản thanh toán tại quầy
dayend-ui-settle-link-counter-title = Liên kết khoản thanh toán tại quầy này với một dòng ngân hàng
dayend-ui-settle-next-title = Khoản thanh toán này sẽ nằm trong lô sau
dayend-ui-settle-next-explain = Ngân hàng sẽ thanh toán khoản này trong một lô sau. Khi đó sẽ được kiểm tra lại.
dayend-ui-settle-enter-title = Nhập thủ công dòng ngân hàng này
dayend-ui-settle-enter-explain = Giao dịch được thực hiện ngoài Quay. Việc nhập được ghi lại cùng tên và lý do của bạn.
dayend-ui-settle-other = Liên kết với
dayend-ui-settle-other-none = Bên kia không còn mục nào mở để liên kết.
dayend-ui-settle-reason = Lý do
dayend-ui-settle-reason-optional = Lý do (không bắt buộc)
dayend-ui-settle-reason-placeholder = vd. tiền tip thêm trên máy POS
dayend-ui-settle-done = Đã lưu.
dayend-ui-report-title = Báo cáo chốt ngày
dayend-ui-report-run = Tạo báo cáo (PDF và CSV)
dayend-ui-report-running = Đang tạo báo cáo…
dayend-ui-report-pdf = PDF:
dayend-ui-report-csv = CSV (bảng tính):
dayend-ui-close-title = Chốt ngày
dayend-ui-close-explain = Đếm tiền mặt trong ngăn kéo và nhập vào. Mỗi ngày chỉ chốt một lần: không thể hoàn tác.
dayend-ui-cash-placeholder = Số tiền
dayend-ui-close-reason = Lý do chênh lệch
dayend-ui-close-reason-placeholder = vd. thối nhầm tiền
dayend-ui-close-run = Chốt ngày…
dayend-ui-close-confirm-title = Chốt ngày { $date }?
dayend-ui-close-confirm-text = Không thể hoàn tác việc chốt ngày.
dayend-ui-close-confirm = Chốt ngày
dayend-ui-closed = Ngày { $date } đã được chốt.

## The date field: a day in the app language's order, month by name, and buttons for the
## day before, the day after and today.
date-field-previous = Ngày trước
date-field-next = Ngày sau
date-field-today = Hôm nay
date-field-day = Ngày
date-field-month = Tháng
date-field-year = Năm

## Quản lý hoàn một phần khoản thanh toán ví, từ danh sách đơn trong ngày: một phần số tiền
## khách đã trả được hoàn qua chính ví đó; đơn vẫn giữ nguyên.
sales-refund-part = Hoàn một phần ({ $wallet })…
refund-part-title = Hoàn một phần khoản thanh toán { $wallet }, hóa đơn { $receipt }
refund-part-explain = Số tiền được hoàn cho khách qua { $wallet }. Đơn vẫn giữ nguyên: muốn hoàn toàn bộ, hãy hủy đơn.
refund-part-paid = Đã trả
refund-part-left = Còn có thể hoàn
refund-part-amount-label = Số tiền hoàn
refund-part-amount-placeholder = Số tiền
refund-part-amount-hint = Tối đa { $left }.
refund-part-reason-label = Lý do
refund-part-reason-placeholder = VD: khách trả lại món
refund-part-approver-hint = Quản lý duyệt hoàn tiền bằng cách nhập mã PIN của mình tại đây.
refund-part-confirm = Hoàn tiền
refund-part-confirm-amount = Hoàn { $amount }
refund-part-refunding = Đang hoàn tiền…
refund-part-state =
    { $state ->
        [approved] Đã duyệt hoàn tiền
        [declined] Hoàn tiền bị từ chối
        [unknown] Chưa rõ kết quả
       *[other] Đã gửi yêu cầu hoàn tiền
    }
refund-part-done = { $amount } được hoàn cho khách qua { $wallet }.
