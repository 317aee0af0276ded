# The command line (`quay …`): labels and lines printed for people. Values that scripts
# read (ids, keys, states, dates, amounts) are inserted as they are; `--json` is never
# translated. The English lines are what tests and scripts already parse: keep them.

## Asking who runs a command

cli-pin-prompt = PIN:

## quay db check

cli-db-integrity = integrity: { $result }
cli-db-schema = schema version: { $version } (latest { $latest })
cli-db-journal = journal: { $mode }
cli-db-sales = sales: { $sales }

## quay menu

cli-menu-imported = menu v{ $version } imported: { $items } items, { $categories } categories, hash { $hash }
cli-menu-up-to-date = menu v{ $version }: up to date
cli-menu-changed-full = menu v{ $from } → v{ $to }: { $items } items (full snapshot)
cli-menu-changed = menu v{ $from } → v{ $to }: { $items } changes
cli-menu-counter = counter:
cli-menu-hub = hub:
cli-menu-in-sync = in sync: { $in_sync ->
    [true] true
   *[false] false
}
cli-menu-added = added
cli-menu-changed-item = changed
cli-menu-removed = removed

## quay sync

cli-sync-pending = pending: { $pending }
cli-sync-oldest = oldest: { $at }
cli-sync-last-error = last error: { $error }
cli-sync-rejected = rejected
cli-sync-pushed = sent { $sent }: { $stored } stored, { $duplicates } duplicate, { $rejected } rejected; { $waiting } waiting

## quay payments list, quay terminal

cli-pay-pan = pan { $pan }
cli-pay-tid = tid { $tid }
cli-pay-trace = trace { $trace }
cli-pay-auth = auth { $auth }
cli-pay-rrn = rrn { $rrn }
cli-pay-code = code { $code }
cli-pay-order = order { $order }
cli-pay-txn = txn { $txn }
cli-terminal-last = last transaction: { $result }

## quay voucher check

cli-voucher-value = value { $value }
cli-voucher-min = min { $min }
cli-voucher-expires = expires { $at }
cli-voucher-applies = applies { $amount }

## quay dayend: rows and cells shared by totals, the terminal batch, reconciliation, close

cli-total = total
cli-counter = counter
cli-bank = bank
cli-difference = difference
cli-counter-amount = counter { $amount }
cli-terminal-amount = terminal { $amount }
cli-bank-amount = bank { $amount }
cli-difference-amount = difference { $amount }

## quay dayend totals, close

cli-dayend-sales = sales
cli-dayend-voids = voids
cli-dayend-refunds = refunds
cli-dayend-declined = declined
cli-dayend-net = net
cli-dayend-cash-expected = cash expected
cli-dayend-cash-counted = cash counted
cli-dayend-tender = tender { $tender }
cli-dayend-voucher = voucher { $partner }
cli-dayend-wallet = wallet { $wallet }
cli-dayend-card = card { $brand }
cli-dayend-closed = closed
cli-dayend-closed-by = by { $name }
cli-dayend-closed-at = at { $at }

## quay dayend terminal

cli-batch-agrees = agrees { $agrees ->
    [true] true
   *[false] false
}
cli-batch-counter = counter { $count } { $amount }
cli-batch-terminal = terminal { $count } { $amount }

## quay dayend reconcile

cli-rec-file = file
cli-rec-lines = { $lines } lines
cli-rec-new = { $new } new
cli-rec-already = already imported for { $date }
cli-rec-total = total { $currency }
cli-rec-fees = fees { $amount }
cli-rec-next-batch = next batch { $amount }
cli-alipay-syncs-waiting = order syncs waiting for Alipay: { $count }
cli-alipay-products-dry-run = would send { $sent }; unchanged { $unchanged }; not publishable { $unpublishable }; refused { $refused }
cli-alipay-products-sent = sent { $sent }; unchanged { $unchanged }; not publishable { $unpublishable }; refused { $refused }
cli-alipay-synced = synced { $synced }; failed { $failed }; waiting { $waiting }
