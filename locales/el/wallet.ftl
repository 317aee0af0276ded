# Πληρωμές με ψηφιακό πορτοφόλι (MoMo POS, ZaloPay, VNPAY-QR): τα μηνύματα του συστήματος, σε κάθε οθόνη.

## Η πορεία μιας πληρωμής με πορτοφόλι
pay-wallet-code-is = Κωδικός πληρωμής { $wallet }
pay-wallet-status-sending = Αποστολή του κωδικού στο { $wallet }…
pay-wallet-status-confirming = Ο πελάτης επιβεβαιώνει στο { $wallet }…
pay-wallet-status-waiting = Αναμονή να σαρώσει ο πελάτης και να πληρώσει με το { $wallet }…
pay-wallet-status-closing = Ο χρόνος έληξε: ζητείται από το { $wallet } να επιβεβαιώσει ότι η παραγγελία έκλεισε…
pay-wallet-approved = Η πληρωμή μέσω { $wallet } ελήφθη. Η πώληση { $receipt } έκλεισε.
pay-wallet-remaining = Η πληρωμή μέσω { $wallet } ελήφθη. Υπόλοιπο: { $amount }
# Τι βλέπει ο πελάτης στην εφαρμογή του πορτοφολιού για την παραγγελία και για την επιστροφή της.
pay-wallet-order-info = Πληρωμή για την πώληση { $sale }
pay-wallet-refund-info = Επιστροφή χρημάτων για την πώληση { $sale }

## Γιατί δεν ολοκληρώθηκε μια πληρωμή με πορτοφόλι
err-wallet-gave-up = Σταματήσατε την αναμονή για το { $wallet }. Η παραγγελία παρακολουθείται ακόμη: αν ο πελάτης τελικά πληρώσει, η πώληση ολοκληρώνεται ή η πληρωμή μπαίνει στη λίστα για επιστροφή χρημάτων.
err-wallet-declined = Το { $wallet } απέρριψε την πληρωμή (κωδικός σφάλματος { $code }).
err-wallet-insufficient-funds = { $wallet }: το υπόλοιπο του πελάτη δεν επαρκεί (κωδικός σφάλματος { $code }).
err-wallet-over-limit = { $wallet }: ο πελάτης έφτασε το όριο πληρωμών του (κωδικός σφάλματος { $code }).
err-wallet-customer-cancelled = { $wallet }: ο πελάτης ακύρωσε την πληρωμή (κωδικός σφάλματος { $code }).
err-wallet-code-expired = { $wallet }: ο κωδικός πληρωμής έληξε ή έχει ήδη χρησιμοποιηθεί· ζητήστε από τον πελάτη να τον ανανεώσει (κωδικός σφάλματος { $code }).
err-wallet-refused = Το { $wallet } αρνήθηκε το αίτημα· δεν έγινε καμία χρέωση (κωδικός σφάλματος { $code }).
err-wallet-expired = Η παραγγελία στο { $wallet } έληξε απλήρωτη. Μπορείτε να δοκιμάσετε ξανά.
err-wallet-unknown = Δεν υπάρχει ακόμη τελική απάντηση από το { $wallet } για την πληρωμή { $key }. Η ερώτηση επαναλαμβάνεται στο παρασκήνιο· μη χρεώσετε ξανά τον πελάτη.
err-wallet-not-configured = Το { $wallet } δεν έχει ρυθμιστεί: λείπει { $missing }.
err-wallet-config = Οι ρυθμίσεις του { $wallet } δεν μπορούν να χρησιμοποιηθούν: { $error }
err-wallet-currency = Τα πορτοφόλια δέχονται μόνο βιετναμέζικο ντονγκ· αυτό το ταμείο λειτουργεί σε { $currency }.
err-wallet-not-enabled = Το { $wallet } δεν είναι ενεργοποιημένο σε αυτό το ταμείο.
err-wallet-code-required = Σαρώστε πρώτα τον κωδικό πληρωμής { $wallet } του πελάτη.
err-wallet-code-unknown = Αυτός δεν είναι κωδικός πληρωμής πορτοφολιού. Δεν στάλθηκε τίποτα.
err-wallet-code-unsupported = Οι κωδικοί { $wallet } δεν γίνονται δεκτοί σε αυτό το ταμείο. Δεν στάλθηκε τίποτα.
err-wallet-no-code-scan = Με το { $wallet } ο πελάτης πληρώνει σαρώνοντας το QR του ταμείου, όχι με σάρωση κωδικού στο ταμείο.
err-wallet-amount-limits = Το { $wallet } δέχεται από { $min } έως { $max } ανά πληρωμή· το ποσό { $amount } είναι εκτός ορίων. Δεν στάλθηκε τίποτα.
err-wallet-nothing-running = Δεν εκτελείται καμία πληρωμή με πορτοφόλι.
err-wallet-not-unused = Η πληρωμή { $key } δεν είναι πληρωμή με πορτοφόλι που περιμένει επιστροφή χρημάτων.
err-wallet-unknown-order = Το πορτοφόλι ανέφερε μια παραγγελία που αυτό το ταμείο δεν γνωρίζει.
err-wallet-refund-in-portal = Αυτό το πορτοφόλι δεν προσφέρει υπηρεσία επιστροφής χρημάτων για το κατάστημα: κάντε την επιστροφή της πληρωμής { $key } στην πύλη εμπόρων του πορτοφολιού και μετά διευθετήστε τη χειροκίνητα στην οθόνη «Πληρωμές σε εκκρεμότητα».
err-wallet-still-payable = Η πληρωμή { $key } μπορεί ακόμη να εξοφληθεί στο πορτοφόλι μέχρι να λήξει το QR: περιμένετε ή ρωτήστε ξανά το πορτοφόλι πριν τη διευθετήσετε ως μη χρεωμένη.

## Ρυθμίσεις
setup-group-wallets = Ψηφιακά πορτοφόλια (MoMo, ZaloPay, VNPAY-QR)
setup-key-wallet-qr-deadline = Διάρκεια ισχύος του QR πληρωμής (δευτερόλεπτα)
setup-key-wallet-poll = Διάστημα μεταξύ ερωτήσεων προς το πορτοφόλι (δευτερόλεπτα)
setup-key-wallet-momo-enabled = Αποδοχή πληρωμών MoMo
setup-key-wallet-momo-url = Διεύθυνση API της MoMo
setup-key-wallet-momo-partner-code = Κωδικός συνεργάτη (partner code) της MoMo
setup-key-wallet-momo-access-key = Κλειδί πρόσβασης (access key) της MoMo
setup-key-wallet-momo-secret-key = Μυστικό κλειδί (secret key) της MoMo
setup-key-wallet-momo-public-key = Δημόσιο κλειδί της MoMo (RSA)
setup-key-wallet-momo-store-id = Store ID της MoMo
setup-key-wallet-momo-listen = IPN της MoMo: ακρόαση σε (διεύθυνση:θύρα)
setup-key-wallet-momo-callback-url = IPN της MoMo: δημόσια διεύθυνση
setup-key-wallet-zalopay-enabled = Αποδοχή πληρωμών ZaloPay
setup-key-wallet-zalopay-url = Διεύθυνση API της ZaloPay
setup-key-wallet-zalopay-app-id = App ID της ZaloPay
setup-key-wallet-zalopay-key1 = Key1 της ZaloPay
setup-key-wallet-zalopay-key2 = Key2 της ZaloPay
setup-key-wallet-zalopay-listen = Callback της ZaloPay: ακρόαση σε (διεύθυνση:θύρα)
setup-key-wallet-zalopay-callback-url = Callback της ZaloPay: δημόσια διεύθυνση
setup-key-wallet-vnpay-enabled = Αποδοχή πληρωμών VNPAY-QR
setup-key-wallet-vnpay-url = Διεύθυνση API VNPAY-QR
setup-key-wallet-vnpay-merchant-code = Κωδικός εμπόρου (merchant code) της VNPAY
setup-key-wallet-vnpay-terminal-id = Terminal ID της VNPAY
setup-key-wallet-vnpay-secret = Μυστικό κλειδί της VNPAY
setup-key-wallet-vnpay-merchant-type = Κατηγορία εμπόρου της VNPAY (MCC)
setup-key-wallet-vnpay-listen = IPN της VNPAY: ακρόαση σε (διεύθυνση:θύρα)

## Έλεγχοι σύνδεσης
setup-target-momo-pay = Πληρωμές MoMo
setup-target-zalopay = ZaloPay
setup-target-vnpay = VNPAY-QR
setup-step-wallet-settings = Οι ρυθμίσεις του { $wallet } είναι πλήρεις
setup-step-wallet-keys = Το { $wallet } απάντησε σε υπογεγραμμένο αίτημα (τα κλειδιά είναι σωστά)
setup-ok-wallet-settings = Οι ρυθμίσεις του { $wallet } είναι πλήρεις.
setup-ok-wallet-keys = Το { $wallet } απάντησε «δεν υπάρχει τέτοια παραγγελία» (κωδικός { $code }), υπογεγραμμένο με τα κλειδιά του καταστήματος.
setup-fail-wallet-keys = Η απάντηση του πορτοφολιού δεν αποδεικνύει τα κλειδιά: { $detail }
