# Partner connection records (seed 000): errors, the deployment note, the month-end list.

## Errors: nothing was recorded.
err-conn-partner = “{ $value }” không phải là đối tác của quầy này: momo, giftpop, vnpay, zalopay, alipay, nhanh, viva hoặc vpos:NAME.
err-conn-step = “{ $value }” không phải là một bước: requested, confirmed, deployed, approved, connected hoặc disabled.
err-conn-confirmation = “{ $value }” không phải là người xác nhận: leader hoặc merchant.
err-conn-order = Kết nối này đang ở bước “{ $current }”: bước tiếp theo là “{ $expected }”, không phải “{ $step }”. Không được bỏ qua bước nào.
err-conn-order-end = Kết nối này đang ở bước “{ $current }”: không thể chuyển sang “{ $step }”. Hãy tắt kết nối trước để bắt đầu lại.
err-conn-reference = Bước “{ $step }” cần có mã tham chiếu (email của đối tác hoặc phê duyệt trong CMS của đối tác).
err-conn-confirmation-here = Xác nhận thuộc về bước “confirmed”, không phải “{ $step }”.
err-conn-confirmation-missing = { $partner } cần xác nhận của { $missing ->
        [leader] trưởng nhóm phía đối tác
        [merchant] nhà hàng (merchant)
       *[both] trưởng nhóm phía đối tác và nhà hàng (merchant)
    }.
err-conn-note-incomplete = Biên bản triển khai còn thiếu: { $missing }{ $more ->
        [0] { "" }
       *[other] { " " }(+{ $more })
    }.
err-conn-point-code = { $partner } cần mã điểm bán của đối tác trước khi phê duyệt.
err-conn-test-failed = Kiểm tra kết nối không đạt nên kết nối chưa được ghi là đã kết nối. { $step }
err-conn-disable-note = Cần ghi lý do vào ghi chú để tắt kết nối.
err-conn-text = “{ $field }” dài quá { $max } ký tự hoặc có ký tự không gõ được.
err-conn-phone = “{ $value }” không phải là số điện thoại (8 đến 15 chữ số; được dùng +, khoảng trắng, dấu chấm, gạch ngang và dấu ngoặc).
err-conn-month = “{ $value }” không phải là một tháng: hãy viết theo dạng YYYY-MM, ví dụ 2026-11.
err-conn-month-future = Tháng { $value } chưa bắt đầu: chưa có danh sách.
err-conn-pos-ids = Chưa cài Pos Parent và Pos ID: hãy cấu hình hub trước khi triển khai.
err-conn-clock = Bước trước được ghi lúc { $last }, muộn hơn đồng hồ của quầy ({ $now }): hãy chỉnh đồng hồ trước khi ghi bước tiếp theo.
err-conn-viva-terminal = Máy quẹt thẻ chưa được đặt là Viva: hãy chọn Viva làm máy quẹt thẻ trước khi ghi kết nối.
err-conn-changed = Trong lúc này đã có người khác ghi một bước của { $partner }: hãy xem lại hồ sơ.
err-conn-hub-pending = Hub không phản hồi: { $count } hồ sơ kết nối đang chờ và sẽ được gửi khi hub phản hồi.
err-conn-refused = Hub đã từ chối { $count } bản ghi kết nối: chúng được giữ lại và không gửi lại. Xem `quay connect show` và nhật ký.
err-conn-no-proof = { $partner } chưa có bằng chứng kết nối.
err-conn-xlsx = Không ghi được bảng tính: { $detail }

## Steps.
conn-status-none = chưa bắt đầu
conn-status-requested = đã yêu cầu
conn-status-confirmed = đã xác nhận
conn-status-deployed = đã triển khai
conn-status-approved = đối tác đã phê duyệt
conn-status-connected = đã kết nối
conn-status-disabled = đã tắt

## The deployment note.
conn-note-title = Biên bản triển khai: mở kết nối { $partner } qua hub
conn-note-section-request = Yêu cầu
conn-note-section-prepare = Nâng cấp và kết nối
conn-note-section-point = Điểm bán triển khai
conn-note-section-contact = Liên hệ
conn-note-section-approval = Phê duyệt trong CMS của đối tác
conn-note-section-back = Gửi lại cho đối tác
conn-note-section-notes = Ghi chú
conn-note-partner = Đối tác
conn-note-request-ref = Mã yêu cầu
conn-note-reference = Mã tham chiếu
conn-note-requested-at = Ngày yêu cầu
conn-note-confirmations = Xác nhận bởi
conn-note-by-leader = trưởng nhóm của đối tác
conn-note-by-merchant = chủ cửa hàng
conn-note-version = Đã cập nhật POS lên bản mới nhất
conn-note-menu = Thực đơn đồng bộ với hub
conn-note-menu-hub = phiên bản { $version }, lấy từ hub này
conn-note-menu-other = phiên bản { $version }, không lấy từ hub này: hãy đồng bộ thực đơn
conn-note-menu-none = chưa có thực đơn
conn-note-voucher-entry = Thu ngân được nhập mã voucher của đối tác
conn-note-test = Đã kiểm tra kết nối thành công
conn-note-point-name = Tên điểm bán
conn-note-address = Địa chỉ
conn-note-hub-point = Tên trên hub
conn-note-key1 = Key1
conn-note-key2 = Key2
conn-note-present = đã cài (không hiển thị)
conn-note-missing = còn thiếu
conn-note-contact = Người liên hệ
conn-note-phone = Số điện thoại
conn-note-approval-ref = Mã phê duyệt
conn-note-approved-at = Ngày phê duyệt
conn-note-pos-parent = Pos Parent
conn-note-pos-id = Pos ID
conn-note-point-code = Mã điểm bán của đối tác
conn-note-proof = Bằng chứng kết nối
conn-note-proof-attached = đính kèm (PDF và PNG, { $sha }…)
conn-note-not-yet = chưa có
conn-note-yes = có
conn-note-no = không
conn-note-notes = Ghi chú

## The month-end list.
conn-sheet-points = Điểm bán đã kết nối
conn-sheet-totals = Tổng hợp
conn-sheet-month = Tháng: { $month }
conn-col-pos-parent = Thương hiệu (Pos Parent)
conn-col-pos-id = Pos ID
conn-col-point-name = Điểm bán
conn-col-address = Địa chỉ
conn-col-partner = Đối tác
conn-col-point-code = Mã điểm bán của đối tác
conn-col-connected = Ngày kết nối
conn-col-request-ref = Mã yêu cầu
conn-col-approval-ref = Mã phê duyệt
conn-col-contact = Liên hệ
conn-col-phone = Số điện thoại
conn-col-status = Trạng thái hiện tại
conn-col-source = Nguồn
conn-col-partner-id = Mã đối tác
conn-col-points = Số điểm bán đã kết nối
conn-col-first = Đầu tiên
conn-col-last = Gần nhất
conn-col-month = Tháng
conn-total = Tổng cộng
conn-source-hub = hub
conn-source-counter = quầy này
conn-list-source-hub = Danh sách từ hub, gồm mọi điểm bán của thương hiệu.
conn-list-source-counter = Hub không phản hồi: chỉ liệt kê hồ sơ của riêng quầy này.
conn-list-source-mixed = Danh sách từ hub, kèm các hồ sơ của quầy này mà hub chưa nhận được.

## The command line.
conn-cli-recorded = { $partner }: đã ghi bước { $step }.
conn-cli-queued = { $count } hồ sơ kết nối đang chờ gửi lên hub.
conn-cli-next = Bước tiếp theo: { $step }
conn-cli-proof = Bằng chứng kiểm tra kết nối lúc { $at } (SHA-256 { $sha }).
conn-cli-proof-attached = đã đính kèm bằng chứng
conn-cli-points = { $count } điểm bán đã kết nối trong tháng { $month }.
conn-cli-pushed = Đã gửi { $sent } hồ sơ kết nối lên hub; { $pending } đang chờ.
