# Cài đặt của kỹ thuật viên: thiết lập, kiểm tra kết nối và biên bản kết nối.

## Nhóm thiết lập

setup-group-store = Cửa hàng
setup-group-hub = Máy chủ
setup-group-momo = Voucher MoMo
setup-group-giftpop = Voucher GiftPop
setup-group-terminal = Máy POS thẻ

## Thiết lập

setup-key-store-name = Tên cửa hàng
setup-key-store-address = Địa chỉ
setup-key-store-contact-name = Người liên hệ
setup-key-store-contact-phone = Số điện thoại liên hệ
setup-key-counter-currency = Tiền tệ
setup-key-store-vat-rates = Thuế suất VAT (%, cách nhau bằng dấu phẩy)
setup-key-counter-locale = Ngôn ngữ mặc định
setup-key-counter-id = Mã quầy
setup-key-counter-cashier = Tên thu ngân khi chưa ai đăng nhập
setup-key-hub-url = Địa chỉ máy chủ (URL)
setup-key-hub-pos-parent = Mã điểm cha (Pos Parent)
setup-key-hub-pos-id = Mã điểm bán (Pos ID)
setup-key-hub-key1 = Khóa ký yêu cầu (Key1)
setup-key-hub-key2 = Khóa xác minh phản hồi (Key2)
setup-key-hub-menu-interval = Chu kỳ kiểm tra thực đơn (giây)
setup-key-momo-enabled = Nhận voucher MoMo
setup-key-momo-point-code = Mã điểm bán MoMo
setup-key-giftpop-enabled = Nhận voucher GiftPop
setup-key-giftpop-point-code = Mã điểm bán GiftPop
setup-key-terminal-kind = Loại máy POS
setup-key-zvt-port = Cổng serial ZVT
setup-key-zvt-baud = Tốc độ ZVT (baud)
setup-key-zvt-password = Mật khẩu ZVT
setup-key-viva-url = Địa chỉ API Viva
setup-key-viva-merchant-id = Mã merchant Viva
setup-key-viva-api-key = API key Viva
setup-key-viva-source-code = Mã nguồn Viva (số serial của máy POS)
setup-key-viva-wait = Thời gian chờ khách ở máy POS (giây)
setup-key-viva-webhook-listen = Địa chỉ webhook Viva (host:port)
setup-key-viva-webhook-token = Token webhook Viva
setup-key-viva-webhook-key = Khóa xác minh webhook Viva

## Giá trị bị từ chối

err-setting-too-long = { $key } quá dài: tối đa { $max } ký tự.
err-setting-bool = { $key } chỉ nhận “true” hoặc “false”, không phải “{ $value }”.
err-setting-phone = “{ $value }” không phải là số điện thoại hợp lệ cho { $key }: dùng chữ số, khoảng trắng và + ( ) - . (từ 6 đến 15 chữ số).
err-setting-vat-rates = “{ $value }” không phải là danh sách thuế suất VAT hợp lệ cho { $key }: ghi các phần trăm cách nhau bằng dấu phẩy, ví dụ 8,10 (mỗi giá trị từ 0 đến 100, tối đa hai chữ số thập phân, không trùng lặp).
err-setting-zvt-password = { $key } là mật khẩu của máy POS: gồm sáu chữ số.
err-setting-secret-short = { $key } quá ngắn: ít nhất { $min } ký tự.
err-setting-rsa-key = { $key }: hãy dán khóa ở dạng PEM (-----BEGIN … KEY----- … -----END … KEY-----) hoặc một dòng base64, đúng như trang quản trị của đối tác hiển thị.
err-connect-failed = Kiểm tra kết nối { $target } thất bại ở bước “{ $step }”.

## Kiểm tra kết nối

setup-target-hub = Máy chủ
setup-target-momo = MoMo
setup-target-giftpop = GiftPop
setup-target-terminal = Máy POS thẻ

setup-step-hub-config = Thiết lập máy chủ đầy đủ
setup-step-hub-ping = Gửi ping có ký (Key1) tới máy chủ, xác minh phản hồi (Key2)
setup-step-hub-identity = Máy chủ nhận ra điểm bán này
setup-step-hub-clock = Đồng hồ của quầy so với máy chủ
setup-step-partner-config = { $partner } đã bật và có mã điểm bán
setup-step-partner-listed = Máy chủ báo { $partner } đã kết nối
setup-step-partner-round-trip = Gửi và nhận phản hồi từ { $partner } qua máy chủ
setup-step-terminal-config = Thiết lập máy POS đầy đủ
setup-step-zvt-port = Mở được cổng của máy POS
setup-step-zvt-status = Máy POS trả lời yêu cầu trạng thái
setup-step-viva-credentials = Viva chấp nhận mã merchant và API key
setup-step-viva-source = Đã đặt mã nguồn của máy POS

setup-step-passed = Đạt
setup-step-failed = Lỗi

setup-ok-hub-config = { $url }, mã điểm cha { $pos_parent }, mã điểm bán { $pos_id }
setup-ok-hub-ping = Phản hồi sau { $ms } mili giây
setup-ok-hub-identity = “{ $point_name }” ({ $pos_parent } / { $pos_id })
setup-fail-hub-identity = Máy chủ trả lời cho { $pos_parent } / { $pos_id } (“{ $point_name }”), không phải điểm bán này: kiểm tra Mã điểm cha (Pos Parent) và Mã điểm bán (Pos ID).
setup-ok-hub-clock = Lệch { $skew } giây (tối đa { $max } giây)
setup-fail-hub-clock = Đồng hồ của quầy lệch { $skew } giây so với máy chủ (quá { $max } giây): hãy chỉnh lại giờ.
setup-fail-hub-key1 = Máy chủ từ chối chữ ký của điểm bán này ({ $code }): kiểm tra Mã điểm cha (Pos Parent), Mã điểm bán (Pos ID) và Khóa ký yêu cầu (Key1).
setup-fail-hub-key2 = Phản hồi không được ký bằng Key2 của điểm bán này: kiểm tra Khóa xác minh phản hồi (Key2).
setup-ok-partner-config = Mã điểm bán { $point_code }
setup-fail-partner-disabled = Voucher { $partner } chưa được bật trên quầy này.
setup-fail-partner-no-point-code = Chưa nhập mã điểm bán { $partner }.
setup-ok-partner-listed = { $partner }: { $status }
setup-fail-partner-pending = { $partner } chưa duyệt điểm bán này ({ $status }): đề nghị đối tác duyệt trên trang quản trị của họ.
setup-fail-partner-disabled-at-hub = { $partner } đang bị tắt cho điểm bán này trên máy chủ.
setup-fail-partner-not-listed = Máy chủ không có { $partner } cho điểm bán này.
setup-ok-partner-round-trip = { $partner } trả lời “{ $status }” cho mã thử { $code } sau { $ms } mili giây
setup-fail-partner-down = { $partner } không phản hồi máy chủ (503 unavailable).
setup-ok-terminal-zvt = ZVT trên { $port } ở { $baud } baud
setup-ok-terminal-viva = Viva tại { $url }
setup-ok-zvt-port = Đã mở { $port }
setup-ok-zvt-status = Máy POS { $terminal_id } trả lời sau { $ms } mili giây; giao dịch gần nhất: { $state }
setup-fail-zvt-status = Máy POS không trả lời: { $detail }
setup-ok-viva-credentials = Được chấp nhận sau { $ms } mili giây; { $count } giao dịch hôm nay
setup-fail-viva-credentials = Viva từ chối mã merchant hoặc API key.
setup-fail-viva = Viva: { $detail }
setup-ok-viva-source = Nguồn { $source }

## Biên bản kết nối

setup-report-title = Biên bản kết nối: { $target }
setup-report-store = Điểm bán
setup-report-address = Địa chỉ
setup-report-contact = Người liên hệ
setup-report-phone = Số điện thoại liên hệ
setup-report-pos-parent = Mã điểm cha (Pos Parent)
setup-report-pos-id = Mã điểm bán (Pos ID)
setup-report-counter = Quầy
setup-report-point-name = Tên trên máy chủ
setup-report-partner = Đối tác
setup-report-target = Kết nối được kiểm tra
setup-report-point-code = Mã điểm bán của đối tác
setup-report-terminal = Máy POS
setup-report-time = Thời điểm kiểm tra
setup-report-result = Kết quả
setup-report-ok = Kết nối thành công
setup-report-failed = Kết nối thất bại
setup-report-col-step = Bước
setup-report-col-status = Trạng thái
setup-report-col-result = Kết quả
setup-report-col-ms = mili giây
setup-report-round-trip = Gửi và nhận: { $request } → { $answer } trong { $ms } mili giây, { $time }
setup-report-footer = Tạo bởi Quay { $version } trên quầy { $counter }.
setup-report-written = Đã ghi biên bản vào { $path }
setup-saved = Đã lưu { $count } thiết lập.
setup-key-bank-merchant-id = Mã đơn vị chấp nhận thẻ tại ngân hàng
setup-key-bank-terminal-ids = Mã máy POS tại ngân hàng (cách nhau bằng dấu phẩy)
## ZVT registration
setup-key-zvt-config = Byte cấu hình đăng ký ZVT (hex)
err-setting-zvt-config = { $key } là byte cấu hình khi đăng ký: hai chữ số thập lục phân, ví dụ BA.
setup-step-zvt-register = Máy POS chấp nhận đăng ký của quầy
setup-ok-zvt-register = Đã đăng ký (byte cấu hình { $config }, tiền tệ { $currency })
