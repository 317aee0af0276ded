# Wallet payments (MoMo, ZaloPay, VNPAY-QR, Alipay) at the counter, and the screen turned to the
# customer. Money arrives already formatted for the locale.

## Wallet payment dialog
wallet-pay = Ví điện tử
wallet-title = Thanh toán ví điện tử
wallet-choose = Chọn ví của khách hàng
wallet-amount = Số tiền trả bằng ví
wallet-amount-hint = Để trống để thanh toán toàn bộ số tiền cần trả ({ $amount }).
wallet-code-label = Mã thanh toán của khách
wallet-code-hint = Quét mã trong ứng dụng của khách, hoặc nhập mã rồi nhấn Enter.
wallet-code-checking = Đang kiểm tra mã…
wallet-charge = Thu tiền
wallet-show-qr = Hiển thị mã QR của cửa hàng
wallet-show-qr-hint = Khách quét mã của cửa hàng bằng { $wallet } thay vì đưa mã của mình.
wallet-or = hoặc
wallet-waiting = Đang chờ thanh toán…
wallet-qr-turn = Xoay màn hình về phía khách: khách quét mã này bằng { $wallet }.
wallet-qr-alt = Mã QR để thanh toán bằng { $wallet }
wallet-qr-on-display = Mã QR đang hiển thị trên màn hình của khách.
wallet-amount-label = Số tiền
wallet-time-left = Thời gian còn lại
wallet-time-up = Đã hết thời gian
wallet-give-up = Ngừng chờ
wallet-giving-up = Đang dừng…
wallet-late-hint = Nếu khách thanh toán muộn, giao dịch vẫn được ghi nhận.
wallet-retry = Thử lại

## Customer display
cd-title = Màn hình khách hàng
cd-welcome = Xin chào quý khách
cd-welcome-hint = Đơn hàng của quý khách sẽ hiển thị tại đây.
cd-total = Tổng cộng
cd-quantity = Số lượng
cd-qr-scan = Quét bằng { $wallet } để thanh toán
cd-amount = Số tiền cần thanh toán
cd-time-left = Thời gian còn lại
cd-time-up = Mã này đã hết hạn
cd-thanks = Cảm ơn quý khách!
cd-paid = Đã thanh toán
