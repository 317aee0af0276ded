# The counter's screens. Money and dates arrive already formatted for the locale.

app-title = Quay
nav-register = Ταμείο
nav-sales = Σημερινές πωλήσεις
locale-label = Γλώσσα
menu-version = Μενού v{ $version }
menu-missing = Δεν υπάρχει ακόμη μενού: εισαγάγετε ένα ή συγχρονίστε με το κεντρικό σύστημα.

## Register
search-placeholder = Αναζήτηση: όνομα, SKU ή barcode
search-clear = Καθαρισμός αναζήτησης
search-no-results = Κανένα αποτέλεσμα για «{ $query }»
category-all = Όλα
item-sold-out = Εξαντλήθηκε
item-has-options = Επιλογές

## Cart
cart-title = Τρέχουσα πώληση
cart-empty = Πατήστε ένα είδος για να ξεκινήσετε πώληση.
cart-items =
    { $count ->
        [one] { $count } είδος
       *[other] { $count } είδη
    }
cart-qty-decrease = Μείωση ποσότητας
cart-qty-increase = Αύξηση ποσότητας
cart-edit = Επιλογές
cart-note = Σημείωση
cart-remove = Αφαίρεση
cart-clear = Καθαρισμός πώλησης
total-label = Σύνολο
vat-line = συμπ. ΦΠΑ { $rate }: { $amount }
pay-cash = Μετρητά

## Options and note dialog
options-add = Προσθήκη στην πώληση
options-save = Αποθήκευση
options-pick-one = Επιλέξτε ένα
options-pick-range = Επιλέξτε { $min } έως { $max }
options-pick-up-to = Έως { $max }
qty-label = Ποσότητα
note-label = Σημείωση
note-placeholder = π.χ. λιγότερο πάγο
cancel = Άκυρο
close = Κλείσιμο

## Cash
cash-title = Πληρωμή με μετρητά
cash-due = Πληρωτέο
cash-tendered = Δόθηκαν
cash-change = Ρέστα
cash-short = Λείπουν { $amount }
cash-exact = Ακριβές ποσό
cash-clear = Καθαρισμός
cash-backspace = Διαγραφή τελευταίου ψηφίου
cash-confirm = Κλείσιμο πώλησης

## File picker (a translated button for the file input)
file-choose = Επιλογή αρχείου…
file-none = Δεν επιλέχθηκε αρχείο

## Receipt preview
receipt-title = Απόδειξη
new-sale = Νέα πώληση
receipt-print = Εκτύπωση απόδειξης
receipt-reprint = Επανεκτύπωση
receipt-printing = Εκτύπωση…
receipt-printed = Η απόδειξη { $receipt } αποθηκεύτηκε για εκτύπωση: { $path }

## Sales today
sales-title = Σημερινές πωλήσεις
sales-empty = Καμία πώληση σήμερα ακόμη.
sales-summary = { $count ->
        [one] { $count } πώληση
       *[other] { $count } πωλήσεις
    }, { $amount }
sales-col-receipt = Απόδειξη
sales-col-time = Ώρα
sales-col-total = Σύνολο
sales-col-status = Κατάσταση
sale-status-closed = Ολοκληρώθηκε
sale-status-voided = Ακυρώθηκε
sale-status-void = Ακυρωτικό
sales-view = Απόδειξη
sales-void = Ακύρωση

## Void
void-title = Ακύρωση πώλησης { $receipt }
void-reason-label = Αιτία
void-reason-placeholder = π.χ. λάθος παραγγελία
void-confirm = Ακύρωση πώλησης
void-done = Η πώληση { $receipt } ακυρώθηκε.

## Messages
sale-closed = Η πώληση { $receipt } ολοκληρώθηκε. Ρέστα: { $change }
error-title = Κάτι πήγε στραβά

## Hub sync
nav-hub = Κεντρικό σύστημα
sync-pending =
    { $count ->
        [one] { $count } πώληση σε αναμονή από { $since }
       *[other] { $count } πωλήσεις σε αναμονή από { $since }
    }
sync-all-sent = Όλες οι πωλήσεις στάλθηκαν
sync-now = Συγχρονισμός τώρα
sync-progress-menu = Ενημέρωση μενού…
sync-progress-sales = Αποστολή πωλήσεων: { $done } από { $total }
menu-updated = Το μενού ενημερώθηκε στην έκδοση { $version }.
cart-line-removed = Δεν υπάρχει πλέον στο μενού
cart-line-unavailable = Μόλις εξαντλήθηκε
hub-title = Σύνδεση με το κεντρικό σύστημα
hub-menu-title = Συγχρονισμός μενού
hub-menu-counter = Αυτό το ταμείο
hub-menu-hub = Κεντρικό σύστημα
hub-menu-version = Έκδοση
hub-menu-hash = Αποτύπωμα περιεχομένου
hub-in-sync = Το μενού του ταμείου είναι ίδιο με του κεντρικού συστήματος.
hub-out-of-sync = Το μενού του ταμείου διαφέρει από του κεντρικού συστήματος.
hub-diff-added = Προστέθηκαν στο κεντρικό σύστημα
hub-diff-changed = Άλλαξαν στο κεντρικό σύστημα
hub-diff-removed = Αφαιρέθηκαν από το κεντρικό σύστημα
hub-check = Σύγκριση με το κεντρικό σύστημα
hub-outbox-title = Πωλήσεις προς το κεντρικό σύστημα
hub-last-error = Τελευταία απόπειρα: { $message }
hub-rejected-title = Πωλήσεις που απέρριψε το κεντρικό σύστημα
hub-rejected-none = Καμία.

## Card
pay-card = Κάρτα
card-title = Πληρωμή με κάρτα
card-follow = Ακολουθήστε τις οδηγίες στο τερματικό.
card-amount = Ποσό με κάρτα
card-amount-hint = Αφήστε το κενό για χρέωση όλου του οφειλόμενου ποσού ({ $amount }).
card-approved = Η κάρτα εγκρίθηκε. Η πώληση { $receipt } έκλεισε.
card-remaining = Η κάρτα εγκρίθηκε. Υπόλοιπο: { $amount }
card-retry = Δοκιμάστε ξανά

## What the card terminal shows
zvt-status-confirm-amount = Επιβεβαιώστε το ποσό στο τερματικό
zvt-status-enter-pin = Πληκτρολογήστε το PIN
zvt-status-waiting-host = Αναμονή για την τράπεζα…
zvt-status-auto-reversal = Αυτόματη αναστροφή
zvt-status-card-refused = Η κάρτα δεν γίνεται δεκτή
zvt-status-card-expired = Η κάρτα έχει λήξει
zvt-status-insert-card = Εισαγάγετε, ακουμπήστε ή σύρετε την κάρτα
zvt-status-remove-card = Αφαιρέστε την κάρτα
zvt-status-card-unreadable = Η κάρτα δεν διαβάζεται
zvt-status-wait = Περιμένετε…
zvt-status-wrong-pin = Λάθος PIN
zvt-status-pin-tries = Υπέρβαση ορίου προσπαθειών PIN
zvt-status-approved = Εγκρίθηκε
zvt-status-declined = Απορρίφθηκε
zvt-status-other = Το τερματικό είναι απασχολημένο
viva-order-sent = Η παραγγελία στάλθηκε: πατήστε F1 στο τερματικό
audit-verified = Το αρχείο ελέγχου είναι ακέραιο: { $count } εγγραφές.

## Staff and sign-in
nav-staff = Τεχνικός
sign-out = Αποσύνδεση
staff-role =
    { $role ->
        [cashier] Ταμίας
        [manager] Υπεύθυνος
       *[technician] Τεχνικός
    }
pin-backspace = Διαγραφή τελευταίου ψηφίου
pin-clear = Σβήσιμο
signin-title = Σύνδεση
signin-hint = Πληκτρολογήστε το PIN σας στο αριθμητικό πληκτρολόγιο ή στο πληκτρολόγιο.
signin-pin-label = Κωδικός PIN
signin-submit = Σύνδεση
signin-checking = Έλεγχος…
firstrun-banner = Εγκατάσταση: δεν υπάρχει ακόμη προσωπικό — προσθέστε τον πρώτο τεχνικό.
firstrun-open = Προσθήκη του πρώτου τεχνικού
firstrun-explain = Μέχρι τότε το ταμείο λειτουργεί χωρίς σύνδεση. Μόλις υπάρξει τεχνικός, όλοι συνδέονται με PIN.
firstrun-done = Ο τεχνικός { $name } προστέθηκε. Συνδεθείτε με το PIN.
staff-add-title = Προσθήκη προσωπικού
staff-add-open = Προσθήκη προσωπικού
staff-add-submit = Προσθήκη
staff-name-label = Όνομα
staff-role-label = Ρόλος
staff-pin-label = Κωδικός PIN
staff-pin2-label = PIN ξανά
staff-pin-hint = Μόνο ψηφία. Πρέπει να το γνωρίζει μόνο αυτό το άτομο.
staff-pin-mismatch = Τα δύο PIN δεν είναι ίδια.
staff-name-missing = Χρειάζεται όνομα.
staff-pin-missing = Χρειάζεται PIN.
staff-added = Προστέθηκε: { $name }.
staff-action =
    { $action ->
        [ring-sale] Καταχώριση πωλήσεων
        [view-sales] Προβολή σημερινών πωλήσεων και αποδείξεων
        [approve-void] Έγκριση ακυρώσεων
        [approve-refund] Έγκριση επιστροφών χρημάτων
        [close-day] Κλείσιμο ημέρας
        [reconcile] Συμφωνία πληρωμών
        [manual-bank-entry] Χειροκίνητη καταχώριση τραπεζικών πληρωμών
        [settle-payment] Χειροκίνητη διευθέτηση πληρωμών με κάρτα
        [open-drawer] Άνοιγμα του συρταριού μετρητών χωρίς πώληση
        [configure-settings] Αλλαγή ρυθμίσεων του ταμείου
        [test-connection] Έλεγχος συνδέσεων
        [manage-staff] Προσθήκη και διαχείριση προσωπικού
       *[other] { $action }
    }
tech-title = Τεχνικός: { $name }
tech-explain = Οι τεχνικοί στήνουν το ταμείο: προσωπικό, ρυθμίσεις και συνδέσεις. Δεν καταχωρίζουν πωλήσεις.
tech-may-title = Τι μπορείτε να κάνετε εδώ
approver-pin-label = PIN υπευθύνου
void-approver-hint = Ένας υπεύθυνος εγκρίνει την ακύρωση πληκτρολογώντας εδώ το PIN του.

## Card payments not settled
open-payments-badge =
    { $count ->
        [one] { $count } πληρωμή με κάρτα εκκρεμεί
       *[other] { $count } πληρωμές με κάρτα εκκρεμούν
    }
open-payments-title = Πληρωμές με κάρτα σε εκκρεμότητα
open-payments-explain = Το ταμείο δεν γνωρίζει αν χρεώθηκαν αυτές οι κάρτες (μετά από κατάρρευση ή χαμένη απάντηση). Ρωτήστε πρώτα ξανά το τερματικό. Μη χρεώσετε ποτέ ξανά την κάρτα.
open-payments-none = Καμία πληρωμή με κάρτα δεν περιμένει.
open-payments-resolve = Ρωτήστε ξανά το τερματικό
open-payments-asking = Ερώτηση στο τερματικό…
open-payments-still-unknown = Το τερματικό δεν μπόρεσε ακόμη να απαντήσει. Δοκιμάστε ξανά ή διευθετήστε χειροκίνητα.
open-payments-all-settled = Όλες οι πληρωμές με κάρτα διευθετήθηκαν.
open-payments-some-settled =
    { $count ->
        [one] Διευθετήθηκε { $count } πληρωμή με κάρτα.
       *[other] Διευθετήθηκαν { $count } πληρωμές με κάρτα.
    }
open-payment-state =
    { $state ->
        [pending] Δεν στάλθηκε ακόμη στο τερματικό
        [sent] Στάλθηκε στο τερματικό, χωρίς απάντηση
        [paid_unused] Πληρώθηκε αφού ο ταμίας σταμάτησε την αναμονή: προς επιστροφή
       *[unknown] Άγνωστο αποτέλεσμα
    }
open-payment-terminal =
    { $terminal ->
        [zvt] Τερματικό ZVT
        [viva] Τερματικό Viva
        [momo] MoMo
        [zalopay] ZaloPay
        [vnpay] VNPAY-QR
       *[other] { $terminal }
    }
open-payment-settle = Χειροκίνητη διευθέτηση
open-payment-refund = Επιστροφή χρημάτων
refund-unused-title = Επιστροφή { $amount } στον πελάτη
refund-unused-explain = Ο πελάτης πλήρωσε με πορτοφόλι αφού ο ταμίας σταμάτησε την αναμονή, και η πώληση πληρώθηκε αλλιώς. Τα χρήματα επιστρέφουν μέσω του ίδιου πορτοφολιού.
refund-unused-confirm = Επιστροφή
settle-title = Χειροκίνητη διευθέτηση { $amount }
settle-explain = Κοιτάξτε το τερματικό και την τελευταία απόδειξή του. Χρεώθηκε η κάρτα;
settle-outcome = Αποτέλεσμα
settle-charged = Χρεώθηκε
settle-not-charged = Δεν χρεώθηκε
settle-reason-label = Αιτία
settle-reason-placeholder = π.χ. η απόδειξη γράφει «εγκρίθηκε»
settle-confirm = Διευθέτηση

## Vouchers (MoMo, GiftPop)
pay-voucher = Κουπόνι
voucher-title = Πληρωμή με κουπόνι
voucher-partner-label = Συνεργάτης
voucher-partner =
    { $partner ->
        [momo] MoMo
        [giftpop] GiftPop
       *[other] { $partner }
    }
voucher-code-label = Κωδικός κουπονιού
voucher-code-placeholder = Σαρώστε ή πληκτρολογήστε τον κωδικό
voucher-check = Έλεγχος
voucher-apply = Εφαρμογή
voucher-asking = Ερώτηση στο κεντρικό σύστημα…
voucher-status =
    { $status ->
        [valid] Έγκυρο
        [used] Έχει ήδη χρησιμοποιηθεί
        [expired] Έχει λήξει
        [not_found] Δεν βρέθηκε
        [wrong_store] Δεν ισχύει σε αυτό το κατάστημα
        [inactive] Μη ενεργό
       *[other] { $status }
    }
voucher-value = Αξία
voucher-percent = Έκπτωση { $percent }
voucher-min-spend = Ελάχιστη αγορά
voucher-expires = Λήγει
voucher-conditions = Όροι
voucher-applies = Πληρώνει σε αυτή την πώληση
voucher-apply-hint = Πατήστε ξανά Enter ή αγγίξτε «Εφαρμογή» για να το χρησιμοποιήσετε.
voucher-refused = Δεν μπορεί να χρησιμοποιηθεί σε αυτή την πώληση
voucher-applied = Το κουπόνι εφαρμόστηκε. Υπόλοιπο: { $due }
voucher-remove = Αφαίρεση κουπονιού { $code }
voucher-removed = Το κουπόνι { $code } αφαιρέθηκε.
voucher-covers = Τα κουπόνια καλύπτουν όλη την πώληση.
voucher-close-sale = Κλείσιμο πώλησης
payment-card-paid = Πληρώθηκε με κάρτα
payment-due = Υπόλοιπο
backup-written = Το κρυπτογραφημένο αντίγραφο γράφτηκε στο { $file }.
backup-restored = Το ταμείο επαναφέρθηκε στο { $dir }.

## Settings and connection tests (technician)
settings-title = Ρυθμίσεις
settings-explain = Κάθε ομάδα αποθηκεύεται χωριστά. Αν απορριφθεί μία τιμή, δεν αποθηκεύεται τίποτα από την ομάδα: διορθώστε την και αποθηκεύστε ξανά.
settings-loading = Φόρτωση ρυθμίσεων…
settings-reload = Δοκιμάστε ξανά
settings-save = Αποθήκευση
settings-saving = Αποθήκευση…
settings-reset = Αναίρεση αλλαγών
settings-unsaved =
    { $count ->
        [one] { $count } αλλαγή δεν αποθηκεύτηκε
       *[other] { $count } αλλαγές δεν αποθηκεύτηκαν
    }
setting-not-set = (δεν έχει οριστεί)
setting-secret-set = •••••••• (έχει οριστεί)
setting-secret-keep = Αφήστε το κενό για να κρατήσετε την τρέχουσα τιμή.
setting-on = Ενεργό
setting-off = Ανενεργό
setting-choice =
    { $choice ->
        [zvt] ZVT (καλώδιο)
        [viva] Viva (νέφος)
       *[other] { $choice }
    }
connect-test = Έλεγχος σύνδεσης
connect-testing = Έλεγχος…
connect-wait = Γίνεται πραγματική κλήση: μπορεί να διαρκέσει λίγα δευτερόλεπτα.
connect-unsaved = Ο έλεγχος χρησιμοποιεί τις αποθηκευμένες ρυθμίσεις: αποθηκεύστε πρώτα τις αλλαγές σας.
connect-step-ms = { $ms } χλστ.
connect-pdf-label = Αναφορά για εκτύπωση (PDF):

## Day-end (managers). Section and column labels come from dayend.ftl (dayend-*).
nav-dayend = Κλείσιμο ημέρας
dayend-ui-title = Κλείσιμο ημέρας
dayend-ui-date = Εργάσιμη ημέρα
dayend-ui-reload = Ανανέωση
dayend-ui-loading = Φόρτωση…
dayend-ui-wait = Αυτό μπορεί να πάρει μερικά δευτερόλεπτα.
dayend-ui-tender =
    { $tender ->
        [cash] Μετρητά
        [card] Κάρτα
        [voucher] Κουπόνι
        [wallet] Ψηφιακό πορτοφόλι
       *[other] { $tender }
    }
dayend-ui-terminal-title = Παρτίδα τερματικού
dayend-ui-terminal-explain = Το τερματικό κλείνει την παρτίδα της ημέρας και το ταμείο τη συγκρίνει ανά σήμα κάρτας με τις δικές του πληρωμές με κάρτα.
dayend-ui-terminal-run = Κλείσιμο παρτίδας τερματικού
dayend-ui-terminal-running = Κλείσιμο της παρτίδας στο τερματικό…
dayend-ui-terminal-agrees = Η παρτίδα του τερματικού συμφωνεί με το ταμείο.
dayend-ui-batch-closed = Η παρτίδα έκλεισε από { $name } στις { $at }
dayend-ui-terminal-receipts = Αποδείξεις { $from }–{ $to }
dayend-ui-bank-preset = Μορφή αρχείου
dayend-ui-preset =
    { $preset ->
        [generic] Γενικό CSV
        [viva] Viva Wallet
       *[other] { $preset }
    }
dayend-ui-preset-new = Αντιστοίχιση αρχείου νέας τράπεζας…
dayend-ui-preset-saved = Η αντιστοίχιση «{ $name }» αποθηκεύτηκε.
dayend-ui-preset-title = Αντιστοίχιση αρχείου νέας τράπεζας
dayend-ui-preset-explain = Επιλέξτε ένα αρχείο παρτίδας της νέας τράπεζας. Το Quay μαντεύει ποια στήλη περιέχει τι: ελέγξτε κάθε πεδίο, δοκιμάστε την αντιστοίχιση στο αρχείο και αποθηκεύστε τη με ένα όνομα.
dayend-ui-preset-file = Αρχείο παρτίδας της τράπεζας (CSV)
dayend-ui-preset-reading = Ανάγνωση του αρχείου…
dayend-ui-preset-rows =
    { $count ->
        [one] { $count } γραμμή στο αρχείο
       *[other] { $count } γραμμές στο αρχείο
    }
dayend-ui-preset-delimiter = Οι στήλες χωρίζονται με
dayend-ui-preset-delimiter-option =
    { $delimiter ->
        [comma] Κόμμα (,)
        [semicolon] Άνω τελεία (;)
        [tab] Στηλοθέτη (tab)
        [pipe] Κάθετη γραμμή (|)
       *[other] { $delimiter }
    }
dayend-ui-preset-header = Η πρώτη γραμμή περιέχει τα ονόματα των στηλών
dayend-ui-preset-col-field = Πεδίο
dayend-ui-preset-col-column = Στήλη στο αρχείο
dayend-ui-preset-field =
    { $field ->
        [transaction_id] Αναγνωριστικό συναλλαγής
        [merchant_reference] Αναφορά εμπόρου
        [order_code] Κωδικός παραγγελίας
        [merchant_id] Αναγνωριστικό εμπόρου (MID)
        [terminal_id] Αναγνωριστικό τερματικού (TID)
        [date_time] Ημερομηνία και ώρα
        [scheme] Δίκτυο κάρτας
        [masked_pan] Αριθμός κάρτας (κρυμμένος)
        [amount] Ποσό
        [currency] Νόμισμα
        [auth_code] Κωδικός έγκρισης
        [rrn] Αριθμός αναφοράς ανάκτησης (RRN)
        [stan] Αριθμός ιχνηλάτησης (STAN)
        [kind] Είδος συναλλαγής
       *[other] { $field }
    }
dayend-ui-preset-required = υποχρεωτικό
dayend-ui-preset-not-in-file = — δεν υπάρχει σε αυτό το αρχείο —
dayend-ui-preset-column = Στήλη { $number }
dayend-ui-preset-column-option = { $name } — { $examples }
dayend-ui-preset-no-currency = Χωρίς στήλη νομίσματος, κάθε γραμμή είναι στο νόμισμα του ταμείου.
dayend-ui-preset-no-kind = Χωρίς στήλη είδους, τα αρνητικά ποσά είναι επιστροφές χρημάτων και όλα τα άλλα πωλήσεις.
dayend-ui-preset-amount = Τα ποσά γράφονται
dayend-ui-preset-amount-option =
    { $format ->
        [decimal-dot] Με υποδιαστολή τελεία (12.50)
        [decimal-comma] Με υποδιαστολή κόμμα (12,50)
        [minor] Σε ακέραιες υποδιαιρέσεις, χωρίς υποδιαστολή (1250 για 12,50)
       *[other] { $format }
    }
dayend-ui-preset-date = Οι ημερομηνίες και ώρες γράφονται
dayend-ui-preset-date-option =
    { $format ->
        [iso8601] ISO 8601 με τη διαφορά ώρας (2026-11-21T19:45:03+07:00)
       *[pattern] Με δικό τους μοτίβο
    }
dayend-ui-preset-pattern = Μοτίβο
dayend-ui-preset-pattern-help = %d ημέρα, %m μήνας, %Y έτος, %H ώρα, %M λεπτό, %S δευτερόλεπτο· για παράδειγμα %d/%m/%Y %H:%M
dayend-ui-preset-pattern-example = Σε αυτό το αρχείο: { $example }
dayend-ui-preset-pattern-empty = Γράψτε το μοτίβο που ακολουθούν οι ημερομηνίες και οι ώρες.
dayend-ui-preset-offset = Διαφορά από UTC (±ΩΩ:ΛΛ)
dayend-ui-preset-offset-bad = Γράψτε τη διαφορά από UTC ως +02:00 ή -03:30.
dayend-ui-preset-separator-clash = Σε αρχείο με στήλες χωρισμένες με κόμμα, τα ποσά δεν μπορούν να έχουν κόμμα ως υποδιαστολή.
dayend-ui-preset-types = Τι σημαίνουν οι τιμές της στήλης «{ $column }»
dayend-ui-preset-types-none = Η στήλη αυτή είναι κενή στο αρχείο.
dayend-ui-preset-type-unmapped = — χωρίς σημασία —
dayend-ui-preset-types-open =
    { $count ->
        [one] Μία τιμή δεν έχει ακόμη σημασία: οι γραμμές με αυτήν απορρίπτονται στην εισαγωγή.
       *[other] { $count } τιμές δεν έχουν ακόμη σημασία: οι γραμμές με αυτές απορρίπτονται στην εισαγωγή.
    }
dayend-ui-preset-types-more = Το αρχείο έχει περισσότερες τιμές από όσες φαίνονται εδώ. Μια τιμή χωρίς σημασία απορρίπτεται στην εισαγωγή, με τη γραμμή και τη στήλη της.
dayend-ui-preset-missing = Επιλέξτε τη στήλη για: { $fields }
dayend-ui-preset-name = Όνομα της αντιστοίχισης
dayend-ui-preset-name-placeholder = Για παράδειγμα, το όνομα της τράπεζας
dayend-ui-preset-name-exists = Υπάρχει ήδη αποθηκευμένη αντιστοίχιση «{ $name }»: η αποθήκευση την αντικαθιστά.
dayend-ui-preset-try = Δοκιμή σε αυτό το αρχείο
dayend-ui-preset-trying = Ανάγνωση του αρχείου με αυτή την αντιστοίχιση…
dayend-ui-preset-preview-lines =
    { $count ->
        [one] Η αντιστοίχιση διαβάζει { $count } γραμμή.
       *[other] Η αντιστοίχιση διαβάζει { $count } γραμμές.
    }
dayend-ui-preset-preview-first = Οι πρώτες γραμμές
dayend-ui-preset-preview-stale = Η αντιστοίχιση άλλαξε στο μεταξύ: δοκιμάστε ξανά.
dayend-ui-preset-col-line = Γραμμή
dayend-ui-preset-col-kind = Είδος
dayend-ui-preset-col-auth = Κωδ. έγκρισης
dayend-ui-preset-save = Αποθήκευση αντιστοίχισης
dayend-ui-preset-saving = Αποθήκευση της αντιστοίχισης…
dayend-ui-bank-file = Αρχείο τράπεζας (CSV)
dayend-ui-bank-import = Εισαγωγή και συμφωνία
dayend-ui-bank-importing = Ανάγνωση του αρχείου τράπεζας…
dayend-ui-bank-read-error = Το αρχείο «{ $file }» δεν ήταν δυνατό να διαβαστεί.
dayend-ui-bank-imported =
    Εισήχθησαν { $new ->
        [one] { $new } νέα γραμμή
       *[other] { $new } νέες γραμμές
    } από { $lines } του αρχείου.
dayend-ui-bank-already = Αυτό το αρχείο έχει ήδη εισαχθεί: τίποτα νέο.
dayend-ui-bank-import-row = { $file } ({ $preset }): { $lines } γραμμές, { $new } νέες, από { $name } στις { $at }
dayend-ui-bank-declined =
    { $count ->
        [one] { $count } απορριφθείσα απόπειρα παραλείφθηκε.
       *[other] { $count } απορριφθείσες απόπειρες παραλείφθηκαν.
    }
dayend-ui-filter-all = Όλες οι γραμμές
dayend-ui-filter-open = Μόνο γραμμές για έλεγχο
dayend-ui-col-time = Ώρα
dayend-ui-col-matched = Αντιστοιχεί σε
dayend-ui-kind =
    { $kind ->
        [sale] Πώληση
        [refund] Επιστροφή χρημάτων
        [fee] Προμήθεια
        [chargeback] Αντιλογισμός
       *[other] { $kind }
    }
dayend-ui-rule =
    { $rule ->
        [reference] με βάση την αναφορά
        [terminal_auth] με βάση το τερματικό και τον κωδικό έγκρισης
        [amount_window] με βάση το ποσό και την ώρα
        [manual] χειροκίνητα
       *[other] { $rule }
    }
dayend-ui-candidates = Ίσως: { $list }
dayend-ui-note = Σημείωση: { $note }
dayend-ui-duplicate-of = Η τράπεζα την καταχώρισε δύο φορές, ίδια με { $item }. Μετράει μία φορά: ενημερώστε την τράπεζα.
dayend-ui-item-bank = Γραμμή τράπεζας { $line } · { $amount } · { $when }
dayend-ui-item-counter = Απόδειξη { $receipt } · { $brand } · { $amount } · { $when }
dayend-ui-settle-link = Σύνδεση
dayend-ui-settle-next = Επόμενη παρτίδα
dayend-ui-settle-enter = Χειροκίνητη καταχώριση
dayend-ui-settle-link-bank-title = Σύνδεση αυτής της γραμμής τράπεζας με πληρωμή του ταμείου
dayend-ui-settle-link-counter-title = Σύνδεση αυτής της πληρωμής του ταμείου με γραμμή τράπεζας
dayend-ui-settle-next-title = Αυτή η πληρωμή θα είναι στην επόμενη παρτίδα
dayend-ui-settle-next-explain = Η τράπεζα θα την καταβάλει με μεταγενέστερη παρτίδα. Θα ελεγχθεί ξανά τότε.
dayend-ui-settle-enter-title = Χειροκίνητη καταχώριση αυτής της γραμμής τράπεζας
dayend-ui-settle-enter-explain = Η πώληση έγινε εκτός Quay. Η καταχώριση καταγράφεται με το όνομά σας και την αιτιολογία σας.
dayend-ui-settle-other = Σύνδεση με
dayend-ui-settle-other-none = Δεν υπάρχει τίποτα ανοιχτό στην άλλη πλευρά για σύνδεση.
dayend-ui-settle-reason = Αιτιολογία
dayend-ui-settle-reason-optional = Αιτιολογία (προαιρετική)
dayend-ui-settle-reason-placeholder = π.χ. φιλοδώρημα στο τερματικό
dayend-ui-settle-done = Αποθηκεύτηκε.
dayend-ui-report-title = Αναφορά κλεισίματος ημέρας
dayend-ui-report-run = Δημιουργία αναφοράς (PDF και CSV)
dayend-ui-report-running = Σύνταξη της αναφοράς…
dayend-ui-report-pdf = PDF:
dayend-ui-report-csv = CSV (υπολογιστικό φύλλο):
dayend-ui-close-title = Κλείσιμο ημέρας
dayend-ui-close-explain = Μετρήστε τα μετρητά στο συρτάρι και καταχωρίστε τα. Μια ημέρα κλείνει μία φορά: δεν αναιρείται.
dayend-ui-cash-placeholder = Ποσό
dayend-ui-close-reason = Αιτιολογία της διαφοράς
dayend-ui-close-reason-placeholder = π.χ. λάθος ρέστα
dayend-ui-close-run = Κλείσιμο ημέρας…
dayend-ui-close-confirm-title = Κλείσιμο της ημέρας { $date };
dayend-ui-close-confirm-text = Το κλείσιμο της ημέρας δεν αναιρείται.
dayend-ui-close-confirm = Κλείσιμο ημέρας
dayend-ui-closed = Η ημέρα { $date } έκλεισε.

## The date field: a day in the app language's order, month by name, and buttons for the
## day before, the day after and today.
date-field-previous = Προηγούμενη ημέρα
date-field-next = Επόμενη ημέρα
date-field-today = Σήμερα
date-field-day = Ημέρα
date-field-month = Μήνας
date-field-year = Έτος

## Μερική επιστροφή πληρωμής με πορτοφόλι από υπεύθυνο, από τις πωλήσεις της ημέρας: μέρος
## όσων πλήρωσε ο πελάτης επιστρέφει μέσω του ίδιου πορτοφολιού· η πώληση μένει ως έχει.
sales-refund-part = Μερική επιστροφή ({ $wallet })…
refund-part-title = Μερική επιστροφή της πληρωμής { $wallet }, απόδειξη { $receipt }
refund-part-explain = Το ποσό επιστρέφει στον πελάτη μέσω { $wallet }. Η πώληση μένει ως έχει: για να επιστραφούν όλα, ακυρώστε την πώληση.
refund-part-paid = Πληρώθηκαν
refund-part-left = Απομένουν για επιστροφή
refund-part-amount-label = Ποσό επιστροφής
refund-part-amount-placeholder = Ποσό
refund-part-amount-hint = Το πολύ { $left }.
refund-part-reason-label = Αιτία
refund-part-reason-placeholder = π.χ. επιστράφηκε ένα πιάτο
refund-part-approver-hint = Ένας υπεύθυνος εγκρίνει την επιστροφή πληκτρολογώντας εδώ το PIN του.
refund-part-confirm = Επιστροφή
refund-part-confirm-amount = Επιστροφή { $amount }
refund-part-refunding = Γίνεται επιστροφή…
refund-part-state =
    { $state ->
        [approved] Η επιστροφή εγκρίθηκε
        [declined] Η επιστροφή απορρίφθηκε
        [unknown] Το αποτέλεσμα δεν είναι ακόμη γνωστό
       *[other] Η επιστροφή στάλθηκε
    }
refund-part-done = { $amount } επιστρέφουν στον πελάτη μέσω { $wallet }.
