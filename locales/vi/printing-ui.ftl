# Máy in trên cửa sổ (issue 19): dòng trạng thái, lệnh in, in hóa đơn trên máy in hóa đơn,
# "Mở ngăn kéo" của quản lý và màn hình Máy in của kỹ thuật viên.

## Tên máy in
print-ui-printer = { $kind ->
    [receipt] Máy in hóa đơn
    [kitchen] Máy in bếp ({ $station })
   *[other] Máy in { $station }
}

## Dòng trạng thái
print-ui-problem-line = { $printer }: { $problem } — { $count } lệnh đang chờ
print-ui-problem-short = { $code ->
    [err-print-paper-out] hết giấy
    [err-print-offline] mất kết nối
    [err-print-cover-open] nắp đang mở
    [err-print-status-silent] không phản hồi
    [err-print-no-printer] chưa được thiết lập
   *[other] { $text }
}
print-ui-jobs-open = Lệnh in

## Lệnh in
print-ui-jobs-title = Lệnh in
print-ui-jobs-title-of = Lệnh in của { $printer }
print-ui-jobs-empty = Không có lệnh in nào.
print-ui-loading = Đang tải…
print-ui-refresh = Làm mới
print-ui-close = Đóng
print-ui-kind = { $kind ->
    [receipt] Hóa đơn
    [kitchen] Phiếu bếp
    [kitchen_cancel] Phiếu hủy món
    [drawer] Ngăn kéo tiền
    [test] Trang in thử
   *[other] { $kind }
}
print-ui-state = { $state ->
    [queued] Đang chờ
    [sending] Đang gửi
    [done] Đã in
    [cancelled] Đã hủy
   *[other] { $state }
}
print-ui-reprint = IN LẠI
print-ui-attempts = { $count } lần thử
print-ui-send-now = Gửi ngay
print-ui-send-to = Gửi đến…
print-ui-send-to-label = Gửi sang máy in này:
print-ui-print-again = In lại
print-ui-sent-now = Lệnh { $job } đang được gửi ngay.
print-ui-printing-again = Lệnh { $job } được in lại, có đánh dấu in lại.
print-ui-redirected = Lệnh { $job } giờ được gửi đến { $printer }.

## Hóa đơn
print-ui-receipt-copy = In trên máy in hóa đơn
print-ui-copy-queued = Hóa đơn { $receipt } đang được in trên máy in hóa đơn.

## Ngăn kéo tiền
print-ui-drawer-open = Mở ngăn kéo
print-ui-drawer-title = Mở ngăn kéo tiền
print-ui-drawer-reason = Lý do
print-ui-drawer-reason-placeholder = ví dụ: đổi tiền lẻ
print-ui-drawer-explain = Việc mở ngăn kéo không kèm bán hàng được ghi lại cùng người mở và lý do.
print-ui-drawer-pin-hint = Quản lý duyệt bằng mã PIN của mình.
print-ui-drawer-pin = Mã PIN của quản lý
print-ui-drawer-confirm = Mở ngăn kéo
print-ui-drawer-opened = Ngăn kéo tiền đang mở.
print-ui-cancel = Hủy

## Màn hình Máy in của kỹ thuật viên
print-ui-open = Máy in
print-ui-title = Máy in
print-ui-explain = Máy in hóa đơn (ngăn kéo tiền nối với nó) và các khu bếp, mỗi khu in các nhóm món được giao. Hãy kiểm tra từng máy sau mỗi thay đổi.
print-ui-receipt-section = Máy in hóa đơn
print-ui-kitchen-section = Khu bếp
print-ui-no-receipt = Chưa thiết lập máy in hóa đơn: hóa đơn chỉ được lưu dạng PDF.
print-ui-set-receipt = Thiết lập máy in hóa đơn
print-ui-no-kitchen = Chưa thiết lập khu bếp nào.
print-ui-add-station = Thêm khu bếp
print-ui-edit = Sửa
print-ui-edit-title = Sửa { $printer }
print-ui-remove = Xóa
print-ui-remove-title = Xóa { $printer }?
print-ui-remove-explain = Các lệnh đang chờ của máy vẫn nằm trong danh sách: hãy gửi chúng sang máy in khác.
print-ui-keep = Giữ lại
print-ui-jobs = Lệnh in
print-ui-test-page = In trang thử
print-ui-test-queued = Đã gửi trang in thử (lệnh { $job }) đến { $printer }.
print-ui-station = Tên khu
print-ui-station-hint = Từ 1 đến 20 ký tự a–z, 0–9, _ và -, ví dụ hot, bar.
print-ui-station-invalid = Tên khu gồm từ 1 đến 20 ký tự a–z, 0–9, _ và -.
print-ui-address = Địa chỉ
print-ui-address-hint = tcp://host:9100, serial:/dev/ttyUSB0?baud=19200, usb:/dev/usb/lp0
print-ui-address-missing = Hãy nhập địa chỉ của máy in.
print-ui-width = Khổ giấy
print-ui-width-mm = { $mm } mm
print-ui-mode = Chế độ in
print-ui-mode-name = { $mode ->
    [text] Văn bản (chỉ chữ Latinh)
   *[raster] Hình ảnh (mọi ngôn ngữ)
}
print-ui-categories = Nhóm món
print-ui-categories-hint = Mã nhóm món, cách nhau bằng dấu phẩy.
print-ui-unknown = không rõ tại đây
print-ui-unknown-explain = Khu này được thiết lập ở nơi khác: các ô để trống giữ nguyên giá trị đã lưu.
print-ui-none = không có
print-ui-save = Lưu
print-ui-station-saved = Đã lưu { $printer }.
print-ui-station-removed = Đã xóa { $printer }.
print-ui-kitchen-send = Gửi xuống bếp
print-ui-kitchen-sent = Đã gửi { $count } phiếu xuống bếp.
