# Η ρύθμιση από τον τεχνικό: ρυθμίσεις, έλεγχοι σύνδεσης και αναφορά σύνδεσης.

## Ομάδες ρυθμίσεων

setup-group-store = Κατάστημα
setup-group-hub = Κεντρικό σύστημα
setup-group-momo = Κουπόνια MoMo
setup-group-giftpop = Κουπόνια GiftPop
setup-group-terminal = Τερματικό καρτών

## Ρυθμίσεις

setup-key-store-name = Όνομα καταστήματος
setup-key-store-address = Διεύθυνση
setup-key-store-contact-name = Υπεύθυνος επικοινωνίας
setup-key-store-contact-phone = Τηλέφωνο επικοινωνίας
setup-key-counter-currency = Νόμισμα
setup-key-store-vat-rates = Συντελεστές ΦΠΑ (%, χωρισμένοι με κόμμα)
setup-key-counter-locale = Προεπιλεγμένη γλώσσα
setup-key-counter-id = Κωδικός ταμείου
setup-key-counter-cashier = Όνομα ταμία όταν δεν έχει συνδεθεί κανείς
setup-key-hub-url = Διεύθυνση κεντρικού συστήματος (URL)
setup-key-hub-pos-parent = Γονικός κωδικός σημείου (Pos Parent)
setup-key-hub-pos-id = Κωδικός σημείου πώλησης (Pos ID)
setup-key-hub-key1 = Κλειδί υπογραφής αιτημάτων (Key1)
setup-key-hub-key2 = Κλειδί επαλήθευσης απαντήσεων (Key2)
setup-key-hub-menu-interval = Διάστημα ελέγχου μενού (δευτερόλεπτα)
setup-key-momo-enabled = Αποδοχή κουπονιών MoMo
setup-key-momo-point-code = Κωδικός σημείου στη MoMo
setup-key-giftpop-enabled = Αποδοχή κουπονιών GiftPop
setup-key-giftpop-point-code = Κωδικός σημείου στη GiftPop
setup-key-terminal-kind = Τύπος τερματικού
setup-key-zvt-port = Σειριακή θύρα ZVT
setup-key-zvt-baud = Ταχύτητα ZVT (baud)
setup-key-zvt-password = Κωδικός πρόσβασης ZVT
setup-key-viva-url = Διεύθυνση API της Viva
setup-key-viva-merchant-id = Merchant ID της Viva
setup-key-viva-api-key = Κλειδί API της Viva
setup-key-viva-source-code = Κωδικός πηγής Viva (σειριακός αριθμός τερματικού)
setup-key-viva-wait = Αναμονή του πελάτη στο τερματικό (δευτερόλεπτα)
setup-key-viva-webhook-listen = Διεύθυνση webhook της Viva (host:port)
setup-key-viva-webhook-token = Token webhook της Viva
setup-key-viva-webhook-key = Κλειδί επαλήθευσης webhook της Viva

## Τιμές που απορρίφθηκαν

err-setting-too-long = Το { $key } είναι πολύ μεγάλο: έως { $max } χαρακτήρες.
err-setting-bool = Το { $key } παίρνει «true» ή «false», όχι «{ $value }».
err-setting-phone = Το «{ $value }» δεν είναι αριθμός τηλεφώνου για το { $key }: χρησιμοποιήστε ψηφία, κενά και + ( ) - . (6 έως 15 ψηφία).
err-setting-vat-rates = Το «{ $value }» δεν είναι λίστα συντελεστών ΦΠΑ για το { $key }: γράψτε ποσοστά χωρισμένα με κόμμα, π.χ. 13,24 (το καθένα από 0 έως 100, έως δύο δεκαδικά, χωρίς επαναλήψεις).
err-setting-zvt-password = Το { $key } είναι ο κωδικός του τερματικού: έξι ψηφία.
err-setting-secret-short = Το { $key } είναι πολύ μικρό: τουλάχιστον { $min } χαρακτήρες.
err-setting-rsa-key = { $key }: επικολλήστε το κλειδί σε μορφή PEM (-----BEGIN … KEY----- … -----END … KEY-----) ή ως μία γραμμή base64, όπως το δείχνει η κονσόλα του συνεργάτη.
err-connect-failed = Ο έλεγχος σύνδεσης με { $target } απέτυχε στο βήμα «{ $step }».

## Έλεγχοι σύνδεσης

setup-target-hub = Κεντρικό σύστημα
setup-target-momo = MoMo
setup-target-giftpop = GiftPop
setup-target-terminal = Τερματικό καρτών

setup-step-hub-config = Πλήρεις ρυθμίσεις κεντρικού συστήματος
setup-step-hub-ping = Υπογεγραμμένο ping στο κεντρικό σύστημα (Key1), επαληθευμένη απάντηση (Key2)
setup-step-hub-identity = Το κεντρικό σύστημα γνωρίζει αυτό το σημείο
setup-step-hub-clock = Ρολόι του ταμείου σε σχέση με το κεντρικό σύστημα
setup-step-partner-config = { $partner } ενεργό με κωδικό σημείου
setup-step-partner-listed = Το κεντρικό σύστημα δείχνει το { $partner } συνδεδεμένο
setup-step-partner-round-trip = Μετ' επιστροφής προς { $partner } μέσω του κεντρικού συστήματος
setup-step-terminal-config = Πλήρεις ρυθμίσεις τερματικού
setup-step-zvt-port = Η θύρα του τερματικού ανοίγει
setup-step-zvt-status = Το τερματικό απαντά σε ερώτηση κατάστασης
setup-step-viva-credentials = Η Viva δέχεται το merchant ID και το κλειδί API
setup-step-viva-source = Ο κωδικός πηγής του τερματικού έχει οριστεί

setup-step-passed = OK
setup-step-failed = Απέτυχε

setup-ok-hub-config = { $url }, γονικός κωδικός { $pos_parent }, κωδικός σημείου { $pos_id }
setup-ok-hub-ping = Απάντηση σε { $ms } χλστ.
setup-ok-hub-identity = «{ $point_name }» ({ $pos_parent } / { $pos_id })
setup-fail-hub-identity = Το κεντρικό σύστημα απάντησε για το { $pos_parent } / { $pos_id } («{ $point_name }»), όχι για αυτό το σημείο: ελέγξτε τον γονικό κωδικό σημείου (Pos Parent) και τον κωδικό σημείου πώλησης (Pos ID).
setup-ok-hub-clock = Διαφορά { $skew } δευτ. (έως { $max } δευτ.)
setup-fail-hub-clock = Το ρολόι του ταμείου απέχει { $skew } δευτ. από του κεντρικού συστήματος (πάνω από { $max } δευτ.): ρυθμίστε την ώρα.
setup-fail-hub-key1 = Το κεντρικό σύστημα απέρριψε την υπογραφή αυτού του σημείου ({ $code }): ελέγξτε τον γονικό κωδικό σημείου (Pos Parent), τον κωδικό σημείου πώλησης (Pos ID) και το κλειδί υπογραφής αιτημάτων (Key1).
setup-fail-hub-key2 = Η απάντηση δεν είναι υπογεγραμμένη με το Key2 αυτού του σημείου: ελέγξτε το κλειδί επαλήθευσης απαντήσεων (Key2).
setup-ok-partner-config = Κωδικός σημείου { $point_code }
setup-fail-partner-disabled = Τα κουπόνια { $partner } δεν είναι ενεργά σε αυτό το ταμείο.
setup-fail-partner-no-point-code = Δεν έχει οριστεί ο κωδικός σημείου { $partner }.
setup-ok-partner-listed = { $partner }: { $status }
setup-fail-partner-pending = Η { $partner } δεν έχει εγκρίνει ακόμη αυτό το σημείο ({ $status }): ζητήστε από τον συνεργάτη να το εγκρίνει στον ιστότοπο διαχείρισής του.
setup-fail-partner-disabled-at-hub = Το { $partner } είναι απενεργοποιημένο για αυτό το σημείο στο κεντρικό σύστημα.
setup-fail-partner-not-listed = Το κεντρικό σύστημα δεν έχει το { $partner } για αυτό το σημείο.
setup-ok-partner-round-trip = Η { $partner } απάντησε «{ $status }» για τον κωδικό δοκιμής { $code } σε { $ms } χλστ.
setup-fail-partner-down = Η { $partner } δεν απαντά στο κεντρικό σύστημα (503 unavailable).
setup-ok-terminal-zvt = ZVT στη { $port } με { $baud } baud
setup-ok-terminal-viva = Viva στη διεύθυνση { $url }
setup-ok-zvt-port = Η { $port } άνοιξε
setup-ok-zvt-status = Το τερματικό { $terminal_id } απάντησε σε { $ms } χλστ.· τελευταία συναλλαγή: { $state }
setup-fail-zvt-status = Το τερματικό δεν απάντησε: { $detail }
setup-ok-viva-credentials = Έγινε δεκτό σε { $ms } χλστ.· { $count ->
    [one] μία συναλλαγή σήμερα
   *[other] { $count } συναλλαγές σήμερα
}
setup-fail-viva-credentials = Η Viva απέρριψε το merchant ID ή το κλειδί API.
setup-fail-viva = Viva: { $detail }
setup-ok-viva-source = Πηγή { $source }

## Η αναφορά σύνδεσης

setup-report-title = Αναφορά σύνδεσης: { $target }
setup-report-store = Σημείο πώλησης
setup-report-address = Διεύθυνση
setup-report-contact = Υπεύθυνος επικοινωνίας
setup-report-phone = Τηλέφωνο επικοινωνίας
setup-report-pos-parent = Γονικός κωδικός σημείου (Pos Parent)
setup-report-pos-id = Κωδικός σημείου πώλησης (Pos ID)
setup-report-counter = Ταμείο
setup-report-point-name = Όνομα στο κεντρικό σύστημα
setup-report-partner = Συνεργάτης
setup-report-target = Σύνδεση που ελέγχθηκε
setup-report-point-code = Κωδικός σημείου στον συνεργάτη
setup-report-terminal = Τερματικό
setup-report-time = Ώρα ελέγχου
setup-report-result = Αποτέλεσμα
setup-report-ok = Επιτυχής σύνδεση
setup-report-failed = Η σύνδεση απέτυχε
setup-report-col-step = Βήμα
setup-report-col-status = Κατάσταση
setup-report-col-result = Αποτέλεσμα
setup-report-col-ms = χλστ.
setup-report-round-trip = Μετ' επιστροφής: { $request } → { $answer } σε { $ms } χλστ., { $time }
setup-report-footer = Δημιουργήθηκε από το Quay { $version } στο ταμείο { $counter }.
setup-report-written = Η αναφορά γράφτηκε στο { $path }
setup-saved = { $count ->
    [one] Αποθηκεύτηκε μία ρύθμιση.
   *[other] Αποθηκεύτηκαν { $count } ρυθμίσεις.
}
setup-key-bank-merchant-id = Κωδικός εμπόρου στην τράπεζα
setup-key-bank-terminal-ids = Κωδικοί τερματικών στην τράπεζα (χωρισμένοι με κόμμα)
## ZVT registration
setup-key-zvt-config = Byte ρυθμίσεων εγγραφής ZVT (δεκαεξαδικό)
err-setting-zvt-config = Το { $key } είναι το byte ρυθμίσεων της εγγραφής: δύο δεκαεξαδικά ψηφία, π.χ. BA.
setup-step-zvt-register = Το τερματικό δέχεται την εγγραφή του ταμείου
setup-ok-zvt-register = Εγγράφηκε (byte ρυθμίσεων { $config }, νόμισμα { $currency })
