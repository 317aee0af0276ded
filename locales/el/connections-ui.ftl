# Οι συνδέσεις συνεργατών του τεχνικού στην οθόνη του ταμείου (issue 18). Ids: conn-ui-*.

conn-ui-open = Συνδέσεις συνεργατών
conn-ui-title = Συνδέσεις συνεργατών
conn-ui-explain = Η σύνδεση κάθε συνεργάτη βήμα προς βήμα: αίτημα, επιβεβαιώσεις, εγκατάσταση, έγκριση και δοκιμή σύνδεσης.
conn-ui-loading = Φόρτωση…
conn-ui-reload = Ανανέωση
conn-ui-partners = Συνεργάτες
conn-ui-this-point = Σημείο { $pos_id } του { $pos_parent }
conn-ui-queued = Αναμένουν αποστολή στο hub: { $count }
conn-ui-refused = Απορρίφθηκαν από το hub (δείτε το αρχείο καταγραφής): { $count }
conn-ui-no-pos-ids = Τα Pos Parent και Pos ID του hub δεν έχουν οριστεί: ορίστε τα στις Ρυθμίσεις πριν καταγραφεί οποιοδήποτε βήμα.
conn-ui-keys-missing = Τα κλειδιά του hub δεν έχουν οριστεί: οι εγγραφές μένουν σε αυτό το ταμείο μέχρι να οριστούν.
conn-ui-choose = Επιλέξτε συνεργάτη για να δείτε τα βήματά του.

## Καταστάσεις και βήματα.
conn-ui-status-never = Δεν ξεκίνησε
conn-ui-step-requested = Αίτημα
conn-ui-step-confirmed = Επιβεβαίωση
conn-ui-step-deployed = Εγκατάσταση
conn-ui-step-approved = Έγκριση
conn-ui-step-connected = Σύνδεση
conn-ui-step-disabled = Απενεργοποίηση

## Ένας συνεργάτης.
conn-ui-steps = Βήματα
conn-ui-no-steps = Δεν έχει καταγραφεί βήμα ακόμη.
conn-ui-by = Από
conn-ui-reference = Αναφορά
conn-ui-confirmed-by = Επιβεβαίωσε
conn-ui-confirm-leader = Ο υπεύθυνος ομάδας της MoMo
conn-ui-confirm-merchant = Ο έμπορος
conn-ui-note = Σημείωση
conn-ui-proof-kept = Τεκμήριο αποθηκευμένο
conn-ui-details = Στοιχεία σημείου
conn-ui-point-name = Όνομα σημείου
conn-ui-address = Διεύθυνση
conn-ui-contact-name = Υπεύθυνος επικοινωνίας
conn-ui-contact-phone = Τηλέφωνο επικοινωνίας
conn-ui-point-code = Κωδικός σημείου συνεργάτη
conn-ui-notes = Σημειώσεις
conn-ui-next = Επόμενο βήμα: { $step }
conn-ui-next-none = Συνδέθηκε: δεν υπάρχει άλλο βήμα.
conn-ui-required-hint = * υποχρεωτικό για αυτό το βήμα
conn-ui-note-disable = Απαιτείται για απενεργοποίηση.
conn-ui-record = Καταγραφή: { $step }
conn-ui-recording = Καταγραφή…
conn-ui-testing = Δοκιμή…
conn-ui-testing-wait = Δοκιμή της σύνδεσης με τον συνεργάτη: διαρκεί λίγα δευτερόλεπτα.
conn-ui-disable = Απενεργοποίηση
conn-ui-recorded = { $partner }: καταγράφηκε το βήμα { $step }.

## Το σημείωμα εγκατάστασης και το τεκμήριο.
conn-ui-deploy-note = Σημείωμα εγκατάστασης
conn-ui-note-title = Σημείωμα εγκατάστασης: { $partner }
conn-ui-proof = Τεκμήριο
conn-ui-proof-title = Τεκμήριο: { $partner }
conn-ui-proof-alt = Δοκιμή σύνδεσης { $partner }, { $at }
conn-ui-copy = Αντιγραφή
conn-ui-copied = Αντιγράφηκε.
conn-ui-copy-failed = Η αντιγραφή απέτυχε: επιλέξτε το κείμενο και αντιγράψτε το.
conn-ui-close = Κλείσιμο
conn-ui-pdf = PDF
conn-ui-png = Εικόνα

## Η λίστα τέλους μήνα.
conn-ui-month-title = Τέλος μήνα
conn-ui-month = Μήνας
conn-ui-month-previous = Προηγούμενος μήνας
conn-ui-month-next = Επόμενος μήνας
conn-ui-export = Εξαγωγή λίστας μήνα
conn-ui-exporting = Εξαγωγή…
conn-ui-exported = Η λίστα του μήνα γράφτηκε, γραμμές: { $count }.
conn-ui-source-hub = Από το hub: όλα τα σημεία της επωνυμίας.
conn-ui-source-counter = Προσοχή: μόνο αυτό το ταμείο (το hub δεν ήταν διαθέσιμο). Λείπουν τα άλλα σημεία.
conn-ui-source-mixed = Προσοχή: εν μέρει από το hub, εν μέρει μόνο από αυτό το ταμείο. Ελέγξτε πριν την αποστολή.
conn-ui-rows = Σημεία που συνδέθηκαν στο { $month }: { $count }
conn-ui-xlsx = Υπολογιστικό φύλλο
conn-ui-csv = CSV
conn-ui-no-rows = Κανένα σημείο δεν συνδέθηκε εκείνον τον μήνα.
conn-ui-col-point = Σημείο
conn-ui-col-partner = Συνεργάτης
conn-ui-col-connected = Σύνδεση
conn-ui-col-request = Αρ. αιτήματος
conn-ui-col-approval = Αρ. έγκρισης
conn-ui-col-contact = Επικοινωνία
