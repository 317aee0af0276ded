# Το εικονικό POS της τράπεζας στις οθόνες του ταμείου (issue 17): οι ορισμοί του τεχνικού,
# η πληρωμή μέσω τηλεφώνου και ο σύνδεσμος πληρωμής (ταμίας, διευθυντής), το ημερολόγιο της
# ημέρας και η ενότητα του κλεισίματος ημέρας. Αναγνωριστικά: vpos-ui-*.

## Κοινά.
vpos-ui-loading = Φόρτωση…
vpos-ui-reload = Ανανέωση
vpos-ui-working = Σε εξέλιξη…
vpos-ui-save = Αποθήκευση
vpos-ui-saving = Αποθήκευση…
vpos-ui-cancel-form = Άκυρο
vpos-ui-keep = Διατήρηση
vpos-ui-done = Τέλος
vpos-ui-back = Πίσω στο ταμείο
vpos-ui-none = Κανένα
vpos-ui-kind =
    { $kind ->
        [nestpay] NestPay (EST)
        [garanti] Garanti BBVA (GVPS)
        [posnet] PosNet (Yapı Kredi)
       *[other] { $kind }
    }
vpos-ui-mode =
    { $mode ->
        [production] Παραγωγή
       *[test] Δοκιμή
    }
vpos-ui-three-d =
    { $three_d ->
        [required] Υποχρεωτικό 3-D Secure
       *[optional] Προαιρετικό 3-D Secure
    }
vpos-ui-state =
    { $state ->
        [pending] Σε αναμονή
        [sent] Στάλθηκε στην τράπεζα
        [approved] Εγκρίθηκε
        [declined] Απορρίφθηκε
        [unknown] Χάθηκε η απάντηση
        [cancelled] Ακυρώθηκε
       *[other] { $state }
    }

## Οι ορισμοί του τεχνικού.
vpos-ui-def-open = Εικονικό POS
vpos-ui-def-title = Ορισμοί εικονικού POS
vpos-ui-def-explain = Κάθε τράπεζα με την οποία δέχεστε πληρωμές με κάρτα μέσω τηλεφώνου ή συνδέσμου: η πύλη της, οι διευθύνσεις, τα διαπιστευτήρια και η στατική IP που περιμένει η τράπεζα. Τα μυστικά αποθηκεύονται κρυπτογραφημένα και δεν εμφανίζονται ποτέ.
vpos-ui-def-add = Προσθήκη εικονικού POS
vpos-ui-def-empty = Δεν έχει οριστεί ακόμη εικονικό POS.
vpos-ui-def-add-title = Νέο εικονικό POS
vpos-ui-def-edit-title = Επεξεργασία { $name }
vpos-ui-def-edit = Επεξεργασία
vpos-ui-def-remove = Αφαίρεση
vpos-ui-def-remove-title = Αφαίρεση του { $name };
vpos-ui-def-remove-explain = Οι πληρωμές του μένουν στο ημερολόγιο. Οι πληρωμές μέσω τηλεφώνου και οι σύνδεσμοι μέσω αυτής της τράπεζας σταματούν μέχρι να οριστεί ξανά.
vpos-ui-def-removed = Το { $name } αφαιρέθηκε.
vpos-ui-def-added = Το { $name } προστέθηκε.
vpos-ui-def-saved = Το { $name } αποθηκεύτηκε.
vpos-ui-def-name = Όνομα
vpos-ui-def-kind = Πύλη τράπεζας
vpos-ui-def-mode = Περιβάλλον
vpos-ui-def-api-url = Διεύθυνση API
vpos-ui-def-gate-url = Διεύθυνση πύλης 3-D (σύνδεσμοι πληρωμής)
vpos-ui-def-currency = Νόμισμα
vpos-ui-def-three-d = 3-D Secure
vpos-ui-def-static-ip = Στατική IP που δηλώθηκε στην τράπεζα
vpos-ui-def-updated = Τελευταία αλλαγή
vpos-ui-def-credentials = Διαπιστευτήρια για { $kind }
vpos-ui-def-secret-keep = Αφήστε κενό για να μείνει
vpos-ui-def-secret-explain = Ένα μυστικό που μένει κενό κρατά το αποθηκευμένο.
vpos-ui-def-not-implemented = { $kind }: τα διαπιστευτήρια αποθηκεύονται, αλλά οι πληρωμές μέσω αυτής δεν είναι ακόμη διαθέσιμες.
vpos-ui-def-missing =
    { $count ->
        [one] Ένα πεδίο χρειάζεται ακόμη τιμή.
       *[other] { $count } πεδία χρειάζονται ακόμη τιμή.
    }
vpos-ui-field-client-id = Αναγνωριστικό πελάτη (Client ID)
vpos-ui-field-username = Όνομα χρήστη API
vpos-ui-field-password = Κωδικός API
vpos-ui-field-store-key = Κλειδί καταστήματος (store key)
vpos-ui-field-merchant-id = Αναγνωριστικό εμπόρου (Merchant ID)
vpos-ui-field-terminal-id = Αναγνωριστικό τερματικού (Terminal ID)
vpos-ui-field-prov-user = Χρήστης έγκρισης (PROVAUT)
vpos-ui-field-prov-password = Κωδικός έγκρισης
vpos-ui-field-refund-user = Χρήστης επιστροφών (PROVRFN)
vpos-ui-field-refund-password = Κωδικός επιστροφών
vpos-ui-field-posnet-id = Αναγνωριστικό PosNet

## Πληρωμή μέσω τηλεφώνου (MOTO) και σύνδεσμος πληρωμής.
vpos-ui-phone-button = Πληρωμή τηλεφωνικά
vpos-ui-phone-title = Πληρωμή με κάρτα μέσω τηλεφώνου
vpos-ui-phone-none = Δεν έχει οριστεί εικονικό POS: ένας τεχνικός πρέπει να προσθέσει πρώτα ένα.
vpos-ui-phone-definition = Τράπεζα
vpos-ui-phone-what = Τι πληρώνεται
vpos-ui-phone-sale = Η πώληση στο ταμείο
vpos-ui-phone-amount-choice = Ένα ποσό (προκαταβολή)
vpos-ui-phone-due = Οφειλόμενο ποσό
vpos-ui-phone-amount = Ποσό
vpos-ui-phone-reference = Αναφορά
vpos-ui-phone-customer-phone = Τηλέφωνο πελάτη
vpos-ui-phone-note = Σημείωση
vpos-ui-phone-card = Κάρτα, όπως τη διαβάζει ο πελάτης
vpos-ui-phone-card-number = Αριθμός κάρτας
vpos-ui-phone-card-expiry = Λήξη (ΜΜ/ΕΕ)
vpos-ui-phone-card-expiry-hint = ΜΜ/ΕΕ
vpos-ui-phone-card-cvv = CVV
vpos-ui-phone-pay = Πληρωμή
vpos-ui-phone-paying = Ερώτηση στην τράπεζα…
vpos-ui-phone-link = Σύνδεσμος πληρωμής
vpos-ui-phone-three-d = Το { $name } απαιτεί 3-D Secure: στείλτε στον πελάτη σύνδεσμο πληρωμής.
vpos-ui-pay-approved = Εγκρίθηκε: { $amount }, έγκριση { $auth }, κάρτα { $card }.
vpos-ui-pay-declined = Απορρίφθηκε: { $message }
vpos-ui-pay-declined-code = Απορρίφθηκε: { $message } (κωδικός { $code })
vpos-ui-pay-unknown = Η απάντηση της τράπεζας δεν είναι ακόμη γνωστή: { $message }
vpos-ui-link-title = Σύνδεσμος πληρωμής
vpos-ui-link-explain = Ο πελάτης ανοίγει αυτόν τον σύνδεσμο (ή σαρώνει τον κωδικό) στο δικό του τηλέφωνο και πληρώνει στην ασφαλή σελίδα της τράπεζας.
vpos-ui-link-qr = Κωδικός QR του συνδέσμου πληρωμής
vpos-ui-link-order = Παραγγελία { $order }
vpos-ui-link-waiting = Αναμονή για την πληρωμή του πελάτη (ο σύνδεσμος ισχύει έως τις { $until })…
vpos-ui-link-close = Κλείσιμο (η αναμονή συνεχίζεται)
vpos-ui-link-give-up = Διακοπή αναμονής (η τράπεζα ερωτάται ακόμη)

## Το ημερολόγιο της ημέρας.
vpos-ui-log-title = Σημερινές πληρωμές εικονικού POS
vpos-ui-log-empty = Καμία πληρωμή σήμερα.
vpos-ui-log-code = Κωδικός { $code }
vpos-ui-log-auth = Έγκριση { $auth }
vpos-ui-log-who = Από { $name }
vpos-ui-log-reference = Αναφ. { $reference }
vpos-ui-log-voided = Ακυρώθηκε
vpos-ui-log-refunded = Επιστράφηκαν { $amount }
vpos-ui-log-kind =
    { $kind ->
        [void] Ακύρωση
        [refund] Επιστροφή
       *[sale] Πώληση
    }
vpos-ui-log-channel =
    { $channel ->
        [link] Σύνδεσμος πληρωμής
       *[moto] Μέσω τηλεφώνου
    }
vpos-ui-log-cancel = Ακύρωση πληρωμής
vpos-ui-log-resolve =
    { $count ->
        [one] Ερώτηση στην τράπεζα (1 χαμένη απάντηση)
       *[other] Ερώτηση στην τράπεζα ({ $count } χαμένες απαντήσεις)
    }
vpos-ui-resolved =
    { $count ->
        [one] Η τράπεζα απάντησε για μία πληρωμή.
       *[other] Η τράπεζα απάντησε για { $count } πληρωμές.
    }
vpos-ui-cancel-title = Ακύρωση αυτής της πληρωμής;
vpos-ui-cancel-explain = Το ποσό { $amount } (παραγγελία { $order }) επιστρέφει στην κάρτα: ακύρωση αν η παρτίδα της τράπεζας είναι ακόμη ανοιχτή, αλλιώς επιστροφή χρημάτων.
vpos-ui-cancel-voided = Ακυρώθηκαν { $amount } (παραγγελία { $order }).
vpos-ui-cancel-refunded = Επιστράφηκαν { $amount } (παραγγελία { $order }).

## Κλείσιμο ημέρας.
vpos-ui-day-title = Εικονικό POS
vpos-ui-day-explain = Οι συναλλαγές της ημέρας κατά την τράπεζα σε σύγκριση με το ημερολόγιο του ταμείου, παραγγελία προς παραγγελία.
vpos-ui-day-no-definitions = Δεν έχει οριστεί εικονικό POS.
vpos-ui-day-source-report = Από την ημερήσια αναφορά της τράπεζας.
vpos-ui-day-source-file-any = Από το αρχείο που εξήγαγε η τράπεζα.
vpos-ui-day-source-none = Λείπει η πλευρά της τράπεζας: εισαγάγετε το αρχείο που εξάγεται από τον πίνακα του εικονικού POS της τράπεζας.
vpos-ui-day-source-none-report = Η ημερήσια αναφορά της τράπεζας δεν έχει ληφθεί ακόμη.
vpos-ui-day-fetch = Λήψη της ημερήσιας αναφοράς της τράπεζας
vpos-ui-day-summary = { $matched } ταιριάζουν · { $problems } θέλουν έλεγχο
vpos-ui-day-net = καθαρό { $amount }
vpos-ui-day-file = Το αρχείο εξαγωγής της τράπεζας (CSV)
vpos-ui-day-import = Εισαγωγή και σύγκριση
vpos-ui-day-imported = Το { $file } εισήχθη για το { $name }.
vpos-ui-day-read-error = Το αρχείο { $file } δεν μπόρεσε να διαβαστεί.
vpos-ui-day-empty = Καμία συναλλαγή σε καμία πλευρά.
vpos-ui-day-matched = Ταιριάζει
vpos-ui-day-different-amount = Διαφορετικό ποσό
vpos-ui-day-entered-by-hand = Καταχωρίστηκε με το χέρι
vpos-ui-day-cancel-differs = Ακυρώθηκε μόνο στη μία πλευρά
vpos-ui-day-missing-at-bank = Λείπει από την τράπεζα
vpos-ui-day-missing-at-counter = Λείπει από το ταμείο
vpos-ui-day-voided = Ακυρώθηκε
vpos-ui-day-refunded = Επιστράφηκε
vpos-ui-day-col-order = Παραγγελία
vpos-ui-day-col-status = Κατάσταση
vpos-ui-day-col-counter = Ταμείο
vpos-ui-day-col-bank = Τράπεζα
vpos-ui-day-col-at = Ώρα
vpos-ui-day-col-auth = Έγκριση
vpos-ui-day-total = Σύνολο
vpos-ui-day-difference = Διαφορά { $amount }
vpos-ui-day-hand = Καταχώριση με το χέρι
vpos-ui-day-hand-title = Καταχώριση της παραγγελίας { $order } με το χέρι
vpos-ui-day-hand-explain = Η τράπεζα έχει αυτή τη συναλλαγή στο { $name } και το ταμείο όχι. Η καταχώριση τη γράφει στο ημερολόγιο του ταμείου, με την αιτιολογία σας, στο αρχείο ελέγχου.
vpos-ui-day-hand-reason = Αιτιολογία (υποχρεωτική)
vpos-ui-day-hand-done = Η παραγγελία { $order } καταχωρίστηκε με το χέρι.
vpos-ui-day-hand-by = Καταχωρίστηκε από { $name }: { $reason }
