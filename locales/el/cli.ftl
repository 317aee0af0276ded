# The command line (`quay …`): labels and lines printed for people. Values that scripts
# read (ids, keys, states, dates, amounts) are inserted as they are; `--json` is never
# translated. The English lines are what tests and scripts already parse: keep them.

## Asking who runs a command

cli-pin-prompt = Κωδικός PIN:

## quay db check

cli-db-integrity = ακεραιότητα: { $result }
cli-db-schema = έκδοση σχήματος: { $version } (τελευταία { $latest })
cli-db-journal = ημερολόγιο: { $mode }
cli-db-sales = πωλήσεις: { $sales }

## quay menu

cli-menu-imported = εισαγωγή καταλόγου v{ $version }: είδη { $items }, κατηγορίες { $categories }, αποτύπωμα { $hash }
cli-menu-up-to-date = κατάλογος v{ $version }: ενημερωμένος
cli-menu-changed-full = κατάλογος v{ $from } → v{ $to }: είδη { $items } (πλήρης κατάλογος)
cli-menu-changed = κατάλογος v{ $from } → v{ $to }: αλλαγές { $items }
cli-menu-counter = ταμείο:
cli-menu-hub = διακομιστής:
cli-menu-in-sync = συγχρονισμένος: { $in_sync ->
    [true] ναι
   *[false] όχι
}
cli-menu-added = προστέθηκε
cli-menu-changed-item = άλλαξε
cli-menu-removed = αφαιρέθηκε

## quay sync

cli-sync-pending = σε αναμονή: { $pending }
cli-sync-oldest = παλαιότερη: { $at }
cli-sync-last-error = τελευταίο σφάλμα: { $error }
cli-sync-rejected = απορρίφθηκε
cli-sync-pushed = στάλθηκαν { $sent }: αποθηκεύτηκαν { $stored }, διπλές { $duplicates }, απορρίφθηκαν { $rejected }· σε αναμονή { $waiting }

## quay payments list, quay terminal

cli-pay-pan = αρ. κάρτας { $pan }
cli-pay-tid = αρ. τερματικού { $tid }
cli-pay-trace = αρ. ίχνους { $trace }
cli-pay-auth = κωδ. έγκρισης { $auth }
cli-pay-rrn = αρ. αναφοράς { $rrn }
cli-pay-code = κωδ. αποτελέσματος { $code }
cli-pay-order = παραγγελία { $order }
cli-pay-txn = συναλλαγή { $txn }
cli-terminal-last = τελευταία συναλλαγή: { $result }

## quay voucher check

cli-voucher-value = αξία { $value }
cli-voucher-min = ελάχιστο { $min }
cli-voucher-expires = λήγει { $at }
cli-voucher-applies = ισχύει { $amount }

## quay dayend: rows and cells shared by totals, the terminal batch, reconciliation, close

cli-total = σύνολο
cli-counter = ταμείο
cli-bank = τράπεζα
cli-difference = διαφορά
cli-counter-amount = ταμείο { $amount }
cli-terminal-amount = τερματικό { $amount }
cli-bank-amount = τράπεζα { $amount }
cli-difference-amount = διαφορά { $amount }

## quay dayend totals, close

cli-dayend-sales = πωλήσεις
cli-dayend-voids = ακυρώσεις
cli-dayend-refunds = επιστροφές
cli-dayend-declined = απορρίψεις
cli-dayend-net = καθαρό
cli-dayend-cash-expected = αναμενόμενα μετρητά
cli-dayend-cash-counted = καταμετρημένα μετρητά
cli-dayend-tender = τρόπος πληρωμής { $tender }
cli-dayend-voucher = κουπόνι { $partner }
cli-dayend-wallet = πορτοφόλι { $wallet }
cli-dayend-card = κάρτα { $brand }
cli-dayend-closed = έκλεισε
cli-dayend-closed-by = από { $name }
cli-dayend-closed-at = στις { $at }

## quay dayend terminal

cli-batch-agrees = συμφωνεί { $agrees ->
    [true] ναι
   *[false] όχι
}
cli-batch-counter = ταμείο { $count } { $amount }
cli-batch-terminal = τερματικό { $count } { $amount }

## quay dayend reconcile

cli-rec-file = αρχείο
cli-rec-lines = γραμμές { $lines }
cli-rec-new = νέες { $new }
cli-rec-already = έχει ήδη εισαχθεί για { $date }
cli-rec-total = σύνολο { $currency }
cli-rec-fees = χρεώσεις { $amount }
cli-rec-next-batch = επόμενη παρτίδα { $amount }
cli-alipay-syncs-waiting = παραγγελίες που περιμένουν συγχρονισμό με το Alipay: { $count }
cli-alipay-products-dry-run = θα σταλούν { $sent }· αμετάβλητα { $unchanged }· μη δημοσιεύσιμα { $unpublishable }· απορρίφθηκαν { $refused }
cli-alipay-products-sent = στάλθηκαν { $sent }· αμετάβλητα { $unchanged }· μη δημοσιεύσιμα { $unpublishable }· απορρίφθηκαν { $refused }
cli-alipay-synced = συγχρονίστηκαν { $synced }· απέτυχαν { $failed }· σε αναμονή { $waiting }
