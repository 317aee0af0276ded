# Εικονικό POS τράπεζας στο ταμείο (issue 17).

## Ορισμοί
err-vpos-field = { $field }: το «{ $value }» δεν είναι έγκυρο.
err-vpos-url = Το { $field } πρέπει να είναι πλήρης διεύθυνση web (https://…· http:// μόνο σε δοκιμαστική λειτουργία): «{ $value }».
err-vpos-name = Το «{ $name }» δεν μπορεί να ονομάσει εικονικό POS: χρησιμοποιήστε 1 έως { $max } γράμματα, ψηφία, - ή _.
err-vpos-currency = Αυτό το ταμείο πουλά σε { $counter }: ένα εικονικό POS σε { $currency } δεν μπορεί να δεχτεί τις πληρωμές του.
err-vpos-3d-unsupported = Το Quay δεν μπορεί ακόμη να απαιτεί 3-D Secure με { $kind }: επιλέξτε «προαιρετικό».
err-vpos-gate-required = Το 3-D Secure χρειάζεται τη διεύθυνση της πύλης 3-D της τράπεζας.
err-vpos-exists = Υπάρχει ήδη εικονικό POS με όνομα «{ $name }».
err-vpos-field-missing = Λείπει το { $field }.
err-vpos-open-payments = Μια πληρωμή μέσω «{ $name }» είναι ακόμη ανοιχτή ({ $key }): διευθετήστε την πρώτα με την τράπεζα (Ρωτήστε την τράπεζα).
err-vpos-reference-open = Η τελευταία πληρωμή για { $reference } ({ $order }) δεν έχει ακόμη απάντηση της τράπεζας: το Quay ρώτησε και δεν θα χρεώσει ξανά πριν απαντήσει η τράπεζα (Ρωτήστε την τράπεζα).
err-vpos-reference-paid = Η τελευταία πληρωμή για { $reference } ({ $order }) πέρασε τελικά: είναι πληρωμένη. Δεν χρεώθηκε τίποτα ξανά.
err-vpos-rename-used = Το «{ $name }» έχει δεχτεί πληρωμές: ακυρώνονται και συγκρίνονται με αυτό το όνομα, γι' αυτό δεν μετονομάζεται. Προσθέστε νέο εικονικό POS.
err-vpos-kind-not-implemented = Το Quay κρατά τις ρυθμίσεις του { $kind } αλλά δεν μπορεί ακόμη να δεχτεί πληρωμές με αυτό.
err-vpos-not-found = Δεν υπάρχει εικονικό POS με όνομα «{ $name }».
err-vpos-none = Δεν έχει ρυθμιστεί εικονικό POS.
err-vpos-secret-stdin = Το { $flag } είναι μυστικό: δώστε το ως «-» και πληκτρολογήστε το στην επόμενη γραμμή της εισόδου, ποτέ στη γραμμή εντολών.
err-vpos-stdin = Η είσοδος τελείωσε πριν διαβαστεί το { $what }.
err-unknown-target = Το Quay δεν μπορεί να ελέγξει το «{ $target }».

## Λήψη πληρωμής
err-vpos-phone = Το «{ $phone }» δεν είναι αριθμός τηλεφώνου (6 έως 15 ψηφία, + μόνο μπροστά).
err-vpos-no-sale = Δεν υπάρχει πώληση στο ταμείο για πληρωμή.
err-vpos-reference = Δώστε μια αναφορά για την πληρωμή (την παραγγελία ή την προκαταβολή), έως { $max } χαρακτήρες.
err-vpos-3d-required = Το «{ $name }» απαιτεί 3-D Secure: στείλτε στον πελάτη σύνδεσμο πληρωμής.
err-vpos-link-unsupported = Το «{ $name }» δεν μπορεί να δημιουργήσει συνδέσμους πληρωμής (χωρίς πύλη 3-D).
err-vpos-no-return-url = Οι σύνδεσμοι πληρωμής χρειάζονται τη διεύθυνση όπου η τράπεζα επιστρέφει τον πελάτη: ορίστε το { $key }.
err-vpos-3d-failed = Η τράπεζα του πελάτη δεν επιβεβαίωσε τον κάτοχο της κάρτας (κατάσταση 3-D Secure { $md }): δεν χρεώθηκε τίποτα για το { $order }.
err-vpos-unknown = Η απάντηση της τράπεζας για το { $order } χάθηκε. Μην πάρετε ξανά την πληρωμή: ρωτήστε πρώτα την τράπεζα (Ρωτήστε την τράπεζα).
err-vpos-given-up = Σταματήσατε να περιμένετε το { $order }. Η τράπεζα ερωτάται ακόμη: αν ο πελάτης πληρώσει τελικά, η πώληση ολοκληρώνεται ή η πληρωμή περιμένει επιστροφή από υπεύθυνο.
err-vpos-cancelled = Η πληρωμή { $order } δεν έγινε: η τράπεζα δεν την ενέκρινε ποτέ.
err-vpos-order-not-found = Καμία πληρωμή εικονικού POS δεν έχει τον αριθμό παραγγελίας { $order }.
err-vpos-not-cancellable = Το { $order } δεν μπορεί να ακυρωθεί ({ $state }).
err-vpos-void-the-sale = Το { $order } πλήρωσε μια πώληση: ακυρώστε την πώληση (τα χρήματα επιστρέφουν με τον ίδιο τρόπο).
err-vpos-amount-mismatch = Η τράπεζα ενέκρινε άλλο ποσό για το { $order }: δεν θεωρείται πληρωμένο. Καλέστε την τράπεζα.
err-vpos-no-card = Δεν πληκτρολογήθηκε κάρτα για το { $order }.
err-vpos-nothing-to-cancel = Η τράπεζα δεν έχει τίποτα άλλο να ακυρώσει για το { $order }.
err-vpos-partial-before-close = Μέρος του { $order } επιστρέφεται μόνο αφού κλείσει η ημέρα της τράπεζας (η ακύρωση αυθημερόν επιστρέφει ολόκληρη την πληρωμή).
vpos-approved = Εγκρίθηκε ({ $code }), έγκριση { $auth }.
vpos-link-waiting = Αναμονή πληρωμής του πελάτη στη σελίδα της τράπεζας (έως { $until }).

## Τέλος ημέρας
vpos-report-section = Εικονικό POS { $name }: η λίστα της τράπεζας ανά αριθμό παραγγελίας
vpos-report-bank = Τράπεζα
err-vpos-no-report = Η τράπεζα του «{ $name }» δεν έχει κλήση αναφοράς: εισαγάγετε το αρχείο εξαγωγής της ημέρας.
err-vpos-file-no-order = Η γραμμή { $line } του αρχείου της τράπεζας δεν έχει αριθμό παραγγελίας.
err-vpos-file-unreadable = Το αρχείο της τράπεζας δεν διαβάζεται: { $detail }
err-vpos-not-missing = Το { $order } δεν λείπει από το ταμείο.

## Έλεγχος σύνδεσης
setup-key-vpos-return-url = Εικονικό POS: η δημόσια διεύθυνση του ταμείου για συνδέσμους πληρωμής (η τράπεζα επιστρέφει στο …/vpos/ok)
setup-key-vpos-callback-listen = Εικονικό POS: διεύθυνση λήψης των αποτελεσμάτων 3-D της τράπεζας (host:port)
setup-key-vpos-timeout = Εικονικό POS: δευτερόλεπτα αναμονής της τράπεζας
setup-target-vpos = Εικονικό POS
setup-step-vpos-definition = Εικονικό POS { $name }: ορισμός
setup-ok-vpos-definition = { $kind } ({ $mode }) στο { $url }· στατική IP που δόθηκε στην τράπεζα: { $ip }.
setup-step-vpos-check = Εικονικό POS { $name }: η τράπεζα απαντά με αυτά τα στοιχεία
setup-ok-vpos-check = Η τράπεζα απάντησε σε { $ms } χλστ. και δέχτηκε τα στοιχεία.

## Γραμμή εντολών
vpos-saved = Το εικονικό POS «{ $name }» αποθηκεύτηκε.
vpos-removed = Το εικονικό POS «{ $name }» αφαιρέθηκε (οι πληρωμές του μένουν στο αρχείο).
vpos-link-open = Σύνδεσμος πληρωμής για το { $order }: { $url }
vpos-nothing-open = Καμία πληρωμή εικονικού POS δεν περιμένει απάντηση της τράπεζας.
vpos-kind-sale = πληρωμή
vpos-kind-void = ακύρωση
vpos-kind-refund = επιστροφή
vpos-state-pending = σε αναμονή
vpos-state-sent = στάλθηκε
vpos-state-approved = εγκρίθηκε
vpos-state-declined = απορρίφθηκε
vpos-state-unknown = άγνωστο
vpos-state-cancelled = δεν έγινε
vpos-source-report = η αναφορά της τράπεζας
vpos-source-file = το αρχείο της τράπεζας
vpos-source-none = καμία λίστα από την τράπεζα ακόμη
vpos-day-heading = { $name } — { $source }: { $matched } συμφωνούν, { $problems } προς έλεγχο
vpos-day-totals = Ταμείο { $counter } · τράπεζα { $bank } · διαφορά { $difference }
vpos-status-matched = συμφωνεί
vpos-status-different-amount = διαφορετικό ποσό
vpos-status-missing-at-bank = λείπει στην τράπεζα
vpos-status-missing-at-counter = λείπει στο ταμείο
vpos-status-entered-by-hand = καταχωρίστηκε χειροκίνητα
vpos-status-voided = ακυρώθηκε
vpos-status-refunded = επιστράφηκε
vpos-status-cancel-differs = ακυρώθηκε μόνο στη μία πλευρά

## Η σελίδα όπου επιστρέφει ο περιηγητής του πελάτη μετά την πληρωμή
vpos-page-ok = Ευχαριστούμε. Το ταμείο του εστιατορίου ελέγχει τώρα την πληρωμή με την τράπεζα: μπορείτε να κλείσετε αυτή τη σελίδα.
vpos-page-fail = Η πληρωμή δεν ολοκληρώθηκε. Μπορείτε να κλείσετε αυτή τη σελίδα και να ζητήσετε νέο σύνδεσμο από το εστιατόριο.
