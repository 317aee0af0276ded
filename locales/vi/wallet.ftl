# Thanh toán ví điện tử (MoMo POS, ZaloPay, VNPAY-QR): thông báo của hệ thống, trên mọi giao diện.

## Tiến trình thanh toán ví
pay-wallet-code-is = Mã thanh toán { $wallet }
pay-wallet-status-sending = Đang gửi mã tới { $wallet }…
pay-wallet-status-confirming = Khách đang xác nhận trên { $wallet }…
pay-wallet-status-waiting = Đang chờ khách quét mã và thanh toán bằng { $wallet }…
pay-wallet-status-closing = Đã hết thời gian: đang đề nghị { $wallet } xác nhận đơn hàng đã đóng…
pay-wallet-approved = Đã nhận thanh toán { $wallet }. Đơn { $receipt } đã đóng.
pay-wallet-remaining = Đã nhận thanh toán { $wallet }. Còn phải trả: { $amount }
# Nội dung khách thấy trong ứng dụng ví cho đơn hàng và cho khoản hoàn tiền.
pay-wallet-order-info = Thanh toán đơn { $sale }
pay-wallet-refund-info = Hoàn tiền đơn { $sale }

## Lý do thanh toán ví không thành công
err-wallet-gave-up = Bạn đã ngừng chờ { $wallet }. Đơn hàng vẫn đang được theo dõi: nếu sau đó khách vẫn thanh toán, đơn sẽ được hoàn tất hoặc khoản thanh toán sẽ được đưa vào danh sách chờ hoàn tiền.
err-wallet-declined = { $wallet } đã từ chối thanh toán (mã lỗi { $code }).
err-wallet-insufficient-funds = { $wallet }: số dư của khách không đủ (mã lỗi { $code }).
err-wallet-over-limit = { $wallet }: khách đã hết hạn mức thanh toán (mã lỗi { $code }).
err-wallet-customer-cancelled = { $wallet }: khách đã hủy thanh toán (mã lỗi { $code }).
err-wallet-code-expired = { $wallet }: mã thanh toán đã hết hạn hoặc đã được sử dụng; hãy nhờ khách làm mới mã (mã lỗi { $code }).
err-wallet-refused = { $wallet } từ chối yêu cầu; khách chưa bị trừ tiền (mã lỗi { $code }).
err-wallet-expired = Đơn hàng { $wallet } đã hết hạn mà chưa được thanh toán. Bạn có thể thử lại.
err-wallet-unknown = Chưa có kết quả cuối cùng từ { $wallet } cho giao dịch { $key }. Hệ thống sẽ tự hỏi lại; đừng thu tiền khách lần nữa.
err-wallet-not-configured = { $wallet } chưa được thiết lập: còn thiếu { $missing }.
err-wallet-config = Thiết lập { $wallet } không dùng được: { $error }
err-wallet-currency = Ví điện tử chỉ nhận tiền đồng Việt Nam; quầy này đang dùng { $currency }.
err-wallet-not-enabled = { $wallet } chưa được bật trên quầy này.
err-wallet-code-required = Hãy quét mã thanh toán { $wallet } của khách trước.
err-wallet-code-unknown = Đây không phải là mã thanh toán ví. Chưa gửi gì đi.
err-wallet-code-unsupported = Quầy này không nhận mã { $wallet }. Chưa gửi gì đi.
err-wallet-no-code-scan = Với { $wallet }, khách quét mã QR của quầy để thanh toán; không cần quét mã của khách.
err-wallet-amount-limits = { $wallet } nhận từ { $min } đến { $max } cho mỗi lần thanh toán; { $amount } nằm ngoài khoảng này. Chưa gửi gì đi.
err-wallet-nothing-running = Không có thanh toán ví nào đang diễn ra.
err-wallet-not-unused = Giao dịch { $key } không phải là thanh toán ví đang chờ hoàn tiền.
err-wallet-unknown-order = Ví gửi về một đơn hàng mà quầy này không biết.
err-wallet-refund-in-portal = Ví này không có dịch vụ hoàn tiền cho cửa hàng: hãy hoàn tiền giao dịch { $key } trên trang quản trị merchant của ví, rồi xử lý bằng tay trên màn hình Thanh toán chưa xử lý xong.
err-wallet-still-payable = Giao dịch { $key } vẫn có thể được thanh toán qua ví cho đến khi mã QR hết hạn: hãy chờ, hoặc hỏi lại ví, trước khi xác nhận là chưa trừ tiền.

## Thiết lập
setup-group-wallets = Ví điện tử (MoMo, ZaloPay, VNPAY-QR)
setup-key-wallet-qr-deadline = Thời gian hiệu lực của mã QR thanh toán (giây)
setup-key-wallet-poll = Chu kỳ hỏi trạng thái từ ví (giây)
setup-key-wallet-momo-enabled = Nhận thanh toán MoMo
setup-key-wallet-momo-url = Địa chỉ API MoMo
setup-key-wallet-momo-partner-code = Mã đối tác MoMo (Partner Code)
setup-key-wallet-momo-access-key = Access key MoMo
setup-key-wallet-momo-secret-key = Secret key MoMo
setup-key-wallet-momo-public-key = Khóa công khai MoMo (RSA)
setup-key-wallet-momo-store-id = Mã cửa hàng MoMo (Store ID)
setup-key-wallet-momo-listen = IPN MoMo: địa chỉ lắng nghe (địa chỉ:cổng)
setup-key-wallet-momo-callback-url = IPN MoMo: địa chỉ công khai
setup-key-wallet-zalopay-enabled = Nhận thanh toán ZaloPay
setup-key-wallet-zalopay-url = Địa chỉ API ZaloPay
setup-key-wallet-zalopay-app-id = Mã ứng dụng ZaloPay (App ID)
setup-key-wallet-zalopay-key1 = Key1 ZaloPay
setup-key-wallet-zalopay-key2 = Key2 ZaloPay
setup-key-wallet-zalopay-listen = Callback ZaloPay: địa chỉ lắng nghe (địa chỉ:cổng)
setup-key-wallet-zalopay-callback-url = Callback ZaloPay: địa chỉ công khai
setup-key-wallet-vnpay-enabled = Nhận thanh toán VNPAY-QR
setup-key-wallet-vnpay-url = Địa chỉ API VNPAY-QR
setup-key-wallet-vnpay-merchant-code = Mã merchant VNPAY
setup-key-wallet-vnpay-terminal-id = Mã terminal VNPAY (Terminal ID)
setup-key-wallet-vnpay-secret = Khóa bí mật VNPAY (secret key)
setup-key-wallet-vnpay-merchant-type = Loại hình kinh doanh VNPAY (MCC)
setup-key-wallet-vnpay-listen = IPN VNPAY: địa chỉ lắng nghe (địa chỉ:cổng)

## Kiểm tra kết nối
setup-target-momo-pay = Thanh toán MoMo
setup-target-zalopay = ZaloPay
setup-target-vnpay = VNPAY-QR
setup-step-wallet-settings = Thiết lập { $wallet } đầy đủ
setup-step-wallet-keys = { $wallet } đã trả lời một yêu cầu có ký (khóa đúng)
setup-ok-wallet-settings = Thiết lập { $wallet } đã đầy đủ.
setup-ok-wallet-keys = { $wallet } đã trả lời "không có đơn hàng này" (mã { $code }), có chữ ký bằng khóa của cửa hàng.
setup-fail-wallet-keys = Câu trả lời của ví không chứng minh được khóa: { $detail }
