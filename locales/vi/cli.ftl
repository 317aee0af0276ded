# The command line (`quay …`): labels and lines printed for people. Values that scripts
# read (ids, keys, states, dates, amounts) are inserted as they are; `--json` is never
# translated. The English lines are what tests and scripts already parse: keep them.

## Asking who runs a command

cli-pin-prompt = Mã PIN:

## quay db check

cli-db-integrity = toàn vẹn dữ liệu: { $result }
cli-db-schema = phiên bản lược đồ: { $version } (mới nhất { $latest })
cli-db-journal = nhật ký: { $mode }
cli-db-sales = đơn bán: { $sales }

## quay menu

cli-menu-imported = đã nhập thực đơn v{ $version }: { $items } món, { $categories } danh mục, mã băm { $hash }
cli-menu-up-to-date = thực đơn v{ $version }: đã cập nhật mới nhất
cli-menu-changed-full = thực đơn v{ $from } → v{ $to }: { $items } món (toàn bộ thực đơn)
cli-menu-changed = thực đơn v{ $from } → v{ $to }: { $items } thay đổi
cli-menu-counter = quầy:
cli-menu-hub = máy chủ:
cli-menu-in-sync = đã đồng bộ: { $in_sync ->
    [true] có
   *[false] không
}
cli-menu-added = thêm mới
cli-menu-changed-item = thay đổi
cli-menu-removed = đã xóa

## quay sync

cli-sync-pending = đang chờ gửi: { $pending }
cli-sync-oldest = cũ nhất: { $at }
cli-sync-last-error = lỗi gần nhất: { $error }
cli-sync-rejected = bị từ chối
cli-sync-pushed = đã gửi { $sent }: { $stored } đã lưu, { $duplicates } trùng lặp, { $rejected } bị từ chối; { $waiting } đang chờ

## quay payments list, quay terminal

cli-pay-pan = số thẻ { $pan }
cli-pay-tid = mã máy { $tid }
cli-pay-trace = số truy vết { $trace }
cli-pay-auth = mã cấp phép { $auth }
cli-pay-rrn = số tham chiếu { $rrn }
cli-pay-code = mã kết quả { $code }
cli-pay-order = đơn { $order }
cli-pay-txn = giao dịch { $txn }
cli-terminal-last = giao dịch gần nhất: { $result }

## quay voucher check

cli-voucher-value = giá trị { $value }
cli-voucher-min = tối thiểu { $min }
cli-voucher-expires = hết hạn { $at }
cli-voucher-applies = áp dụng { $amount }

## quay dayend: rows and cells shared by totals, the terminal batch, reconciliation, close

cli-total = tổng
cli-counter = quầy
cli-bank = ngân hàng
cli-difference = chênh lệch
cli-counter-amount = quầy { $amount }
cli-terminal-amount = máy thẻ { $amount }
cli-bank-amount = ngân hàng { $amount }
cli-difference-amount = chênh lệch { $amount }

## quay dayend totals, close

cli-dayend-sales = đơn bán
cli-dayend-voids = đơn hủy
cli-dayend-refunds = hoàn tiền
cli-dayend-declined = bị từ chối
cli-dayend-net = thực thu
cli-dayend-cash-expected = tiền mặt dự kiến
cli-dayend-cash-counted = tiền mặt đếm được
cli-dayend-tender = hình thức { $tender }
cli-dayend-voucher = phiếu quà tặng { $partner }
cli-dayend-wallet = ví { $wallet }
cli-dayend-card = thẻ { $brand }
cli-dayend-closed = đã chốt
cli-dayend-closed-by = bởi { $name }
cli-dayend-closed-at = lúc { $at }

## quay dayend terminal

cli-batch-agrees = khớp { $agrees ->
    [true] có
   *[false] không
}
cli-batch-counter = quầy { $count } { $amount }
cli-batch-terminal = máy thẻ { $count } { $amount }

## quay dayend reconcile

cli-rec-file = tệp
cli-rec-lines = { $lines } dòng
cli-rec-new = { $new } dòng mới
cli-rec-already = đã nhập cho ngày { $date }
cli-rec-total = tổng { $currency }
cli-rec-fees = phí { $amount }
cli-rec-next-batch = lô sau { $amount }
cli-alipay-syncs-waiting = đơn chờ đồng bộ với Alipay: { $count }
cli-alipay-products-dry-run = sẽ gửi { $sent }; không đổi { $unchanged }; không đăng được { $unpublishable }; bị từ chối { $refused }
cli-alipay-products-sent = đã gửi { $sent }; không đổi { $unchanged }; không đăng được { $unpublishable }; bị từ chối { $refused }
cli-alipay-synced = đã đồng bộ { $synced }; lỗi { $failed }; đang chờ { $waiting }
