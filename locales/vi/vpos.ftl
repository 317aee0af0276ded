# POS ảo của ngân hàng trên các màn hình của quầy (issue 17): định nghĩa của kỹ thuật viên,
# thanh toán qua điện thoại và liên kết thanh toán (thu ngân, quản lý), nhật ký trong ngày
# và phần cuối ngày. Mã: vpos-ui-*.

## Dùng chung.
vpos-ui-loading = Đang tải…
vpos-ui-reload = Tải lại
vpos-ui-working = Đang xử lý…
vpos-ui-save = Lưu
vpos-ui-saving = Đang lưu…
vpos-ui-cancel-form = Hủy
vpos-ui-keep = Giữ lại
vpos-ui-done = Xong
vpos-ui-back = Về màn hình bán hàng
vpos-ui-none = Không có
vpos-ui-kind =
    { $kind ->
        [nestpay] NestPay (EST)
        [garanti] Garanti BBVA (GVPS)
        [posnet] PosNet (Yapı Kredi)
       *[other] { $kind }
    }
vpos-ui-mode =
    { $mode ->
        [production] Thật
       *[test] Thử nghiệm
    }
vpos-ui-three-d =
    { $three_d ->
        [required] Bắt buộc 3-D Secure
       *[optional] 3-D Secure tùy chọn
    }
vpos-ui-state =
    { $state ->
        [pending] Đang chờ
        [sent] Đã gửi ngân hàng
        [approved] Được chấp nhận
        [declined] Bị từ chối
        [unknown] Mất phản hồi
        [cancelled] Đã hủy
       *[other] { $state }
    }

## Định nghĩa của kỹ thuật viên.
vpos-ui-def-open = POS ảo
vpos-ui-def-title = Định nghĩa POS ảo
vpos-ui-def-explain = Mỗi ngân hàng mà quán nhận thanh toán thẻ qua điện thoại hoặc liên kết thanh toán: cổng kết nối, địa chỉ, thông tin xác thực và IP tĩnh mà ngân hàng yêu cầu. Các mã bí mật được lưu mã hóa và không bao giờ hiển thị.
vpos-ui-def-add = Thêm POS ảo
vpos-ui-def-empty = Chưa có POS ảo nào.
vpos-ui-def-add-title = POS ảo mới
vpos-ui-def-edit-title = Sửa { $name }
vpos-ui-def-edit = Sửa
vpos-ui-def-remove = Xóa
vpos-ui-def-remove-title = Xóa { $name }?
vpos-ui-def-remove-explain = Các giao dịch của nó vẫn còn trong nhật ký. Thanh toán qua điện thoại và liên kết qua ngân hàng này sẽ dừng cho đến khi được định nghĩa lại.
vpos-ui-def-removed = Đã xóa { $name }.
vpos-ui-def-added = Đã thêm { $name }.
vpos-ui-def-saved = Đã lưu { $name }.
vpos-ui-def-name = Tên
vpos-ui-def-kind = Cổng ngân hàng
vpos-ui-def-mode = Môi trường
vpos-ui-def-api-url = Địa chỉ API
vpos-ui-def-gate-url = Địa chỉ cổng 3-D (liên kết thanh toán)
vpos-ui-def-currency = Tiền tệ
vpos-ui-def-three-d = 3-D Secure
vpos-ui-def-static-ip = IP tĩnh đã báo cho ngân hàng
vpos-ui-def-updated = Sửa lần cuối
vpos-ui-def-credentials = Thông tin xác thực cho { $kind }
vpos-ui-def-secret-keep = Để trống để giữ nguyên
vpos-ui-def-secret-explain = Mã bí mật để trống sẽ giữ mã đã lưu.
vpos-ui-def-not-implemented = { $kind }: có thể lưu thông tin xác thực, nhưng chưa thể thanh toán qua cổng này.
vpos-ui-def-missing = Còn { $count } trường cần nhập.
vpos-ui-field-client-id = Client ID (mã khách hàng)
vpos-ui-field-username = Tên người dùng API
vpos-ui-field-password = Mật khẩu API
vpos-ui-field-store-key = Khóa cửa hàng (store key)
vpos-ui-field-merchant-id = Mã người bán (Merchant ID)
vpos-ui-field-terminal-id = Mã thiết bị (Terminal ID)
vpos-ui-field-prov-user = Người dùng cấp phép (PROVAUT)
vpos-ui-field-prov-password = Mật khẩu cấp phép
vpos-ui-field-refund-user = Người dùng hoàn tiền (PROVRFN)
vpos-ui-field-refund-password = Mật khẩu hoàn tiền
vpos-ui-field-posnet-id = Mã PosNet

## Thanh toán qua điện thoại (MOTO) và liên kết thanh toán.
vpos-ui-phone-button = Thanh toán qua điện thoại
vpos-ui-phone-title = Thanh toán thẻ qua điện thoại
vpos-ui-phone-none = Chưa có POS ảo nào: kỹ thuật viên cần thêm trước.
vpos-ui-phone-definition = Ngân hàng
vpos-ui-phone-what = Thanh toán cho
vpos-ui-phone-sale = Đơn đang bán
vpos-ui-phone-amount-choice = Một số tiền (đặt cọc)
vpos-ui-phone-due = Số tiền cần trả
vpos-ui-phone-amount = Số tiền
vpos-ui-phone-reference = Mã tham chiếu
vpos-ui-phone-customer-phone = Số điện thoại khách
vpos-ui-phone-note = Ghi chú
vpos-ui-phone-card = Thẻ, theo lời khách đọc
vpos-ui-phone-card-number = Số thẻ
vpos-ui-phone-card-expiry = Hạn dùng (MM/YY)
vpos-ui-phone-card-expiry-hint = MM/YY
vpos-ui-phone-card-cvv = CVV
vpos-ui-phone-pay = Thanh toán
vpos-ui-phone-paying = Đang hỏi ngân hàng…
vpos-ui-phone-link = Liên kết thanh toán
vpos-ui-phone-three-d = { $name } bắt buộc 3-D Secure: hãy gửi cho khách một liên kết thanh toán.
vpos-ui-pay-approved = Được chấp nhận: { $amount }, mã cấp phép { $auth }, thẻ { $card }.
vpos-ui-pay-declined = Bị từ chối: { $message }
vpos-ui-pay-declined-code = Bị từ chối: { $message } (mã { $code })
vpos-ui-pay-unknown = Chưa biết phản hồi của ngân hàng: { $message }
vpos-ui-link-title = Liên kết thanh toán
vpos-ui-link-explain = Khách mở liên kết này (hoặc quét mã) trên điện thoại của mình và thanh toán trên trang bảo mật của ngân hàng.
vpos-ui-link-qr = Mã QR của liên kết thanh toán
vpos-ui-link-order = Đơn { $order }
vpos-ui-link-waiting = Đang chờ khách thanh toán (liên kết dùng được đến { $until })…
vpos-ui-link-close = Đóng (vẫn tiếp tục chờ)
vpos-ui-link-give-up = Ngừng chờ (vẫn hỏi ngân hàng)

## Nhật ký trong ngày.
vpos-ui-log-title = Giao dịch POS ảo hôm nay
vpos-ui-log-empty = Hôm nay chưa có giao dịch.
vpos-ui-log-code = Mã { $code }
vpos-ui-log-auth = Cấp phép { $auth }
vpos-ui-log-who = Người nhận: { $name }
vpos-ui-log-reference = Tham chiếu { $reference }
vpos-ui-log-voided = Đã hủy giao dịch
vpos-ui-log-refunded = Đã hoàn { $amount }
vpos-ui-log-kind =
    { $kind ->
        [void] Hủy giao dịch
        [refund] Hoàn tiền
       *[sale] Bán
    }
vpos-ui-log-channel =
    { $channel ->
        [link] Liên kết thanh toán
       *[moto] Qua điện thoại
    }
vpos-ui-log-cancel = Hủy thanh toán
vpos-ui-log-resolve = Hỏi ngân hàng ({ $count } phản hồi bị mất)
vpos-ui-resolved = Ngân hàng đã trả lời cho { $count } giao dịch.
vpos-ui-cancel-title = Hủy thanh toán này?
vpos-ui-cancel-explain = { $amount } (đơn { $order }) được trả lại vào thẻ: hủy giao dịch nếu lô của ngân hàng còn mở, nếu không thì hoàn tiền.
vpos-ui-cancel-voided = Đã hủy giao dịch { $amount } (đơn { $order }).
vpos-ui-cancel-refunded = Đã hoàn { $amount } (đơn { $order }).

## Cuối ngày.
vpos-ui-day-title = POS ảo
vpos-ui-day-explain = Giao dịch trong ngày của ngân hàng được đối chiếu với nhật ký của quầy, theo từng mã đơn.
vpos-ui-day-no-definitions = Chưa có POS ảo nào.
vpos-ui-day-source-report = Theo báo cáo ngày của ngân hàng.
vpos-ui-day-source-file-any = Theo tệp do ngân hàng xuất.
vpos-ui-day-source-none = Thiếu dữ liệu của ngân hàng: hãy nhập tệp xuất từ trang quản lý POS ảo của ngân hàng.
vpos-ui-day-source-none-report = Chưa lấy báo cáo ngày của ngân hàng.
vpos-ui-day-fetch = Lấy báo cáo ngày của ngân hàng
vpos-ui-day-summary = { $matched } khớp · { $problems } cần xem
vpos-ui-day-net = còn lại { $amount }
vpos-ui-day-file = Tệp xuất từ ngân hàng (CSV)
vpos-ui-day-import = Nhập và đối chiếu
vpos-ui-day-imported = Đã nhập { $file } cho { $name }.
vpos-ui-day-read-error = Không đọc được tệp { $file }.
vpos-ui-day-empty = Không bên nào có giao dịch.
vpos-ui-day-matched = Khớp
vpos-ui-day-different-amount = Lệch số tiền
vpos-ui-day-entered-by-hand = Đã nhập tay
vpos-ui-day-cancel-differs = Chỉ một bên hủy
vpos-ui-day-missing-at-bank = Ngân hàng không có
vpos-ui-day-missing-at-counter = Quầy không có
vpos-ui-day-voided = Đã hủy giao dịch
vpos-ui-day-refunded = Đã hoàn tiền
vpos-ui-day-col-order = Đơn
vpos-ui-day-col-status = Trạng thái
vpos-ui-day-col-counter = Quầy
vpos-ui-day-col-bank = Ngân hàng
vpos-ui-day-col-at = Thời gian
vpos-ui-day-col-auth = Cấp phép
vpos-ui-day-total = Tổng
vpos-ui-day-difference = Chênh lệch { $amount }
vpos-ui-day-hand = Nhập tay
vpos-ui-day-hand-title = Nhập tay đơn { $order }
vpos-ui-day-hand-explain = Ngân hàng có giao dịch này trên { $name } nhưng quầy thì không. Nhập tay sẽ ghi nó vào nhật ký của quầy, kèm lý do của bạn, trong nhật ký kiểm tra.
vpos-ui-day-hand-reason = Lý do (bắt buộc)
vpos-ui-day-hand-done = Đã nhập tay đơn { $order }.
vpos-ui-day-hand-by = { $name } nhập tay: { $reason }
