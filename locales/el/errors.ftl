# Errors shown to people. Each id is a `code` the backend returns.

err-unknown-currency = Άγνωστο νόμισμα { $code }.
err-currency-mismatch = Ποσό σε { $found }, αλλά αυτό το ταμείο λειτουργεί σε { $expected }.
err-amount-too-large = Το ποσό είναι πολύ μεγάλο.
err-bad-amount = Το «{ $text }» δεν είναι ποσό.
err-too-many-decimals = Το «{ $text }» έχει πάρα πολλά δεκαδικά: το { $currency } επιτρέπει { $digits }.
err-bad-quantity = Η ποσότητα πρέπει να είναι από 1 έως { $max } (δόθηκε { $qty }).
err-unknown-item = Το είδος { $id } δεν υπάρχει στο μενού.
err-item-unavailable = { $name }: εξαντλήθηκε.
err-option-not-for-item = Η επιλογή { $option } δεν διατίθεται για το είδος { $item }.
err-duplicate-option = Η επιλογή { $option } επιλέχθηκε δύο φορές.
err-option-count = { $rule ->
        [exact] Επιλέξτε ακριβώς { $max } από τις επιλογές «{ $group }» (επιλέξατε { $count }).
        [at-most] Επιλέξτε έως { $max } από τις επιλογές «{ $group }» (επιλέξατε { $count }).
       *[range] Επιλέξτε { $min } έως { $max } από τις επιλογές «{ $group }» (επιλέξατε { $count }).
    }
err-note-too-long = Η σημείωση είναι πολύ μεγάλη (έως { $max } χαρακτήρες).
err-unknown-line = Αυτή η γραμμή δεν υπάρχει πλέον στην πώληση.
err-empty-cart = Η πώληση είναι κενή.
err-cash-too-low = Τα μετρητά που δόθηκαν ({ $tendered }) είναι λιγότερα από το πληρωτέο ποσό ({ $due }).
err-tenders-do-not-add-up = Οι πληρωμές αθροίζουν { $paid }, αλλά το σύνολο είναι { $total }.
err-already-voided = Η πώληση { $id } έχει ήδη ακυρωθεί.
err-void-of-void = Ένα ακυρωτικό δεν μπορεί να ακυρωθεί.
err-void-reason = Δώστε αιτία για την ακύρωση.
err-no-such-sale = Δεν υπάρχει πώληση { $id }.
err-store = Σφάλμα στη βάση δεδομένων του ταμείου: { $detail }
err-store-corrupt = Η βάση δεδομένων του ταμείου περιέχει ασυνεπή δεδομένα: { $detail }
err-menu-json = Το αρχείο μενού δεν είναι έγκυρο: { $detail }
err-menu-currency = Το μενού είναι τιμολογημένο σε { $found }, αλλά αυτό το ταμείο λειτουργεί σε { $expected }.
err-menu-duplicate-id = Το μενού περιέχει δύο φορές { $kind } «{ $id }».
err-menu-unknown-category = Το είδος { $item } ανήκει στην κατηγορία { $category }, η οποία δεν υπάρχει στο μενού.
err-menu-unknown-group = Το είδος { $item } χρησιμοποιεί την ομάδα επιλογών { $group }, η οποία δεν υπάρχει στο μενού.
err-menu-negative-price = { $kind } { $id }: αρνητική τιμή.
err-menu-bad-min-max = Η ομάδα επιλογών { $group } ζητά { $min } έως { $max } από τις { $count } επιλογές της.
err-menu-bad-tax-rate = Το είδος { $item } έχει συντελεστή ΦΠΑ { $rate } μονάδων βάσης, εκτός του εύρους 0 έως 10000.
err-menu-empty-name = { $kind } με κενό αναγνωριστικό ή όνομα ({ $id }).
err-no-menu = Δεν υπάρχει ακόμη μενού. Εισαγάγετε πρώτα ένα.
err-io = Αδυναμία ανάγνωσης ή εγγραφής του { $path }: { $detail }
err-bad-date = Το «{ $text }» δεν είναι ημερομηνία (YYYY-MM-DD).
err-bad-ring = Το «{ $text }» δεν είναι είδος για καταχώριση (ITEM_ID[*QTY][+OPTION_ID...]).
err-bad-pay = Το «{ $text }» δεν είναι πληρωμή (cash[:AMOUNT]).
err-bad-locale = Άγνωστη γλώσσα { $tag }.
err-internal = Απρόσμενο σφάλμα: { $detail }
err-background-busy = Τις εργασίες παρασκηνίου αυτού του ταμείου (συγχρονισμός με το κεντρικό σύστημα, webhook της Viva) τις κάνει { $what ->
    [window] το παράθυρο του Quay
    [sync-run] το «quay sync run»
   *[other] άλλη διεργασία
} (pid { $pid }).
background-waiting = Αναμονή μέχρι να σταματήσει…
err-config-key = Το { $key } δεν είναι ρύθμιση που μπορεί να αλλάξει αυτή η εντολή. Ρυθμίσεις: { $keys }.
err-config-value = Το «{ $value }» δεν είναι έγκυρη τιμή για το { $key }.
err-hub-not-configured = Η σύνδεση με το κεντρικό σύστημα δεν έχει ρυθμιστεί ακόμη (λείπουν: { $missing }).
err-hub-network = Αδυναμία σύνδεσης με το κεντρικό σύστημα: { $detail }
err-hub-signature = Αγνοήθηκε μια απάντηση που δεν είχε υπογραφεί από το κεντρικό σύστημα αυτού του ταμείου.
err-hub-refused = Το κεντρικό σύστημα απέρριψε το αίτημα ({ $status } { $code }): { $message }
err-hub-bad-answer = Η απάντηση του κεντρικού συστήματος δεν είναι κατανοητή: { $detail }
err-menu-version-gap = Οι αλλαγές του κεντρικού συστήματος ({ $from } → { $to }) δεν εφαρμόζονται στην έκδοση μενού { $have } αυτού του ταμείου.
err-menu-unknown-delete = Οι αλλαγές του κεντρικού συστήματος διαγράφουν { $kind } { $id }, που δεν υπάρχει σε αυτό το μενού.
err-payment-transition = Η πληρωμή { $key } δεν μπορεί να περάσει από { $from } σε { $to }.
err-payment-unresolved = Η πώληση { $sale } έχει πληρωμή με κάρτα με άγνωστο ακόμη αποτέλεσμα: διευθετήστε την πρώτα.
## Απορρίψεις κάρτας: η αιτία με λέξεις και ο κωδικός όπως τον έδωσε η τράπεζα, το
## τερματικό ή η Viva ($code: "51", "Viva 10051", "ZVT 6E")· η τράπεζα τον ζητά.
decline-refer-to-issuer = Απορρίφθηκε: η τράπεζα της κάρτας ζητά να την καλέσετε ({ $code }).
decline-invalid-merchant = Απορρίφθηκε: η τράπεζα της κάρτας δεν δέχεται αυτό το κατάστημα· καλέστε τον πάροχο πληρωμών ({ $code }).
decline-pick-up = Απορρίφθηκε: η τράπεζα της κάρτας ζητά να κρατήσετε την κάρτα ({ $code }).
decline-do-not-honour = Η τράπεζα της κάρτας απέρριψε τη συναλλαγή ({ $code }).
decline-invalid-transaction = Απορρίφθηκε: μη έγκυρη συναλλαγή ({ $code }).
decline-invalid-amount = Απορρίφθηκε: μη έγκυρο ποσό ({ $code }).
decline-invalid-card = Απορρίφθηκε: μη έγκυρος αριθμός κάρτας ({ $code }).
decline-lost-stolen = Η κάρτα έχει δηλωθεί χαμένη ή κλεμμένη: κρατήστε την κάρτα ({ $code }).
decline-insufficient-funds = Απορρίφθηκε: ανεπαρκές υπόλοιπο ({ $code }).
decline-expired-card = Απορρίφθηκε: η κάρτα έχει λήξει ({ $code }).
decline-wrong-pin = Απορρίφθηκε: λάθος PIN ({ $code }).
decline-pin-tries-exceeded = Απορρίφθηκε: πάρα πολλά λάθος PIN ({ $code }).
decline-not-permitted = Απορρίφθηκε: δεν επιτρέπεται για αυτή την κάρτα ({ $code }).
decline-over-limit = Απορρίφθηκε: υπέρβαση ορίου κάρτας ({ $code }).
decline-try-again = Απορρίφθηκε προσωρινά: η τράπεζα της κάρτας ζητά νέα προσπάθεια ({ $code }).
decline-fraud-suspected = Απορρίφθηκε: η τράπεζα της κάρτας υποψιάζεται απάτη ({ $code }).
decline-terminal-not-permitted = Απορρίφθηκε: το τερματικό του καταστήματος δεν επιτρέπεται για αυτή τη συναλλαγή· καλέστε την τράπεζα ({ $code }).
decline-bad-cvv = Απορρίφθηκε: λάθος κωδικός ασφαλείας (CVV) ({ $code }).
decline-sca-required = Απορρίφθηκε: η τράπεζα της κάρτας ζητά PIN· βάλτε την κάρτα και πληρώστε ξανά ({ $code }).
decline-issuer-unavailable = Η τράπεζα της κάρτας δεν είναι διαθέσιμη: δοκιμάστε ξανά ή πληρώστε αλλιώς ({ $code }).
decline-duplicate = Απορρίφθηκε ως διπλή αποστολή ({ $code }).
decline-system-error = Απορρίφθηκε: σφάλμα συστήματος στην τράπεζα ({ $code }).
decline-viva-policy = Απορρίφθηκε από τους κανόνες πληρωμών της Viva για αυτόν τον λογαριασμό ({ $code }).
decline-code = Η τράπεζα απέρριψε τη συναλλαγή ({ $code }).
decline-terminal-code = Το τερματικό απέρριψε την πληρωμή ({ $code }).
decline-no-code = Απορρίφθηκε: δεν δόθηκε κωδικός αιτίας.
decline-code-and-bank = { $code }, κωδικός τράπεζας { $bank }
decline-two-reasons = { $first } Η τράπεζα της κάρτας αναφέρει: { $second }
err-card-amount = Δεν γίνεται πληρωμή με κάρτα { $amount }: οφείλονται { $due }.
err-card-unknown = Η απάντηση του τερματικού για την πληρωμή { $key } είναι άγνωστη. Μη χρεώσετε ξανά: το ταμείο θα ρωτήσει το τερματικό.
err-card-cancelled = Η πληρωμή με κάρτα ακυρώθηκε.
err-terminal-not-configured = Το τερματικό καρτών δεν έχει ρυθμιστεί (λείπει: { $missing }).
err-terminal-port = Δεν ανοίγει η θύρα { $port } του τερματικού καρτών: { $detail }
err-terminal-registration = Το τερματικό καρτών αρνήθηκε την εγγραφή του ταμείου (κωδικός { $code }): ελέγξτε τον κωδικό πρόσβασης ZVT και το byte ρυθμίσεων στις ρυθμίσεις.
err-terminal-unanswered = Το τερματικό καρτών στη θύρα { $port } δεν απάντησε στην εγγραφή: { $detail }
err-reason-required = Δώστε μια αιτιολογία.
err-payment-not-found = Δεν υπάρχει πληρωμή με κάρτα { $key }.
err-payment-final = Η πληρωμή με κάρτα { $key } έχει ήδη διευθετηθεί ({ $state }).
zvt-error-card-unreadable = Η κάρτα δεν διαβάστηκε: δοκιμάστε ξανά ({ $code }).
zvt-error-card-data-missing = Λείπουν δεδομένα της κάρτας: δοκιμάστε ξανά ή χρησιμοποιήστε άλλη κάρτα ({ $code }).
zvt-error-processing = Το τερματικό δεν μπόρεσε να επεξεργαστεί την κάρτα ({ $code }).
zvt-error-turnover-full = Η μνήμη του τερματικού είναι γεμάτη: κλείστε πρώτα την ημέρα στο τερματικό ({ $code }).
zvt-error-aborted = Ακυρώθηκε στο τερματικό ({ $code }).
zvt-error-not-registered = Το τερματικό αρνείται να δουλέψει με αυτό το ταμείο: δεν είναι καταχωρισμένο και η νέα καταχώριση δεν βοήθησε. Ελέγξτε τον κωδικό του τερματικού στις ρυθμίσεις ({ $code }).
zvt-error-card-blocked = Η κάρτα είναι δεσμευμένη ({ $code }).
zvt-error-wrong-currency = Το τερματικό δεν δέχεται αυτό το νόμισμα ({ $code }).
zvt-error-end-of-day-impossible = Το τερματικό δεν μπορεί να κλείσει την ημέρα τώρα ({ $code }).
zvt-error-card-expired = Η κάρτα έχει λήξει ({ $code }).
zvt-error-card-not-yet-valid = Η κάρτα δεν ισχύει ακόμη ({ $code }).
zvt-error-card-unknown = Το τερματικό δεν αναγνωρίζει αυτή την κάρτα ({ $code }).
zvt-error-communication = Το τερματικό δεν μπόρεσε να επικοινωνήσει με την τράπεζα ({ $code }).
zvt-error-not-possible = Το τερματικό δεν μπορεί να το κάνει αυτό τώρα ({ $code }).
zvt-error-protocol = Το τερματικό δεν κατάλαβε το ταμείο: σφάλμα πρωτοκόλλου ({ $code }).
zvt-error-busy = Το τερματικό είναι απασχολημένο: περιμένετε λίγο και δοκιμάστε ξανά ({ $code }).
zvt-error-system = Το τερματικό αναφέρει σφάλμα συστήματος ({ $code }).
err-auth-pin-format = Το PIN έχει { $min } έως { $max } ψηφία.
err-auth-wrong-pin = Λάθος PIN.
err-auth-locked = Πάρα πολλά λάθος PIN. Δοκιμάστε ξανά σε { $minutes } λεπτά.
err-auth-not-allowed = { $role ->
    [cashier] Ο ταμίας
    [manager] Ο υπεύθυνος
   *[technician] Ο τεχνικός
} δεν επιτρέπεται να το κάνει αυτό ({ staff-action }).
err-auth-pin-in-use = Αυτό το PIN χρησιμοποιείται ήδη. Επιλέξτε άλλο.
err-auth-bad-name = Χρειάζεται όνομα 1 έως { $max } χαρακτήρων.
err-auth-session-expired = Αποσυνδεθήκατε μετά από { $minutes } λεπτά αδράνειας.
err-auth-no-such-staff = Δεν υπάρχει μέλος προσωπικού { $id }.
err-auth-last-technician = Ο τελευταίος ενεργός τεχνικός δεν μπορεί να απενεργοποιηθεί.
err-audit-broken = Το αρχείο ελέγχου είναι αλλοιωμένο στην εγγραφή { $seq } ({ $reason }).
err-auth-pin-required = Χρειάζεται PIN για αυτό ({ staff-action }).
err-auth-signed-out = Συνδεθείτε πρώτα με το PIN σας.
err-auth-first-technician = Το πρώτο μέλος προσωπικού ενός ταμείου πρέπει να είναι τεχνικός.
err-voucher-used = Το κουπόνι { $code } έχει ήδη χρησιμοποιηθεί.
err-voucher-expired = Το κουπόνι { $code } έχει λήξει.
err-voucher-not-found = Δεν υπάρχει κουπόνι { $code } σε αυτόν τον συνεργάτη.
err-voucher-wrong-store = Το κουπόνι { $code } δεν ισχύει σε αυτό το κατάστημα.
err-voucher-inactive = Το κουπόνι { $code } δεν έχει ενεργοποιηθεί ακόμη ή έχει απενεργοποιηθεί.
err-voucher-min-spend = Το κουπόνι { $code } απαιτεί λογαριασμό τουλάχιστον { $min }.
err-voucher-currency = Το κουπόνι { $code } είναι σε { $voucher }· αυτός ο λογαριασμός είναι σε { $sale }.
err-voucher-nothing-due = Δεν απομένει τίποτα προς πληρωμή σε αυτόν τον λογαριασμό.
err-voucher-no-value = Το κουπόνι { $code } δεν έχει αξία σε αυτόν τον λογαριασμό.
err-voucher-bad-code = Το «{ $code }» δεν είναι κωδικός κουπονιού.
err-voucher-unavailable = { $partner ->
    [momo] Το MoMo
   *[giftpop] Το GiftPop
} δεν απαντά. Δοκιμάστε ξανά σε λίγο ή δεχτείτε άλλο τρόπο πληρωμής.
err-voucher-offline = Εκτός σύνδεσης: τα κουπόνια δεν μπορούν να ελεγχθούν τώρα. Δεχτείτε άλλο τρόπο πληρωμής.
err-voucher-conflict = Το κουπόνι { $code } εξαργυρώθηκε αλλού στο μεταξύ ή η εξαργύρωση δεν ταιριάζει. Ελέγξτε ξανά το κουπόνι.
err-voucher-twice = Το κουπόνι { $code } υπάρχει ήδη σε αυτόν τον λογαριασμό.
err-pay-short = Απομένουν { $due }: προσθέστε άλλο τρόπο πληρωμής.
err-backup-passphrase = Η φράση πρόσβασης του αντιγράφου χρειάζεται τουλάχιστον { $min } χαρακτήρες.
err-backup-unreadable = Δεν είναι αντίγραφο ασφαλείας του Quay, είναι κατεστραμμένο ή η φράση πρόσβασης είναι λάθος.
err-backup-target = Το { $dir } περιέχει ήδη ταμείο: επαναφέρετε σε κενό φάκελο.
err-backup-io = Το αντίγραφο ασφαλείας δεν γράφτηκε ή δεν διαβάστηκε: { $detail }
