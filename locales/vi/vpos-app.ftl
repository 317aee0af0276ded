# POS ảo của ngân hàng tại quầy (issue 17).

## Định nghĩa
err-vpos-field = { $field }: “{ $value }” không hợp lệ.
err-vpos-url = { $field } phải là một địa chỉ web đầy đủ (https://…; http:// chỉ ở chế độ thử): “{ $value }”.
err-vpos-name = “{ $name }” không dùng được làm tên POS ảo: dùng từ 1 đến { $max } chữ cái, chữ số, - hoặc _.
err-vpos-currency = Quầy này bán bằng { $counter }: POS ảo bằng { $currency } không nhận thanh toán của quầy được.
err-vpos-3d-unsupported = Quay chưa thể bắt buộc 3-D Secure với { $kind }: hãy chọn “tùy chọn”.
err-vpos-gate-required = 3-D Secure cần địa chỉ cổng 3-D của ngân hàng.
err-vpos-exists = Đã có một POS ảo tên “{ $name }”.
err-vpos-field-missing = Thiếu { $field }.
err-vpos-open-payments = Một khoản thanh toán qua “{ $name }” vẫn đang mở ({ $key }): hãy hỏi ngân hàng để xử lý trước (Hỏi ngân hàng).
err-vpos-reference-open = Khoản thanh toán gần nhất cho { $reference } ({ $order }) chưa có câu trả lời của ngân hàng: Quay đã hỏi và sẽ không thu lại cho đến khi ngân hàng trả lời (Hỏi ngân hàng).
err-vpos-reference-paid = Khoản thanh toán gần nhất cho { $reference } ({ $order }) thực ra đã thành công: đã được thanh toán. Không thu thêm lần nào.
err-vpos-rename-used = “{ $name }” đã nhận thanh toán: chúng được hủy và đối chiếu theo tên này nên không thể đổi tên. Hãy thêm một POS ảo mới.
err-vpos-kind-not-implemented = Quay lưu cài đặt của { $kind } nhưng chưa thể nhận thanh toán bằng nó.
err-vpos-not-found = Không có POS ảo nào tên “{ $name }”.
err-vpos-none = Chưa cài đặt POS ảo nào.
err-vpos-secret-stdin = { $flag } là thông tin bí mật: nhập “-” rồi gõ nó ở dòng tiếp theo của đầu vào, không bao giờ trên dòng lệnh.
err-vpos-stdin = Đầu vào đã kết thúc trước khi đọc được { $what }.
err-unknown-target = Quay không thể kiểm tra “{ $target }”.

## Nhận thanh toán
err-vpos-phone = “{ $phone }” không phải số điện thoại (6 đến 15 chữ số, dấu + chỉ ở đầu).
err-vpos-no-sale = Không có hóa đơn nào trên quầy để thanh toán.
err-vpos-reference = Hãy nhập mã tham chiếu cho khoản thanh toán (đơn hàng hoặc tiền đặt cọc), tối đa { $max } ký tự.
err-vpos-3d-required = “{ $name }” bắt buộc 3-D Secure: hãy gửi cho khách một liên kết thanh toán.
err-vpos-link-unsupported = “{ $name }” không tạo được liên kết thanh toán (không có cổng 3-D).
err-vpos-no-return-url = Liên kết thanh toán cần địa chỉ mà ngân hàng đưa khách quay về: hãy đặt { $key }.
err-vpos-3d-failed = Ngân hàng của khách không xác nhận chủ thẻ (trạng thái 3-D Secure { $md }): không trừ tiền cho { $order }.
err-vpos-unknown = Mất câu trả lời của ngân hàng cho { $order }. Đừng thu lại: hãy hỏi ngân hàng trước (Hỏi ngân hàng).
err-vpos-given-up = Bạn đã ngừng chờ { $order }. Quầy vẫn hỏi ngân hàng về khoản này: nếu khách vẫn thanh toán, hóa đơn sẽ hoàn tất hoặc khoản tiền chờ quản lý hoàn lại.
err-vpos-cancelled = Khoản thanh toán { $order } không thực hiện: ngân hàng chưa bao giờ cấp phép.
err-vpos-order-not-found = Không có khoản thanh toán POS ảo nào mang mã đơn { $order }.
err-vpos-not-cancellable = Không thể hủy { $order } ({ $state }).
err-vpos-void-the-sale = { $order } đã thanh toán một hóa đơn: hãy hủy hóa đơn (tiền được hoàn theo cùng đường).
err-vpos-amount-mismatch = Ngân hàng đã duyệt một số tiền khác cho { $order }: không coi là đã thanh toán. Hãy gọi ngân hàng.
err-vpos-no-card = Chưa nhập thẻ cho { $order }.
err-vpos-nothing-to-cancel = Ngân hàng không còn gì để hủy cho { $order }.
err-vpos-partial-before-close = Chỉ hoàn một phần của { $order } được sau khi ngân hàng chốt ngày (hủy trong ngày sẽ hoàn toàn bộ khoản thanh toán).
vpos-approved = Đã duyệt ({ $code }), mã cấp phép { $auth }.
vpos-link-waiting = Đang chờ khách thanh toán trên trang của ngân hàng (đến { $until }).

## Cuối ngày
vpos-report-section = POS ảo { $name }: danh sách của ngân hàng theo mã đơn
vpos-report-bank = Ngân hàng
err-vpos-no-report = Ngân hàng của “{ $name }” không có lệnh báo cáo: hãy nhập tệp xuất trong ngày của ngân hàng.
err-vpos-file-no-order = Dòng { $line } trong tệp của ngân hàng không có mã đơn.
err-vpos-file-unreadable = Không đọc được tệp của ngân hàng: { $detail }
err-vpos-not-missing = { $order } không bị thiếu ở quầy.

## Kiểm tra kết nối
setup-key-vpos-return-url = POS ảo: địa chỉ công khai của quầy cho liên kết thanh toán (ngân hàng quay về …/vpos/ok)
setup-key-vpos-callback-listen = POS ảo: địa chỉ nhận kết quả 3-D của ngân hàng (host:port)
setup-key-vpos-timeout = POS ảo: số giây chờ ngân hàng
setup-target-vpos = POS ảo
setup-step-vpos-definition = POS ảo { $name }: định nghĩa
setup-ok-vpos-definition = { $kind } ({ $mode }) tại { $url }; IP tĩnh đã báo ngân hàng: { $ip }.
setup-step-vpos-check = POS ảo { $name }: ngân hàng trả lời với thông tin đăng nhập này
setup-ok-vpos-check = Ngân hàng trả lời trong { $ms } mili giây và chấp nhận thông tin đăng nhập.

## Dòng lệnh
vpos-saved = Đã lưu POS ảo “{ $name }”.
vpos-removed = Đã xóa POS ảo “{ $name }” (các khoản thanh toán vẫn ở trong nhật ký).
vpos-link-open = Liên kết thanh toán cho { $order }: { $url }
vpos-nothing-open = Không có khoản thanh toán POS ảo nào đang chờ câu trả lời của ngân hàng.
vpos-kind-sale = thanh toán
vpos-kind-void = hủy
vpos-kind-refund = hoàn tiền
vpos-state-pending = đang chờ
vpos-state-sent = đã gửi
vpos-state-approved = đã duyệt
vpos-state-declined = bị từ chối
vpos-state-unknown = chưa rõ
vpos-state-cancelled = không thực hiện
vpos-source-report = báo cáo của ngân hàng
vpos-source-file = tệp của ngân hàng
vpos-source-none = chưa có danh sách từ ngân hàng
vpos-day-heading = { $name } — { $source }: { $matched } khớp, { $problems } cần xem
vpos-day-totals = Quầy { $counter } · ngân hàng { $bank } · chênh lệch { $difference }
vpos-status-matched = khớp
vpos-status-different-amount = khác số tiền
vpos-status-missing-at-bank = thiếu ở ngân hàng
vpos-status-missing-at-counter = thiếu ở quầy
vpos-status-entered-by-hand = nhập tay
vpos-status-voided = đã hủy
vpos-status-refunded = đã hoàn tiền
vpos-status-cancel-differs = chỉ hủy ở một bên

## Trang trình duyệt của khách quay về sau khi thanh toán
vpos-page-ok = Cảm ơn quý khách. Quầy của nhà hàng đang kiểm tra khoản thanh toán với ngân hàng: quý khách có thể đóng trang này.
vpos-page-fail = Thanh toán không thành công. Quý khách có thể đóng trang này và xin nhà hàng một liên kết mới.
