# Day-end: totals, the terminal batch, the bank file, reconciliation, the report.

## The report (PDF)

dayend-report-title = Báo cáo cuối ngày { $date }
dayend-report-store = { $store } · quầy { $counter }
dayend-report-generated = In lúc { $at }
dayend-report-closed = Đã chốt bởi { $name } lúc { $at }
dayend-report-open = Ngày này chưa được chốt.
dayend-section-sales = Bán hàng
dayend-sales-count = Đơn bán
dayend-voids = Đơn hủy
dayend-refunds = Hoàn tiền thẻ
dayend-partial-refunds = Hoàn tiền một phần (ví điện tử)
dayend-declined = Giao dịch thẻ bị từ chối
dayend-net-total = Tổng thực thu
dayend-section-tenders = Thanh toán theo hình thức
dayend-col-tender = Hình thức
dayend-col-count = Số lượng
dayend-col-amount = Số tiền
dayend-none = Không có
dayend-section-cash = Két tiền mặt
dayend-cash-expected = Tiền mặt dự kiến
dayend-cash-counted = Tiền mặt đếm được
dayend-cash-difference = Chênh lệch
dayend-cash-not-counted = Chưa đếm
dayend-cash-reason = Lý do chênh lệch: { $reason }
dayend-section-vouchers = Phiếu quà tặng theo đối tác
dayend-col-partner = Đối tác
dayend-section-wallets = Ví điện tử
dayend-col-wallet = Ví
dayend-section-cards = Thanh toán thẻ theo loại thẻ
dayend-col-brand = Loại thẻ
dayend-unknown-brand = Không rõ loại thẻ
dayend-section-terminal = Lô giao dịch của máy POS ({ $terminal })
dayend-total = Tổng
dayend-col-counter = Quầy
dayend-col-terminal = Máy POS
dayend-col-difference = Chênh lệch
dayend-terminal-differs = Lô của máy POS chênh lệch { $difference } so với quầy.
dayend-terminal-none = Lô của máy POS chưa được chốt cho ngày này.
dayend-section-bank = Đối soát ngân hàng
dayend-bank-none = Chưa nhập tệp ngân hàng nào cho ngày này.
dayend-bank-counter-total = Thanh toán thẻ tại quầy
dayend-bank-total = Thanh toán thẻ theo ngân hàng
dayend-bank-fees = Phí và bồi hoàn
dayend-bank-next-batch = Dự kiến trong lô sau
dayend-bank-difference = Chênh lệch (ngân hàng − quầy)
dayend-section-exceptions = Các dòng cần kiểm tra
dayend-col-side = Nguồn
dayend-col-reference = Mã tham chiếu
dayend-col-category = Kết quả
dayend-side-bank = Dòng ngân hàng { $line }
dayend-side-counter = Quầy
dayend-cat-matched = Khớp
dayend-cat-matched-with-difference = Khớp, số tiền khác nhau
dayend-cat-missing-at-bank = Thiếu ở ngân hàng
dayend-cat-missing-at-counter = Thiếu ở quầy
dayend-cat-duplicate = Trùng lặp
dayend-cat-refund-unmatched = Hoàn tiền chưa khớp
dayend-cat-next-batch = Lô sau
dayend-cat-fee-or-chargeback = Phí hoặc bồi hoàn
dayend-cat-ambiguous = Không rõ ràng

## Errors

err-dayend-outbox-pending = Chưa thể chốt ngày: còn { $count } đơn đang chờ gửi lên máy chủ ({ $receipts }). Hãy gửi chúng trước.
err-dayend-payments-unresolved = Chưa thể chốt ngày: chưa rõ kết quả của { $count } giao dịch thẻ ({ $payments }). Hãy xử lý chúng trước.
err-dayend-already-closed = Ngày { $date } đã được { $name } chốt lúc { $at }.
err-dayend-cash-reason = Tiền mặt đếm được chênh lệch { $difference } so với dự kiến: hãy nhập lý do.
err-dayend-terminal = Không thể chốt lô của máy POS: { $detail }
err-bank-unknown-preset = Không có mẫu tệp ngân hàng “{ $name }”. Các mẫu hiện có: { $presets }.
err-bank-preset-json = Mẫu tệp ngân hàng không hợp lệ: { $detail }
err-bank-preset-name = Không thể dùng “{ $name }” làm tên mẫu đã lưu.
err-pdf = Không thể tạo tệp PDF: { $detail }

## The bank file

err-bank-empty = Tệp ngân hàng trống.
err-bank-wrong-delimiter = Tệp ngân hàng phân cách cột bằng “{ $found }”, không phải “{ $expected }”: hãy chọn đúng mẫu.
err-bank-not-utf8 = Dòng { $line } của tệp ngân hàng không phải văn bản UTF-8.
err-bank-bad-csv = Không đọc được dòng { $line } của tệp ngân hàng dưới dạng CSV.
err-bank-missing-column = Tệp ngân hàng không có cột “{ $column }”.
err-bank-field-count = Dòng { $line } của tệp ngân hàng có { $found } cột, dòng tiêu đề có { $expected }.
err-bank-missing-value = Dòng { $line }, cột “{ $column }”: thiếu giá trị.
err-bank-bad-amount = Dòng { $line }, cột “{ $column }”: “{ $text }” không phải là số tiền.
err-bank-bad-date = Dòng { $line }, cột “{ $column }”: “{ $text }” không phải là ngày giờ.
err-bank-unknown-currency = Dòng { $line }, cột “{ $column }”: không rõ đơn vị tiền “{ $code }”.
err-bank-unknown-type = Dòng { $line }, cột “{ $column }”: không rõ loại giao dịch “{ $value }”.
err-bank-negative-sale = Dòng { $line }, cột “{ $column }”: giao dịch bán có số tiền âm.
err-bank-mixed-currency = Dòng { $line } tính bằng { $found }, các dòng trước tính bằng { $expected }.
err-bank-wrong-currency = Dòng { $line } tính bằng { $found }, nhưng quầy này dùng { $expected }.
err-bank-other-terminal = Dòng { $line } thuộc máy POS { $terminal }, không phải của quầy này.
err-bank-other-merchant = Dòng { $line } thuộc đơn vị { $merchant }, nhưng cửa hàng này là { $expected }.
err-bank-bad-preset = Mẫu tệp ngân hàng không thể đọc tệp nào: { $reason }.
err-bank-settle-unknown-line = Không có dòng ngân hàng { $id }.
err-bank-settle-unknown-payment = Không có giao dịch thẻ { $id } tại quầy.
err-bank-settle-line-twice = Dòng ngân hàng { $id } được xử lý hai lần.
err-bank-settle-payment-twice = Giao dịch thẻ { $id } được xử lý hai lần.
err-bank-settle-line-matched = Dòng ngân hàng { $id } đã được khớp.
err-bank-settle-payment-matched = Giao dịch thẻ { $id } đã được khớp.
err-bank-settle-fee-line = Dòng ngân hàng { $id } là phí hoặc bồi hoàn, không phải thanh toán.
err-bank-settle-no-reason = Hãy nhập lý do.
err-bank-settle-duplicate = Dòng ngân hàng { $id } lặp lại một dòng khác trong tệp của ngân hàng: chỉ được tính một lần và không cần xử lý. Hãy báo cho ngân hàng.
