# Nhanh.vn Open API: lỗi khi làm việc với Nhanh (crate quay-nhanh) và lý do một sản phẩm
# không được đưa vào thực đơn. Mỗi id là một `code` mà hệ thống trả về.

## Kết nối với Nhanh
err-nhanh-transport = Không kết nối được với Nhanh ({ $path }): { $detail }. Hãy kiểm tra kết nối internet; nếu đang gửi đơn bán, đơn sẽ được kiểm tra với Nhanh trước khi gửi lại.
err-nhanh-http = Nhanh trả về lỗi HTTP { $status } ({ $path }). Hãy kiểm tra địa chỉ API Nhanh trong phần cài đặt; nếu địa chỉ đúng, hãy thử lại sau.
err-nhanh-decode = Không đọc được phản hồi của Nhanh ({ $path }): { $detail }. Hãy thử lại sau; nếu đang gửi đơn bán, đơn sẽ được kiểm tra với Nhanh trước khi gửi lại.
err-nhanh-rate-limited = Nhanh đang giới hạn số lần quầy được gọi { $path }. Không mất dữ liệu: hệ thống sẽ tự thử lại sau ít phút.
err-nhanh-not-configured = Chưa thiết lập kết nối Nhanh (thiếu { $missing }). Hãy kết nối Nhanh trong phần cài đặt trước.
err-nhanh-invalid-mobile = “{ $mobile }” không phải số di động Việt Nam (10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09). Hãy sửa lại số.
err-nhanh-invalid-order = Đơn bán chưa được gửi tới Nhanh: { $field } không hợp lệ ({ $reason }). Hãy sửa đơn hoặc báo bộ phận hỗ trợ.
err-nhanh-webhook-body = Một thông báo từ Nhanh không đọc được và đã bị bỏ qua ({ $detail }).

## Mã lỗi của Nhanh
err-nhanh-invalid-app-id = Nhanh không nhận ra App ID này. Hãy đối chiếu App ID trong phần cài đặt với ứng dụng trên trang nhà phát triển của Nhanh.
err-nhanh-invalid-access-token = Nhanh không còn chấp nhận quyền truy cập của quầy (token bị thiếu, hết hạn hoặc đã bị thay bằng lần cấp quyền mới hơn). Chủ cửa hàng cần kết nối lại ứng dụng trên Nhanh.
err-nhanh-invalid-version = Access token này thuộc phiên bản API khác của Nhanh. Chủ cửa hàng cần kết nối lại ứng dụng để nhận token v3.
err-nhanh-invalid-business-id = Nhanh không nhận ra doanh nghiệp này, hoặc ứng dụng chưa được kết nối với doanh nghiệp. Hãy kết nối lại ứng dụng trên Nhanh.
err-nhanh-invalid-depot-id = Nhanh từ chối kho hàng: kho không tồn tại hoặc chưa được cấp quyền cho ứng dụng ({ $detail }). Hãy chọn một kho đã được cấp quyền trong phần cài đặt, hoặc nhờ chủ cửa hàng cấp quyền lại trên Nhanh.
err-nhanh-invalid-data = Nhanh không đọc được dữ liệu quầy gửi ({ $path }): { $detail }. Hãy báo bộ phận hỗ trợ.
err-nhanh-business-not-enable-api = Doanh nghiệp này chưa bật API trên Nhanh. Chủ cửa hàng cần bật API trên Nhanh rồi thử lại.
err-nhanh-forbidden = Nhanh từ chối: ứng dụng chưa được cấp quyền “{ $permission }”, cần để { $job }. Chủ cửa hàng cần cấp quyền lại cho ứng dụng trên Nhanh và đánh dấu quyền này.
err-nhanh-bad-secret-key = Nhanh từ chối Secret Key. Hãy sao chép lại Secret Key từ trang ứng dụng trên Nhanh vào phần cài đặt.
err-nhanh-bad-access-code = Nhanh từ chối mã truy cập: mã sai, đã được dùng, hoặc đã quá 10 phút. Hãy bắt đầu kết nối lại trên Nhanh để nhận mã mới.
err-nhanh-invalid-form-fields = Nhanh từ chối yêu cầu ({ $path }): { $detail }. Hãy sửa mục được nêu rồi thử lại.
err-nhanh-api = Nhanh từ chối yêu cầu ({ $path }, { $code }): { $detail }.

## Các công việc của bộ kết nối (đứng sau “cần để”)
nhanh-job-products = nhập sản phẩm, danh mục và tồn kho vào thực đơn
nhanh-job-sales = gửi các đơn bán tại quầy lên Nhanh dưới dạng đơn hàng
nhanh-job-orders = hiển thị và cập nhật đơn hàng online của Nhanh
nhanh-job-customers = tìm và thêm khách hàng theo số di động
nhanh-job-other = dùng chức năng này của Nhanh

## Lý do sản phẩm không có trong thực đơn
nhanh-skip-empty-name = Sản phẩm không có tên.
nhanh-skip-voucher = Phiếu quà tặng (voucher) không được bán như một món.
nhanh-skip-variant-parent = Sản phẩm này chỉ gom các biến thể; từng biến thể được đưa vào thực đơn thay cho nó.
nhanh-skip-unknown-category = Sản phẩm thuộc danh mục { $category }, danh mục này không có trong danh sách của Nhanh.
nhanh-skip-no-price = Sản phẩm chưa có giá bán lẻ.
nhanh-skip-negative-price = Giá bán lẻ { $price } là số âm.
nhanh-skip-fractional-price = Giá bán lẻ { $price } có phần lẻ dưới một đồng.
nhanh-skip-bad-price = Giá bán lẻ “{ $price }” không phải là số tiền hợp lệ.
nhanh-skip-bad-vat = Thuế suất VAT “{ $vat }” không hợp lệ.
nhanh-skip-weighed-fractional = Sản phẩm cân ký có số lượng { $quantity } không thể bán theo đơn vị nguyên tại quầy.
nhanh-skip-duplicate-barcode = Mã vạch { $barcode } đã được dùng cho { $item }.

## Trạng thái đơn hàng của Nhanh
nhanh-order-status-54 = Mới
nhanh-order-status-55 = Đang xác nhận
nhanh-order-status-56 = Đã xác nhận
nhanh-order-status-57 = Chờ khách xác nhận
nhanh-order-status-42 = Đang đóng gói
nhanh-order-status-40 = Đã đóng gói
nhanh-order-status-43 = Chờ lấy hàng
nhanh-order-status-59 = Đang giao hàng
nhanh-order-status-60 = Thành công
nhanh-order-status-61 = Giao thất bại
nhanh-order-status-58 = Hãng vận chuyển hủy
nhanh-order-status-63 = Khách hủy
nhanh-order-status-64 = Hệ thống hủy
nhanh-order-status-68 = Hết hàng
nhanh-order-status-71 = Đang chuyển hoàn
nhanh-order-status-72 = Đã chuyển hoàn
nhanh-order-status-73 = Đổi kho xuất hàng
nhanh-order-status-74 = Xác nhận hoàn
