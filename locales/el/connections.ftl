# Partner connection records (seed 000): errors, the deployment note, the month-end list.

## Errors: nothing was recorded.
err-conn-partner = Το «{ $value }» δεν είναι συνεργάτης αυτού του ταμείου: momo, giftpop, vnpay, zalopay, alipay, nhanh, viva ή vpos:NAME.
err-conn-step = Το «{ $value }» δεν είναι βήμα: requested, confirmed, deployed, approved, connected ή disabled.
err-conn-confirmation = Το «{ $value }» δεν είναι κάποιος που επιβεβαιώνει: leader ή merchant.
err-conn-order = Αυτή η σύνδεση βρίσκεται στο «{ $current }»: το επόμενο βήμα είναι το «{ $expected }», όχι το «{ $step }». Δεν επιτρέπεται να παραλειφθεί βήμα.
err-conn-order-end = Αυτή η σύνδεση βρίσκεται στο «{ $current }»: το «{ $step }» δεν μπορεί να ακολουθήσει. Απενεργοποιήστε την πρώτα για να ξεκινήσετε από την αρχή.
err-conn-reference = Το βήμα «{ $step }» χρειάζεται την αναφορά του (το email του συνεργάτη ή την έγκριση στο CMS του).
err-conn-confirmation-here = Οι επιβεβαιώσεις ανήκουν στο βήμα «confirmed», όχι στο «{ $step }».
err-conn-confirmation-missing = Ο συνεργάτης { $partner } χρειάζεται την επιβεβαίωση { $missing ->
        [leader] του επικεφαλής της ομάδας του συνεργάτη
        [merchant] του εμπόρου
       *[both] του επικεφαλής της ομάδας του συνεργάτη και του εμπόρου
    }.
err-conn-note-incomplete = Από το σημείωμα εγκατάστασης λείπει: { $missing }{ $more ->
        [0] { "" }
       *[other] { " " }(+{ $more })
    }.
err-conn-point-code = Ο συνεργάτης { $partner } χρειάζεται τον κωδικό σημείου του συνεργάτη πριν από την έγκριση.
err-conn-test-failed = Η δοκιμή σύνδεσης δεν πέτυχε, οπότε η σύνδεση δεν καταγράφεται ως συνδεδεμένη. { $step }
err-conn-disable-note = Γράψτε τον λόγο σε μια σημείωση για να απενεργοποιήσετε μια σύνδεση.
err-conn-text = Το «{ $field }» ξεπερνά τους { $max } χαρακτήρες ή περιέχει χαρακτήρα που δεν πληκτρολογείται.
err-conn-phone = Το «{ $value }» δεν είναι αριθμός τηλεφώνου (8 έως 15 ψηφία· επιτρέπονται +, κενά, τελείες, παύλες και παρενθέσεις).
err-conn-month = Το «{ $value }» δεν είναι μήνας: γράψτε τον ως YYYY-MM, π.χ. 2026-11.
err-conn-month-future = Ο μήνας { $value } δεν έχει αρχίσει: δεν έχει ακόμη λίστα.
err-conn-pos-ids = Τα Pos Parent και Pos ID δεν έχουν οριστεί: ρυθμίστε το hub πριν από την εγκατάσταση.
err-conn-clock = Το τελευταίο βήμα καταγράφηκε στις { $last }, αργότερα από το ρολόι αυτού του ταμείου ({ $now }): διορθώστε το ρολόι πριν καταγράψετε το επόμενο βήμα.
err-conn-viva-terminal = Το τερματικό καρτών δεν έχει οριστεί σε Viva: επιλέξτε Viva ως τερματικό πριν καταγράψετε τη σύνδεση.
err-conn-changed = Κάποιος άλλος κατέγραψε στο μεταξύ ένα βήμα για τον συνεργάτη { $partner }: δείτε ξανά την εγγραφή.
err-conn-hub-pending = Το hub δεν απάντησε: εγγραφές σύνδεσης σε αναμονή: { $count }· θα σταλούν μόλις απαντήσει.
err-conn-refused = Το hub απέρριψε { $count } εγγραφές σύνδεσης: φυλάσσονται και δεν αποστέλλονται ξανά. Δείτε το `quay connect show` και το αρχείο καταγραφής.
err-conn-no-proof = Ο συνεργάτης { $partner } δεν έχει ακόμη τεκμήριο σύνδεσης.
err-conn-xlsx = Δεν ήταν δυνατή η εγγραφή του υπολογιστικού φύλλου: { $detail }

## Steps.
conn-status-none = δεν ξεκίνησε
conn-status-requested = ζητήθηκε
conn-status-confirmed = επιβεβαιώθηκε
conn-status-deployed = εγκαταστάθηκε
conn-status-approved = εγκρίθηκε από τον συνεργάτη
conn-status-connected = συνδέθηκε
conn-status-disabled = απενεργοποιήθηκε

## The deployment note.
conn-note-title = Σημείωμα εγκατάστασης: σύνδεση του { $partner } μέσω του hub
conn-note-section-request = Αίτημα
conn-note-section-prepare = Αναβάθμιση και σύνδεση
conn-note-section-point = Σημείο εγκατάστασης
conn-note-section-contact = Επικοινωνία
conn-note-section-approval = Έγκριση στο CMS του συνεργάτη
conn-note-section-back = Επιστροφή στον συνεργάτη
conn-note-section-notes = Σημειώσεις
conn-note-partner = Συνεργάτης
conn-note-request-ref = Αρ. αιτήματος
conn-note-reference = Αναφορά
conn-note-requested-at = Ημερομηνία αιτήματος
conn-note-confirmations = Επιβεβαίωσαν
conn-note-by-leader = ο υπεύθυνος ομάδας του συνεργάτη
conn-note-by-merchant = ο έμπορος
conn-note-version = Το ταμείο ενημερώθηκε στην τελευταία έκδοση
conn-note-menu = Μενού συγχρονισμένο με το hub
conn-note-menu-hub = έκδοση { $version }, από αυτό το hub
conn-note-menu-other = έκδοση { $version }, όχι από αυτό το hub: συγχρονίστε το μενού
conn-note-menu-none = δεν υπάρχει ακόμη μενού
conn-note-voucher-entry = Οι ταμίες μπορούν να πληκτρολογούν κωδικούς κουπονιών του συνεργάτη
conn-note-test = Η δοκιμή σύνδεσης πέτυχε
conn-note-point-name = Όνομα σημείου
conn-note-address = Διεύθυνση
conn-note-hub-point = Όνομα στο hub
conn-note-key1 = Key1
conn-note-key2 = Key2
conn-note-present = ορίστηκε (δεν εμφανίζεται)
conn-note-missing = λείπει
conn-note-contact = Υπεύθυνος επικοινωνίας
conn-note-phone = Τηλέφωνο
conn-note-approval-ref = Αρ. έγκρισης
conn-note-approved-at = Ημερομηνία έγκρισης
conn-note-pos-parent = Pos Parent
conn-note-pos-id = Pos ID
conn-note-point-code = Κωδικός σημείου συνεργάτη
conn-note-proof = Τεκμήριο σύνδεσης
conn-note-proof-attached = επισυνάπτεται (PDF και PNG, { $sha }…)
conn-note-not-yet = όχι ακόμη
conn-note-yes = ναι
conn-note-no = όχι
conn-note-notes = Σημειώσεις

## The month-end list.
conn-sheet-points = Συνδεδεμένα σημεία
conn-sheet-totals = Σύνολα
conn-sheet-month = Μήνας: { $month }
conn-col-pos-parent = Επωνυμία (Pos Parent)
conn-col-pos-id = Pos ID
conn-col-point-name = Σημείο
conn-col-address = Διεύθυνση
conn-col-partner = Συνεργάτης
conn-col-point-code = Κωδικός σημείου συνεργάτη
conn-col-connected = Ημερομηνία σύνδεσης
conn-col-request-ref = Αρ. αιτήματος
conn-col-approval-ref = Αρ. έγκρισης
conn-col-contact = Επικοινωνία
conn-col-phone = Τηλέφωνο
conn-col-status = Τρέχουσα κατάσταση
conn-col-source = Πηγή
conn-col-partner-id = Αναγνωριστικό συνεργάτη
conn-col-points = Συνδεδεμένα σημεία
conn-col-first = Πρώτη
conn-col-last = Τελευταία
conn-col-month = Μήνας
conn-total = Σύνολο
conn-source-hub = hub
conn-source-counter = αυτό το ταμείο
conn-list-source-hub = Η λίστα του hub με όλα τα σημεία της επωνυμίας.
conn-list-source-counter = Το hub δεν απάντησε: εμφανίζονται μόνο οι εγγραφές αυτού του ταμείου.
conn-list-source-mixed = Η λίστα του hub, μαζί με τις εγγραφές αυτού του ταμείου που δεν έχει λάβει ακόμη.

## The command line.
conn-cli-recorded = { $partner }: καταγράφηκε το βήμα { $step }.
conn-cli-queued = Εγγραφές σύνδεσης σε αναμονή για το hub: { $count }.
conn-cli-next = Επόμενο βήμα: { $step }
conn-cli-proof = Τεκμήριο της δοκιμής σύνδεσης στις { $at } (SHA-256 { $sha }).
conn-cli-proof-attached = το τεκμήριο επισυνάφθηκε
conn-cli-points = Σημεία που συνδέθηκαν στο { $month }: { $count }.
conn-cli-pushed = Εγγραφές σύνδεσης που στάλθηκαν στο hub: { $sent }· σε αναμονή: { $pending }.
