# Nhanh.vn Open API: τι πήγε στραβά στην επικοινωνία με το Nhanh (crate quay-nhanh) και γιατί
# ένα προϊόν έμεινε εκτός καταλόγου. Κάθε id είναι ένας `code` που επιστρέφει το σύστημα.

## Επικοινωνία με το Nhanh
err-nhanh-transport = Δεν ήταν δυνατή η σύνδεση με το Nhanh ({ $path }): { $detail }. Ελέγξτε τη σύνδεση στο διαδίκτυο· αν στελνόταν πώληση, ελέγχεται πρώτα με το Nhanh πριν σταλεί ξανά.
err-nhanh-http = Το Nhanh απάντησε με σφάλμα HTTP { $status } ({ $path }). Ελέγξτε τη διεύθυνση API του Nhanh στις ρυθμίσεις· αν είναι σωστή, δοκιμάστε ξανά αργότερα.
err-nhanh-decode = Η απάντηση του Nhanh δεν διαβάζεται ({ $path }): { $detail }. Δοκιμάστε ξανά αργότερα· αν στελνόταν πώληση, ελέγχεται πρώτα με το Nhanh πριν σταλεί ξανά.
err-nhanh-rate-limited = Το Nhanh περιορίζει πόσο συχνά το ταμείο καλεί το { $path }. Τίποτα δεν χάθηκε: θα ξαναδοκιμαστεί αυτόματα σε λίγο.
err-nhanh-not-configured = Η σύνδεση με το Nhanh δεν έχει ρυθμιστεί ακόμη (λείπει: { $missing }). Συνδέστε πρώτα το Nhanh στις ρυθμίσεις.
err-nhanh-invalid-mobile = Το «{ $mobile }» δεν είναι βιετναμέζικος αριθμός κινητού (10 ψηφία που αρχίζουν από 03, 05, 07, 08 ή 09). Διορθώστε τον αριθμό.
err-nhanh-invalid-order = Η πώληση δεν στάλθηκε στο Nhanh: το { $field } δεν είναι έγκυρο ({ $reason }). Διορθώστε την πώληση ή ενημερώστε την υποστήριξη.
err-nhanh-webhook-body = Μια ειδοποίηση από το Nhanh δεν διαβαζόταν και αγνοήθηκε ({ $detail }).

## Οι κωδικοί σφάλματος του Nhanh
err-nhanh-invalid-app-id = Το Nhanh δεν γνωρίζει αυτό το App ID. Συγκρίνετε το App ID των ρυθμίσεων με την εφαρμογή στη σελίδα προγραμματιστών του Nhanh.
err-nhanh-invalid-access-token = Το Nhanh δεν δέχεται πλέον την πρόσβαση του ταμείου (το token λείπει, έληξε ή αντικαταστάθηκε από νεότερη εξουσιοδότηση). Ο έμπορος πρέπει να συνδέσει ξανά την εφαρμογή στο Nhanh.
err-nhanh-invalid-version = Το access token είναι για άλλη έκδοση του API του Nhanh. Ο έμπορος πρέπει να συνδέσει ξανά την εφαρμογή για να πάρει token v3.
err-nhanh-invalid-business-id = Το Nhanh δεν γνωρίζει αυτή την επιχείρηση ή η εφαρμογή δεν είναι συνδεδεμένη με αυτήν. Συνδέστε ξανά την εφαρμογή στο Nhanh.
err-nhanh-invalid-depot-id = Το Nhanh αρνήθηκε την αποθήκη: δεν υπάρχει ή δεν έχει παραχωρηθεί στην εφαρμογή ({ $detail }). Επιλέξτε μια παραχωρημένη αποθήκη στις ρυθμίσεις ή ζητήστε από τον έμπορο να την παραχωρήσει ξανά στο Nhanh.
err-nhanh-invalid-data = Το Nhanh δεν μπόρεσε να διαβάσει ό,τι έστειλε το ταμείο ({ $path }): { $detail }. Ενημερώστε την υποστήριξη.
err-nhanh-business-not-enable-api = Το API δεν είναι ενεργό για αυτή την επιχείρηση στο Nhanh. Ο έμπορος πρέπει να ενεργοποιήσει το API στο Nhanh και μετά να δοκιμάσετε ξανά.
err-nhanh-forbidden = Το Nhanh αρνήθηκε: η εφαρμογή δεν έχει την άδεια «{ $permission }», που χρειάζεται για να { $job }. Ο έμπορος πρέπει να εξουσιοδοτήσει ξανά την εφαρμογή στο Nhanh και να επιλέξει αυτή την άδεια.
err-nhanh-bad-secret-key = Το Nhanh αρνήθηκε το Secret Key. Αντιγράψτε το ξανά από τη σελίδα της εφαρμογής στο Nhanh στις ρυθμίσεις.
err-nhanh-bad-access-code = Το Nhanh αρνήθηκε τον κωδικό πρόσβασης: είναι λάθος, έχει ήδη χρησιμοποιηθεί ή είναι παλαιότερος από 10 λεπτά. Ξεκινήστε ξανά τη σύνδεση στο Nhanh για νέο κωδικό.
err-nhanh-invalid-form-fields = Το Nhanh αρνήθηκε το αίτημα ({ $path }): { $detail }. Διορθώστε ό,τι αναφέρει και δοκιμάστε ξανά.
err-nhanh-api = Το Nhanh αρνήθηκε το αίτημα ({ $path }, { $code }): { $detail }.

## Οι εργασίες της σύνδεσης (μετά το «για να»)
nhanh-job-products = εισάγει προϊόντα, κατηγορίες και απόθεμα στον κατάλογο
nhanh-job-sales = στέλνει τις πωλήσεις του ταμείου στο Nhanh ως παραγγελίες
nhanh-job-orders = δείχνει και ενημερώνει τις online παραγγελίες του Nhanh
nhanh-job-customers = βρίσκει και προσθέτει πελάτες με τον αριθμό κινητού
nhanh-job-other = χρησιμοποιεί αυτό το μέρος του Nhanh

## Γιατί ένα προϊόν δεν είναι στον κατάλογο
nhanh-skip-empty-name = Το προϊόν δεν έχει όνομα.
nhanh-skip-voucher = Τα κουπόνια δεν πωλούνται ως είδη του καταλόγου.
nhanh-skip-variant-parent = Αυτό το προϊόν απλώς ομαδοποιεί τις παραλλαγές του· στον κατάλογο μπαίνει κάθε παραλλαγή.
nhanh-skip-unknown-category = Το προϊόν ανήκει στην κατηγορία { $category }, την οποία το Nhanh δεν έδωσε.
nhanh-skip-no-price = Το προϊόν δεν έχει τιμή λιανικής.
nhanh-skip-negative-price = Η τιμή λιανικής { $price } είναι αρνητική.
nhanh-skip-fractional-price = Η τιμή λιανικής { $price } έχει κλάσμα του đồng.
nhanh-skip-bad-price = Η τιμή λιανικής «{ $price }» δεν είναι έγκυρο ποσό.
nhanh-skip-bad-vat = Ο συντελεστής ΦΠΑ «{ $vat }» δεν είναι έγκυρος.
nhanh-skip-weighed-fractional = Ζυγιζόμενο προϊόν με ποσότητα { $quantity } δεν πωλείται σε ακέραιες μονάδες στο ταμείο.
nhanh-skip-duplicate-barcode = Το barcode { $barcode } χρησιμοποιείται ήδη από το { $item }.

## Οι καταστάσεις παραγγελιών του Nhanh
nhanh-order-status-54 = Νέα
nhanh-order-status-55 = Σε επιβεβαίωση
nhanh-order-status-56 = Επιβεβαιωμένη
nhanh-order-status-57 = Αναμονή πελάτη
nhanh-order-status-42 = Σε συσκευασία
nhanh-order-status-40 = Συσκευασμένη
nhanh-order-status-43 = Αναμονή παραλαβής
nhanh-order-status-59 = Σε αποστολή
nhanh-order-status-60 = Παραδόθηκε
nhanh-order-status-61 = Αποτυχία παράδοσης
nhanh-order-status-58 = Ακυρώθηκε από τη μεταφορική
nhanh-order-status-63 = Ακυρώθηκε από τον πελάτη
nhanh-order-status-64 = Ακυρώθηκε από το σύστημα
nhanh-order-status-68 = Εκτός αποθέματος
nhanh-order-status-71 = Σε επιστροφή
nhanh-order-status-72 = Επιστράφηκε
nhanh-order-status-73 = Αλλαγή αποθήκης
nhanh-order-status-74 = Η επιστροφή επιβεβαιώθηκε
