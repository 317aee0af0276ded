# Το Nhanh.vn στις οθόνες του ταμείου (issue 16): οι online παραγγελίες (ταμίας, διευθυντής)
# και η οθόνη σύνδεσης του τεχνικού. Αναγνωριστικά: online-* και nhanh-ui-*.

## Online παραγγελίες.
online-orders-button = Online παραγγελίες
online-orders-badge =
    { $count ->
        [one] { $count } ανοιχτή online παραγγελία
       *[other] { $count } ανοιχτές online παραγγελίες
    }
online-title = Online παραγγελίες
online-tab-open = Ανοιχτές ({ $count })
online-tab-all = Όλες
online-refresh = Ανανέωση
online-loading = Φόρτωση παραγγελιών…
online-back = Πίσω στο ταμείο
online-empty-open = Δεν υπάρχουν ανοιχτές online παραγγελίες. Οι νέες παραγγελίες από το Nhanh.vn εμφανίζονται εδώ αυτόματα.
online-empty-all = Δεν υπάρχουν ακόμη online παραγγελίες.
online-group = { $stage } ({ $count })
online-stage-new = Νέα
online-stage-confirmed = Επιβεβαιωμένη
online-stage-preparing = Σε προετοιμασία
online-stage-handed-over = Παραδόθηκε
online-stage-cancelled = Ακυρώθηκε
online-stage-returned = Επιστράφηκε
online-stage-other = Άλλη
online-customer-none = Χωρίς στοιχεία πελάτη
online-note = Σημείωση: { $note }
online-lines =
    { $count ->
        [one] { $count } γραμμή
       *[other] { $count } γραμμές
    }
online-line-qty = { $quantity } ×
online-total = Σύνολο
online-unknown-products =
    { $count ->
        [one] { $count } προϊόν δεν υπάρχει στο μενού: συγχρονίστε τα προϊόντα και μετά χρεώστε την.
       *[other] { $count } προϊόντα δεν υπάρχουν στο μενού: συγχρονίστε τα προϊόντα και μετά χρεώστε την.
    }
online-cannot-ring = Η παραγγελία δεν μπορεί να χρεωθεί μέχρι να υπάρχουν όλα τα προϊόντα της στο μενού.
online-rung-already = Χρεώθηκε
online-act-confirm = Επιβεβαίωση
online-act-prepare = Έναρξη προετοιμασίας
online-act-done = Παραδόθηκε
online-act-cancel = Ακύρωση παραγγελίας
online-act-ring = Χρέωση
online-working = Σε εξέλιξη…
online-acted =
    { $act ->
        [confirm] Η παραγγελία { $number } επιβεβαιώθηκε.
        [prepare] Η παραγγελία { $number } ετοιμάζεται.
        [done] Η παραγγελία { $number } παραδόθηκε.
       *[cancel] Η παραγγελία { $number } ακυρώθηκε.
    }
online-rung = Η παραγγελία { $number } είναι στο καλάθι: η πληρωμή γίνεται κατά την παραλαβή.
online-cart-order = Online παραγγελία { $number } για { $name }: πληρωμή κατά την παραλαβή
online-cart-order-anon = Online παραγγελία { $number }: πληρωμή κατά την παραλαβή
online-cancel-title = Ακύρωση της παραγγελίας { $number };
online-cancel-explain = Η παραγγελία ακυρώνεται και στο Nhanh.vn. Δεν αναιρείται.
online-cancel-keep = Διατήρηση παραγγελίας
online-cancel-confirm = Ακύρωση παραγγελίας

## Ο πελάτης της πώλησης με αριθμό κινητού (ταμείο).
online-customer-button = Πελάτης
online-customer-change = Αλλαγή
online-customer-named = Πελάτης: { $name } ({ $mobile })
online-customer-anon = Πελάτης: { $mobile }
online-customer-title = Κινητό του πελάτη
online-customer-explain = Για αριθμό που είναι ήδη γνωστός, έρχεται και το όνομα του πελάτη.
online-customer-mobile = Αριθμός κινητού
online-customer-placeholder = π.χ. 0912 345 678
online-customer-save = Αποθήκευση
online-customer-saving = Αποθήκευση…
online-customer-remove = Αφαίρεση πελάτη
online-customer-backspace = Διαγραφή του τελευταίου ψηφίου
online-customer-clear = Καθαρισμός
online-customer-set = Ο πελάτης { $mobile } μπήκε στην πώληση.
online-customer-removed = Ο πελάτης αφαιρέθηκε από την πώληση.

## Σύνδεση του Nhanh.vn (τεχνικός).
nhanh-ui-open = Σύνδεση Nhanh.vn
nhanh-ui-title = Σύνδεση με το Nhanh.vn
nhanh-ui-explain = Τα προϊόντα έρχονται από το Nhanh.vn, οι πωλήσεις του ταμείου πηγαίνουν στο Nhanh.vn ως παραγγελίες και οι παραγγελίες από τα κανάλια του Nhanh.vn (ιστότοπος, Facebook…) έρχονται στο ταμείο. Συγχρονίζονται μόνο δεδομένα που δημιουργήθηκαν όσο υπάρχει σύνδεση.
nhanh-ui-refresh = Νέος έλεγχος
nhanh-ui-loading = Φόρτωση…
nhanh-ui-done = Έγινε
nhanh-ui-todo = Εκκρεμεί
nhanh-ui-working = Σε εξέλιξη…
nhanh-ui-never = ποτέ
nhanh-ui-copy = Αντιγραφή
nhanh-ui-copied-short = Αντιγράφηκε ✓
nhanh-ui-copied = Αντιγράφηκε στο πρόχειρο.
nhanh-ui-copy-failed = Η αντιγραφή απέτυχε: επιλέξτε το κείμενο και αντιγράψτε το χειροκίνητα.
nhanh-ui-step-app = Δημιουργία εφαρμογής στο Nhanh.vn
nhanh-ui-step-app-explain = Στη σελίδα προγραμματιστών του Nhanh.vn, δημιουργήστε μια εφαρμογή για αυτό το κατάστημα. Το Nhanh.vn της δίνει App ID και Secret Key.
nhanh-ui-step-redirect = Ορισμός του Redirect URL
nhanh-ui-step-redirect-explain = Στις ρυθμίσεις της εφαρμογής στο Nhanh.vn, εισαγάγετε αυτό το Redirect URL ακριβώς όπως φαίνεται:
nhanh-ui-redirect-missing = Δεν είναι ακόμη γνωστό: συμπληρώστε πρώτα τις ρυθμίσεις Nhanh.vn.
nhanh-ui-step-keys = Αντιγραφή του App ID και του Secret Key στις ρυθμίσεις
nhanh-ui-step-keys-explain = Αντιγράψτε τα από τη σελίδα της εφαρμογής στο Nhanh.vn στις ρυθμίσεις Nhanh.vn του ταμείου και αποθηκεύστε.
nhanh-ui-app-id =
    { $set ->
        [yes] App ID: ορίστηκε
       *[no] App ID: δεν ορίστηκε
    }
nhanh-ui-secret =
    { $set ->
        [yes] Secret Key: ορίστηκε
       *[no] Secret Key: δεν ορίστηκε
    }
nhanh-ui-open-settings = Άνοιγμα ρυθμίσεων
nhanh-ui-step-grant = Παραχώρηση πρόσβασης
nhanh-ui-step-grant-explain = Ο έμπορος ανοίγει αυτόν τον σύνδεσμο, συνδέεται στο Nhanh.vn και επιτρέπει την πρόσβαση. Το Nhanh.vn δείχνει τότε έναν κωδικό πρόσβασης.
nhanh-ui-oauth-missing = Ο σύνδεσμος θα είναι έτοιμος μόλις οριστούν το App ID και το Redirect URL.
nhanh-ui-open-oauth = Άνοιγμα στο πρόγραμμα περιήγησης
nhanh-ui-step-code = Επικόλληση του κωδικού πρόσβασης
nhanh-ui-step-code-explain = Επικολλήστε εδώ τον κωδικό πρόσβασης και πατήστε Σύνδεση. Ο κωδικός ισχύει για μία μόνο χρήση.
nhanh-ui-access-code = Κωδικός πρόσβασης
nhanh-ui-connect = Σύνδεση
nhanh-ui-connecting = Σύνδεση…
nhanh-ui-connected = Συνδέθηκε με το Nhanh.vn.
nhanh-ui-step-webhook = Ορισμός του webhook
nhanh-ui-step-webhook-explain = Στις ρυθμίσεις της εφαρμογής στο Nhanh.vn, εισαγάγετε αυτό το Webhook URL και το ίδιο verify token με τις ρυθμίσεις του ταμείου, ώστε οι παραγγελίες να φτάνουν αμέσως.
nhanh-ui-webhook-missing = Δεν είναι ακόμη γνωστό: συμπληρώστε πρώτα τις ρυθμίσεις Nhanh.vn.
nhanh-ui-webhook-token =
    { $set ->
        [yes] Verify token: ορίστηκε
       *[no] Verify token: δεν ορίστηκε
    }
nhanh-ui-step-sync = Δοκιμή με ένα προϊόν
nhanh-ui-step-sync-explain = Δημιουργήστε ένα δοκιμαστικό προϊόν στο Nhanh.vn και πατήστε Συγχρονισμός προϊόντων: πρέπει να εμφανιστεί στο αποτέλεσμα παρακάτω και στο μενού.
nhanh-ui-sync = Συγχρονισμός προϊόντων
nhanh-ui-syncing = Συγχρονισμός…
nhanh-ui-sync-reading = Ανάγνωση προϊόντων από το Nhanh.vn…
nhanh-ui-sync-progress = Προϊόντα: { $done } από { $total }
nhanh-ui-sync-items =
    { $count ->
        [one] { $count } είδος στο μενού
       *[other] { $count } είδη στο μενού
    }
nhanh-ui-sync-categories =
    { $count ->
        [one] { $count } κατηγορία
       *[other] { $count } κατηγορίες
    }
nhanh-ui-sync-hidden =
    { $count ->
        [one] { $count } κρυφό
       *[other] { $count } κρυφά
    }
nhanh-ui-sync-sold-out =
    { $count ->
        [one] { $count } εξαντλημένο
       *[other] { $count } εξαντλημένα
    }
nhanh-ui-skipped =
    { $count ->
        [one] { $count } προϊόν παραλείφθηκε
       *[other] { $count } προϊόντα παραλείφθηκαν
    }
nhanh-ui-more = … και { $count } ακόμη
nhanh-ui-status-title = Κατάσταση σύνδεσης
nhanh-ui-connected-state = Συνδεδεμένο
nhanh-ui-not-connected = Μη συνδεδεμένο
nhanh-ui-business = Επιχείρηση
nhanh-ui-depot = Αποθήκη
nhanh-ui-all-depots = Όλες οι αποθήκες
nhanh-ui-depots =
    { $count ->
        [one] (αποθήκη: { $list })
       *[other] (αποθήκες: { $list })
    }
nhanh-ui-menu-source = Μενού
nhanh-ui-menu-from =
    { $source ->
        [nhanh] Από το Nhanh.vn
       *[hub] Από το hub
    }
nhanh-ui-token = Πρόσβαση
nhanh-ui-token-ok =
    { $days ->
        [one] Ισχύει έως { $date } (απομένει { $days } ημέρα)
       *[other] Ισχύει έως { $date } (απομένουν { $days } ημέρες)
    }
nhanh-ui-token-warning =
    { $days ->
        [one] Λήγει σε { $days } ημέρα ({ $date }): ο έμπορος πρέπει να παραχωρήσει ξανά πρόσβαση πριν από τότε.
       *[other] Λήγει σε { $days } ημέρες ({ $date }): ο έμπορος πρέπει να παραχωρήσει ξανά πρόσβαση πριν από τότε.
    }
nhanh-ui-token-expired = Έληξε στις { $date }: ο έμπορος πρέπει να παραχωρήσει ξανά πρόσβαση.
nhanh-ui-products = Προϊόντα
nhanh-ui-products-count =
    { $count ->
        [one] { $count } προϊόν, τελευταίος συγχρονισμός: { $when }
       *[other] { $count } προϊόντα, τελευταίος συγχρονισμός: { $when }
    }
nhanh-ui-sales = Πωλήσεις προς το Nhanh.vn
nhanh-ui-pending-sales =
    { $count ->
        [one] { $count } σε αναμονή αποστολής
       *[other] { $count } σε αναμονή αποστολής
    }
nhanh-ui-rejected-sales =
    { $count ->
        [one] { $count } απορρίφθηκε από το Nhanh.vn
       *[other] { $count } απορρίφθηκαν από το Nhanh.vn
    }
nhanh-ui-orders = Online παραγγελίες
nhanh-ui-open-orders =
    { $count ->
        [one] { $count } ανοιχτή
       *[other] { $count } ανοιχτές
    }
nhanh-ui-webhook = Webhook ειδοποιήσεων
nhanh-ui-webhook-state =
    { $state ->
        [listening] Σε αναμονή κλήσεων
        [down] Ρυθμίστηκε αλλά δεν λειτουργεί (χρησιμοποιείται ήδη η διεύθυνση;)
       *[off] Ανενεργό: οι παραγγελίες και τα προϊόντα ελέγχονται περιοδικά
    }
nhanh-ui-webhook-last = Τελευταία παράδοση: { $when }
nhanh-ui-webhook-rejected =
    { $count ->
        [one] { $count } παράδοση απορρίφθηκε
       *[other] { $count } παραδόσεις απορρίφθηκαν
    }
nhanh-ui-permissions = Δικαιώματα που δόθηκαν
nhanh-ui-missing =
    { $count ->
        [one] Λείπει { $count } δικαίωμα
       *[other] Λείπουν { $count } δικαιώματα
    }
nhanh-ui-missing-permission = { $permission }: { $job }
nhanh-ui-last-error = Τελευταίο σφάλμα: { $message }
nhanh-ui-disconnect = Αποσύνδεση
nhanh-ui-disconnect-title = Αποσύνδεση από το Nhanh.vn;
nhanh-ui-disconnect-explain = Το ταμείο σταματά να συγχρονίζεται με το Nhanh.vn. Το ιστορικό (πωλήσεις που στάλθηκαν, παραγγελίες) διατηρείται. Για νέα σύνδεση, ο έμπορος πρέπει να παραχωρήσει ξανά πρόσβαση.
nhanh-ui-disconnected = Αποσυνδέθηκε από το Nhanh.vn. Το ιστορικό διατηρείται.
