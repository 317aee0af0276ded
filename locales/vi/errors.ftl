# Errors shown to people. Each id is a `code` the backend returns.

err-unknown-currency = Không rõ loại tiền tệ { $code }.
err-currency-mismatch = Số tiền tính bằng { $found }, nhưng quầy này dùng { $expected }.
err-amount-too-large = Số tiền quá lớn.
err-bad-amount = “{ $text }” không phải là số tiền.
err-too-many-decimals = “{ $text }” có quá nhiều chữ số thập phân: { $currency } chỉ cho phép { $digits }.
err-bad-quantity = Số lượng phải từ 1 đến { $max } (nhận được { $qty }).
err-unknown-item = Món { $id } không có trong thực đơn.
err-item-unavailable = { $name } đã hết hàng.
err-option-not-for-item = Tùy chọn { $option } không áp dụng cho { $item }.
err-duplicate-option = Tùy chọn { $option } bị chọn hai lần.
err-option-count = { $rule ->
        [exact] Hãy chọn đúng { $max } tùy chọn cho { $group } (đã chọn { $count }).
        [at-most] Hãy chọn tối đa { $max } tùy chọn cho { $group } (đã chọn { $count }).
       *[range] Hãy chọn từ { $min } đến { $max } tùy chọn cho { $group } (đã chọn { $count }).
    }
err-note-too-long = Ghi chú quá dài (tối đa { $max } ký tự).
err-unknown-line = Dòng này không còn trong đơn.
err-empty-cart = Đơn đang trống.
err-cash-too-low = Tiền khách đưa { $tendered } ít hơn số cần thanh toán { $due }.
err-tenders-do-not-add-up = Các khoản thanh toán cộng lại là { $paid } nhưng tổng đơn là { $total }.
err-already-voided = Đơn { $id } đã bị hủy trước đó.
err-void-of-void = Không thể hủy một phiếu hủy.
err-void-reason = Hãy nhập lý do hủy.
err-no-such-sale = Không có đơn { $id }.
err-store = Cơ sở dữ liệu của quầy bị lỗi: { $detail }
err-store-corrupt = Cơ sở dữ liệu của quầy chứa dữ liệu không nhất quán: { $detail }
err-menu-json = Tệp thực đơn không hợp lệ: { $detail }
err-menu-currency = Thực đơn được định giá bằng { $found }, nhưng quầy này dùng { $expected }.
err-menu-duplicate-id = Thực đơn liệt kê { $kind } “{ $id }” hai lần.
err-menu-unknown-category = Món { $item } thuộc danh mục { $category }, danh mục này không có trong thực đơn.
err-menu-unknown-group = Món { $item } dùng nhóm tùy chọn { $group }, nhóm này không có trong thực đơn.
err-menu-negative-price = { $kind } { $id } có giá âm.
err-menu-bad-min-max = Nhóm tùy chọn { $group } yêu cầu chọn từ { $min } đến { $max } trong { $count } tùy chọn của nhóm.
err-menu-bad-tax-rate = Món { $item } có thuế suất VAT { $rate } điểm cơ bản, nằm ngoài khoảng 0 đến 10000.
err-menu-empty-name = Một { $kind } có mã hoặc tên trống ({ $id }).
err-no-menu = Chưa có thực đơn. Hãy nhập thực đơn trước.
err-io = Không thể đọc hoặc ghi { $path }: { $detail }
err-bad-date = “{ $text }” không phải là ngày (YYYY-MM-DD).
err-bad-ring = “{ $text }” không phải là món hợp lệ để nhập (ITEM_ID[*QTY][+OPTION_ID...]).
err-bad-pay = “{ $text }” không phải là khoản thanh toán hợp lệ (cash[:AMOUNT]).
err-bad-locale = Không rõ ngôn ngữ { $tag }.
err-internal = Lỗi không mong muốn: { $detail }
err-background-busy = Công việc nền của quầy này (đồng bộ với máy chủ, webhook Viva) đang do { $what ->
    [window] cửa sổ Quay
    [sync-run] “quay sync run”
   *[other] một tiến trình khác
} thực hiện (pid { $pid }).
background-waiting = Đang chờ đến khi nó dừng…
err-config-key = { $key } không phải là cài đặt mà lệnh này được thay đổi. Các cài đặt: { $keys }.
err-config-value = “{ $value }” không phải là giá trị hợp lệ cho { $key }.
err-hub-not-configured = Chưa thiết lập kết nối với máy chủ (còn thiếu: { $missing }).
err-hub-network = Không kết nối được với máy chủ: { $detail }
err-hub-signature = Đã bỏ qua một phản hồi không được ký bởi máy chủ của quầy này.
err-hub-refused = Máy chủ đã từ chối yêu cầu ({ $status } { $code }): { $message }
err-hub-bad-answer = Không hiểu được phản hồi của máy chủ: { $detail }
err-menu-version-gap = Các thay đổi từ máy chủ ({ $from } → { $to }) không áp dụng được cho thực đơn phiên bản { $have } của quầy này.
err-menu-unknown-delete = Các thay đổi từ máy chủ xóa { $kind } { $id }, nhưng mục này không có trong thực đơn.
err-payment-transition = Thanh toán { $key } không thể chuyển từ { $from } sang { $to }.
err-payment-unresolved = Đơn { $sale } có một giao dịch thẻ chưa rõ kết quả: hãy xử lý giao dịch đó trước.
## Thẻ bị từ chối: lý do, rồi mã đúng như ngân hàng, máy POS hoặc Viva đưa ra
## ($code: "51", "Viva 10051", "ZVT 6E"); ngân hàng sẽ hỏi mã này.
decline-refer-to-issuer = Bị từ chối: ngân hàng phát hành thẻ yêu cầu gọi cho họ ({ $code }).
decline-invalid-merchant = Bị từ chối: ngân hàng phát hành thẻ không chấp nhận cửa hàng này; hãy gọi cho nhà cung cấp dịch vụ thanh toán ({ $code }).
decline-pick-up = Bị từ chối: ngân hàng phát hành thẻ yêu cầu giữ thẻ lại ({ $code }).
decline-do-not-honour = Ngân hàng phát hành thẻ từ chối giao dịch ({ $code }).
decline-invalid-transaction = Bị từ chối: giao dịch không hợp lệ ({ $code }).
decline-invalid-amount = Bị từ chối: số tiền không hợp lệ ({ $code }).
decline-invalid-card = Bị từ chối: số thẻ không hợp lệ ({ $code }).
decline-lost-stolen = Thẻ đã được báo mất hoặc bị đánh cắp: hãy giữ thẻ lại ({ $code }).
decline-insufficient-funds = Bị từ chối: số dư không đủ ({ $code }).
decline-expired-card = Bị từ chối: thẻ đã hết hạn ({ $code }).
decline-wrong-pin = Bị từ chối: sai mã PIN ({ $code }).
decline-pin-tries-exceeded = Bị từ chối: nhập sai mã PIN quá nhiều lần ({ $code }).
decline-not-permitted = Bị từ chối: thẻ không được phép thực hiện giao dịch này ({ $code }).
decline-over-limit = Bị từ chối: vượt hạn mức của thẻ ({ $code }).
decline-try-again = Tạm thời bị từ chối: ngân hàng phát hành thẻ yêu cầu thử lại ({ $code }).
decline-fraud-suspected = Bị từ chối: ngân hàng phát hành thẻ nghi ngờ gian lận ({ $code }).
decline-terminal-not-permitted = Bị từ chối: thiết bị thanh toán của cửa hàng không được phép thực hiện giao dịch này; hãy gọi ngân hàng ({ $code }).
decline-bad-cvv = Bị từ chối: sai mã bảo mật (CVV) ({ $code }).
decline-sca-required = Bị từ chối: ngân hàng phát hành thẻ yêu cầu nhập mã PIN; hãy cắm thẻ và thanh toán lại ({ $code }).
decline-issuer-unavailable = Không liên lạc được với ngân hàng phát hành thẻ: hãy thử lại hoặc dùng hình thức thanh toán khác ({ $code }).
decline-duplicate = Bị từ chối: giao dịch bị gửi trùng ({ $code }).
decline-system-error = Bị từ chối: lỗi hệ thống tại ngân hàng ({ $code }).
decline-viva-policy = Bị từ chối theo quy định thanh toán của Viva cho tài khoản này ({ $code }).
decline-code = Ngân hàng từ chối giao dịch ({ $code }).
decline-terminal-code = Máy POS từ chối thanh toán ({ $code }).
decline-no-code = Bị từ chối: không có mã lý do.
decline-code-and-bank = { $code }, mã ngân hàng { $bank }
decline-two-reasons = { $first } Ngân hàng phát hành thẻ cho biết: { $second }
err-card-amount = Không thể thanh toán thẻ { $amount }: số cần thanh toán là { $due }.
err-card-unknown = Chưa rõ kết quả từ máy POS cho giao dịch { $key }. Đừng quẹt thẻ lại: hệ thống sẽ hỏi máy POS.
err-card-cancelled = Giao dịch thẻ đã bị hủy.
err-terminal-not-configured = Máy POS thẻ chưa được cài đặt (thiếu: { $missing }).
err-terminal-port = Không mở được cổng { $port } của máy POS thẻ: { $detail }
err-terminal-registration = Máy POS thẻ từ chối đăng ký của quầy (mã { $code }): hãy kiểm tra mật khẩu ZVT và byte cấu hình trong phần cài đặt.
err-terminal-unanswered = Máy POS thẻ ở cổng { $port } không trả lời yêu cầu đăng ký: { $detail }
err-reason-required = Hãy nhập lý do.
err-payment-not-found = Không có giao dịch thẻ { $key }.
err-payment-final = Giao dịch thẻ { $key } đã được xử lý xong ({ $state }).
zvt-error-card-unreadable = Không đọc được thẻ: hãy thử lại ({ $code }).
zvt-error-card-data-missing = Thiếu dữ liệu thẻ: hãy thử lại hoặc dùng thẻ khác ({ $code }).
zvt-error-processing = Máy POS không xử lý được thẻ ({ $code }).
zvt-error-turnover-full = Bộ nhớ máy POS đã đầy: hãy chốt ca trên máy POS trước ({ $code }).
zvt-error-aborted = Đã hủy trên máy POS ({ $code }).
zvt-error-not-registered = Máy POS từ chối làm việc với quầy này: chưa đăng ký, và đăng ký lại cũng không được. Hãy kiểm tra mật khẩu máy POS trong phần cài đặt ({ $code }).
zvt-error-card-blocked = Thẻ đã bị khóa ({ $code }).
zvt-error-wrong-currency = Máy POS không nhận loại tiền này ({ $code }).
zvt-error-end-of-day-impossible = Máy POS chưa thể chốt ca lúc này ({ $code }).
zvt-error-card-expired = Thẻ đã hết hạn ({ $code }).
zvt-error-card-not-yet-valid = Thẻ chưa có hiệu lực ({ $code }).
zvt-error-card-unknown = Máy POS không nhận ra thẻ này ({ $code }).
zvt-error-communication = Máy POS không kết nối được với ngân hàng ({ $code }).
zvt-error-not-possible = Máy POS không thể thực hiện việc này lúc này ({ $code }).
zvt-error-protocol = Máy POS không hiểu lệnh từ quầy: lỗi giao thức ({ $code }).
zvt-error-busy = Máy POS đang bận: hãy chờ một lát rồi thử lại ({ $code }).
zvt-error-system = Máy POS báo lỗi hệ thống ({ $code }).
err-auth-pin-format = Mã PIN gồm { $min } đến { $max } chữ số.
err-auth-wrong-pin = Sai mã PIN.
err-auth-locked = Nhập sai PIN quá nhiều lần. Hãy thử lại sau { $minutes } phút.
err-auth-not-allowed = { $role ->
    [cashier] Thu ngân
    [manager] Quản lý
   *[technician] Kỹ thuật viên
} không được làm việc này ({ staff-action }).
err-auth-pin-in-use = Mã PIN này đã có người dùng. Hãy chọn mã khác.
err-auth-bad-name = Cần một tên dài từ 1 đến { $max } ký tự.
err-auth-session-expired = Đã đăng xuất sau { $minutes } phút không hoạt động.
err-auth-no-such-staff = Không có nhân viên { $id }.
err-auth-last-technician = Không thể vô hiệu hóa kỹ thuật viên cuối cùng còn hoạt động.
err-audit-broken = Nhật ký kiểm tra bị hỏng tại mục { $seq } ({ $reason }).
err-auth-pin-required = Việc này cần mã PIN ({ staff-action }).
err-auth-signed-out = Hãy đăng nhập bằng mã PIN trước.
err-auth-first-technician = Nhân viên đầu tiên của quầy phải là kỹ thuật viên.
err-voucher-used = Phiếu quà tặng { $code } đã được sử dụng.
err-voucher-expired = Phiếu quà tặng { $code } đã hết hạn.
err-voucher-not-found = Không có voucher { $code } ở đối tác này.
err-voucher-wrong-store = Phiếu quà tặng { $code } không dùng được ở cửa hàng này.
err-voucher-inactive = Phiếu quà tặng { $code } chưa được kích hoạt hoặc đã bị vô hiệu hóa.
err-voucher-min-spend = Phiếu quà tặng { $code } chỉ áp dụng cho hóa đơn từ { $min }.
err-voucher-currency = Phiếu quà tặng { $code } tính bằng { $voucher }; hóa đơn này tính bằng { $sale }.
err-voucher-nothing-due = Hóa đơn này không còn gì phải trả.
err-voucher-no-value = Phiếu quà tặng { $code } không có giá trị cho hóa đơn này.
err-voucher-bad-code = “{ $code }” không phải là mã voucher.
err-voucher-unavailable = { $partner ->
    [momo] MoMo
   *[giftpop] GiftPop
} không phản hồi. Hãy thử lại sau ít phút hoặc nhận cách thanh toán khác.
err-voucher-offline = Đang ngoại tuyến: hiện không kiểm tra được voucher. Hãy nhận cách thanh toán khác.
err-voucher-conflict = Phiếu quà tặng { $code } vừa được dùng ở nơi khác, hoặc yêu cầu đổi không khớp. Hãy kiểm tra lại voucher.
err-voucher-twice = Phiếu quà tặng { $code } đã có trong hóa đơn này.
err-pay-short = Còn thiếu { $due }: hãy thêm cách thanh toán khác.
err-backup-passphrase = Mật khẩu sao lưu cần ít nhất { $min } ký tự.
err-backup-unreadable = Đây không phải bản sao lưu Quay, tệp bị hỏng, hoặc sai mật khẩu.
err-backup-target = { $dir } đã có dữ liệu quầy: hãy khôi phục vào một thư mục trống.
err-backup-io = Không ghi hoặc đọc được bản sao lưu: { $detail }
