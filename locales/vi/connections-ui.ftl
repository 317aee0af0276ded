# Hồ sơ kết nối đối tác của kỹ thuật viên trên màn hình quầy (issue 18). Ids: conn-ui-*.

conn-ui-open = Kết nối đối tác
conn-ui-title = Kết nối đối tác
conn-ui-explain = Kết nối của từng đối tác, theo từng bước: yêu cầu, xác nhận, triển khai, phê duyệt và kiểm tra kết nối.
conn-ui-loading = Đang tải…
conn-ui-reload = Làm mới
conn-ui-partners = Đối tác
conn-ui-this-point = Điểm { $pos_id } của { $pos_parent }
conn-ui-queued = Đang chờ gửi lên hub: { $count }
conn-ui-refused = Bị hub từ chối (xem nhật ký): { $count }
conn-ui-no-pos-ids = Chưa cài Pos Parent và Pos ID của hub: hãy cài trong Cài đặt trước khi ghi bất kỳ bước nào.
conn-ui-keys-missing = Chưa cài khóa hub: hồ sơ được giữ trên quầy này cho đến khi cài.
conn-ui-choose = Chọn một đối tác để xem các bước.

## Trạng thái và các bước.
conn-ui-status-never = Chưa bắt đầu
conn-ui-step-requested = Đã yêu cầu
conn-ui-step-confirmed = Đã xác nhận
conn-ui-step-deployed = Đã triển khai
conn-ui-step-approved = Đã phê duyệt
conn-ui-step-connected = Đã kết nối
conn-ui-step-disabled = Đã tắt

## Một đối tác.
conn-ui-steps = Các bước
conn-ui-no-steps = Chưa ghi bước nào.
conn-ui-by = Người ghi
conn-ui-reference = Mã tham chiếu
conn-ui-confirmed-by = Xác nhận bởi
conn-ui-confirm-leader = Trưởng nhóm MoMo
conn-ui-confirm-merchant = Chủ cửa hàng
conn-ui-note = Ghi chú
conn-ui-proof-kept = Đã lưu bằng chứng
conn-ui-details = Thông tin điểm bán
conn-ui-point-name = Tên điểm bán
conn-ui-address = Địa chỉ
conn-ui-contact-name = Người liên hệ
conn-ui-contact-phone = SĐT liên hệ
conn-ui-point-code = Mã điểm của đối tác
conn-ui-notes = Ghi chú thêm
conn-ui-next = Bước tiếp theo: { $step }
conn-ui-next-none = Đã kết nối: không còn bước nào.
conn-ui-required-hint = * bắt buộc cho bước này
conn-ui-note-disable = Cần có để tắt.
conn-ui-record = Ghi: { $step }
conn-ui-recording = Đang ghi…
conn-ui-testing = Đang kiểm tra…
conn-ui-testing-wait = Đang kiểm tra kết nối với đối tác: mất vài giây.
conn-ui-disable = Tắt
conn-ui-recorded = { $partner }: đã ghi bước { $step }.

## Biên bản triển khai và bằng chứng.
conn-ui-deploy-note = Biên bản triển khai
conn-ui-note-title = Biên bản triển khai: { $partner }
conn-ui-proof = Bằng chứng
conn-ui-proof-title = Bằng chứng: { $partner }
conn-ui-proof-alt = Kiểm tra kết nối { $partner }, { $at }
conn-ui-copy = Sao chép
conn-ui-copied = Đã sao chép.
conn-ui-copy-failed = Không sao chép được: hãy chọn văn bản rồi sao chép.
conn-ui-close = Đóng
conn-ui-pdf = PDF
conn-ui-png = Hình ảnh

## Danh sách cuối tháng.
conn-ui-month-title = Cuối tháng
conn-ui-month = Tháng
conn-ui-month-previous = Tháng trước
conn-ui-month-next = Tháng sau
conn-ui-export = Xuất danh sách tháng
conn-ui-exporting = Đang xuất…
conn-ui-exported = Đã ghi danh sách tháng: { $count } dòng.
conn-ui-source-hub = Từ hub: mọi điểm bán của thương hiệu.
conn-ui-source-counter = Cảnh báo: chỉ quầy này (không kết nối được hub). Thiếu các điểm bán khác.
conn-ui-source-mixed = Cảnh báo: một phần từ hub, một phần chỉ từ quầy này. Hãy kiểm tra trước khi gửi.
conn-ui-rows = Điểm bán kết nối trong { $month }: { $count }
conn-ui-xlsx = Bảng tính
conn-ui-csv = CSV
conn-ui-no-rows = Không có điểm bán nào kết nối trong tháng đó.
conn-ui-col-point = Điểm bán
conn-ui-col-partner = Đối tác
conn-ui-col-connected = Ngày kết nối
conn-ui-col-request = Mã yêu cầu
conn-ui-col-approval = Mã phê duyệt
conn-ui-col-contact = Liên hệ
