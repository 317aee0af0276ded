# Máy in hóa đơn và máy in bếp (crate quay-print): vì sao máy in không nhận lệnh in.
# Mỗi id là một `code` mà hệ thống trả về; cửa sổ hiển thị tên máy in bên cạnh thông báo.

## Địa chỉ máy in (cài đặt printer.receipt, printer.kitchen.<station>)
err-print-address = “{ $address }” không phải là địa chỉ máy in. { $problem } Hãy viết theo dạng tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, usb:/dev/usb/lp0 hoặc file:/path.
print-address-empty = Phần cài đặt đang để trống.
print-address-scheme = Địa chỉ phải bắt đầu bằng tcp://, serial:, usb: hoặc file:.
print-address-host = Tên máy hoặc địa chỉ IP của máy in bị thiếu hoặc không hợp lệ.
print-address-port = Cổng phải là một số từ 1 đến 65535.
print-address-path = Đường dẫn thiết bị hoặc tệp bị thiếu hoặc có chứa khoảng trắng.
print-address-baud = Tốc độ cổng nối tiếp phải là một trong các giá trị 1200, 2400, 4800, 9600, 19200, 38400, 57600 hoặc 115200.
print-address-option = Máy in nối tiếp chỉ nhận ?baud=… sau tên thiết bị.

## Trạng thái máy in
err-print-offline = Không kết nối được với máy in hoặc máy in đang ngoại tuyến. Hãy kiểm tra máy in đã bật và đã được nối (cáp mạng, cáp USB hoặc cáp nối tiếp), và địa chỉ trong phần cài đặt là đúng. Các lệnh in đang chờ vẫn được giữ lại và sẽ được in khi máy in hoạt động trở lại.
err-print-paper-out = Máy in hết giấy. Hãy lắp cuộn giấy mới và đóng nắp; các lệnh in đang chờ vẫn được giữ lại và sẽ được in sau đó.
err-print-cover-open = Nắp máy in đang mở. Hãy đóng nắp; các lệnh in đang chờ vẫn được giữ lại và sẽ được in sau đó.
err-print-status-unknown = Máy in trả lời yêu cầu trạng thái bằng { $answer }, đây không phải là trạng thái máy in. Hãy kiểm tra địa chỉ có trỏ tới một máy in ESC/POS hay không. Lệnh in vẫn được giữ lại.
err-print-status-silent = Máy in không trả lời yêu cầu trạng thái kịp thời. Hãy kiểm tra máy in đã bật và địa chỉ có trỏ tới một máy in ESC/POS hay không. Lệnh in vẫn được giữ lại.
err-print-no-status = Máy in nối qua USB không báo được là đã sẵn sàng hay chưa (giấy, nắp). Hãy kiểm tra trực tiếp trên máy in.

## Lệnh in
err-print-too-wide = Hình ảnh rộng { $width } điểm, nhưng máy in chỉ in được tối đa { $max } điểm. Hãy kiểm tra khổ giấy (58 hoặc 80 mm) trong phần cài đặt máy in.
err-print-io = Không gửi được lệnh in tới máy in: { $detail }. Lệnh in vẫn được giữ lại.
err-print-unconfirmed = { $cause } Lệnh in đã được gửi đi và có thể đã in một phần hoặc toàn bộ; lệnh vẫn được giữ lại để in lại.
