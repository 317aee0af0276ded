# POS ảo của ngân hàng (NestPay, Garanti, PosNet; crate quay-pay, module vpos): lỗi trước,
# trong hoặc sau khi trao đổi với ngân hàng, và mã từ chối của ngân hàng. Mỗi id là một
# `code` do hệ thống trả về; mọi thông điệp vpos-code-* nhận $code.

## Trước hoặc trong khi trao đổi với ngân hàng
err-vpos-not-implemented = Quay chưa thể nhận thanh toán qua { $kind }: hiện chỉ lưu được phần cài đặt.
err-vpos-missing-field = Thiếu { $field }. Hãy điền giá trị ngân hàng đã cấp.
err-vpos-invalid-field = { $field } không hợp lệ. Hãy đối chiếu với thông tin ngân hàng đã cấp (chữ số và độ dài).
err-vpos-card-number = Số thẻ không hợp lệ. Hãy kiểm tra các chữ số và nhập lại.
err-vpos-expiry = Ngày hết hạn phải viết dạng MM/YY, như in trên thẻ.
err-vpos-card-expired = Thẻ đã hết hạn vào cuối tháng { $expiry }. Hãy yêu cầu thẻ khác.
err-vpos-cvv = Mã bảo mật phải có { $digits } chữ số (ở mặt sau thẻ; ở mặt trước với American Express).
err-vpos-amount = Ngân hàng không nhận số tiền “{ $amount }”. Hãy kiểm tra số tiền.
err-vpos-currency-mismatch = POS ảo này nhận { $expected }, không nhận { $found }. Hãy dùng POS ảo được cài đặt cho { $found }.
err-vpos-order-id = Không thể gửi “{ $order_id }” làm mã đơn hàng cho ngân hàng (1 đến 64 chữ cái, chữ số, - hoặc _).
err-vpos-credentials = Ngân hàng từ chối thông tin đăng nhập POS ảo. Hãy kiểm tra mã khách hàng, tên người dùng và mật khẩu (và mã thiết bị với Garanti) với ngân hàng.
err-vpos-refused = Ngân hàng từ chối mở trang thanh toán: { $message }
err-vpos-bank = Ngân hàng từ chối: { $reason }
err-vpos-timeout = Ngân hàng không trả lời kịp ({ $detail }). Giao dịch có thể đã thành công: sẽ kiểm tra với ngân hàng trước khi gửi lại bất cứ điều gì.
err-vpos-transport = Không liên lạc được với ngân hàng ({ $detail }). Hãy kiểm tra kết nối internet; nếu đang gửi một giao dịch, giao dịch đó sẽ được kiểm tra với ngân hàng trước khi gửi lại.
err-vpos-http = Ngân hàng trả lời lỗi HTTP { $status }. Nếu là 500 trở lên, giao dịch sẽ được kiểm tra với ngân hàng trước khi gửi lại; nếu không, hãy kiểm tra địa chỉ POS ảo.
err-vpos-decode = Không đọc được câu trả lời của ngân hàng ({ $detail }). Giao dịch sẽ được kiểm tra với ngân hàng trước khi gửi lại bất cứ điều gì.
err-vpos-bad-signature = Một kết quả thanh toán đến với chữ ký sai và đã bị bỏ qua. Giao dịch sẽ được kiểm tra trực tiếp với ngân hàng.

## Mã của ngân hàng
vpos-code-approved = Đã chấp nhận ({ $code }).
vpos-code-bad-card = Ngân hàng từ chối thông tin thẻ: hãy kiểm tra số thẻ và ngày hết hạn ({ $code }).
vpos-code-void-too-late = Quá muộn để hủy: ngày giao dịch của ngân hàng đã đóng, nên sẽ hoàn tiền thay vì hủy ({ $code }).
vpos-code-refund-too-early = Quá sớm để hoàn tiền: ngày giao dịch của ngân hàng chưa đóng, nên sẽ hủy giao dịch thay vì hoàn tiền ({ $code }).
vpos-code-instalments = Ngân hàng không cho phép trả góp với thẻ hoặc loại tiền này ({ $code }).
vpos-code-duplicate-order = Ngân hàng đã chấp nhận một giao dịch với mã đơn hàng này: sẽ kiểm tra giao dịch đó thay vì thanh toán lại ({ $code }).
vpos-code-credentials = Ngân hàng từ chối thông tin đăng nhập POS ảo ({ $code }).
vpos-code-invalid-total = Ngân hàng từ chối định dạng số tiền ({ $code }).
vpos-code-invalid-xml = Ngân hàng không đọc được yêu cầu ({ $code }). Hãy báo bộ phận hỗ trợ.
vpos-code-not-found = Ngân hàng không có giao dịch nào với mã đơn hàng này ({ $code }).
vpos-code-refund-too-much = Số tiền hoàn lớn hơn phần còn lại của giao dịch ({ $code }).
vpos-code-3d-failed = Ngân hàng phát hành thẻ không xác nhận chủ thẻ (3-D Secure): không có khoản nào bị trừ ({ $code }).
