# Day-end: totals, the terminal batch, the bank file, reconciliation, the report.

## The report (PDF)

dayend-report-title = Αναφορά τέλους ημέρας { $date }
dayend-report-store = { $store } · ταμείο { $counter }
dayend-report-generated = Εκτυπώθηκε { $at }
dayend-report-closed = Έκλεισε από { $name } στις { $at }
dayend-report-open = Η ημέρα δεν έχει κλείσει ακόμη.
dayend-section-sales = Πωλήσεις
dayend-sales-count = Πωλήσεις
dayend-voids = Ακυρώσεις
dayend-refunds = Επιστροφές σε κάρτα
dayend-partial-refunds = Μερικές επιστροφές (πορτοφόλια)
dayend-declined = Απορριφθείσες συναλλαγές κάρτας
dayend-net-total = Καθαρό σύνολο
dayend-section-tenders = Πληρωμές ανά τρόπο
dayend-col-tender = Τρόπος πληρωμής
dayend-col-count = Πλήθος
dayend-col-amount = Ποσό
dayend-none = Καμία
dayend-section-cash = Συρτάρι μετρητών
dayend-cash-expected = Αναμενόμενα μετρητά
dayend-cash-counted = Μετρημένα μετρητά
dayend-cash-difference = Διαφορά
dayend-cash-not-counted = Δεν μετρήθηκαν
dayend-cash-reason = Αιτία της διαφοράς: { $reason }
dayend-section-vouchers = Κουπόνια ανά συνεργάτη
dayend-col-partner = Συνεργάτης
dayend-section-wallets = Ηλεκτρονικά πορτοφόλια
dayend-col-wallet = Πορτοφόλι
dayend-section-cards = Πληρωμές με κάρτα ανά τύπο
dayend-col-brand = Τύπος κάρτας
dayend-unknown-brand = Άγνωστος τύπος
dayend-section-terminal = Παρτίδα τερματικού ({ $terminal })
dayend-total = Σύνολο
dayend-col-counter = Ταμείο
dayend-col-terminal = Τερματικό
dayend-col-difference = Διαφορά
dayend-terminal-differs = Η παρτίδα του τερματικού διαφέρει από το ταμείο κατά { $difference }.
dayend-terminal-none = Η παρτίδα του τερματικού δεν έχει κλείσει για αυτή την ημέρα.
dayend-section-bank = Συμφωνία με την τράπεζα
dayend-bank-none = Δεν εισήχθη αρχείο τράπεζας για αυτή την ημέρα.
dayend-bank-counter-total = Πληρωμές με κάρτα στο ταμείο
dayend-bank-total = Πληρωμές με κάρτα στην τράπεζα
dayend-bank-fees = Προμήθειες και αμφισβητήσεις
dayend-bank-next-batch = Αναμένονται στην επόμενη παρτίδα
dayend-bank-difference = Διαφορά (τράπεζα − ταμείο)
dayend-section-exceptions = Γραμμές προς έλεγχο
dayend-col-side = Πλευρά
dayend-col-reference = Αναφορά
dayend-col-category = Αποτέλεσμα
dayend-side-bank = Γραμμή τράπεζας { $line }
dayend-side-counter = Ταμείο
dayend-cat-matched = Ταιριάζει
dayend-cat-matched-with-difference = Ταιριάζει, με διαφορά ποσού
dayend-cat-missing-at-bank = Λείπει στην τράπεζα
dayend-cat-missing-at-counter = Λείπει στο ταμείο
dayend-cat-duplicate = Διπλότυπο
dayend-cat-refund-unmatched = Επιστροφή χωρίς αντιστοίχιση
dayend-cat-next-batch = Επόμενη παρτίδα
dayend-cat-fee-or-chargeback = Προμήθεια ή αμφισβήτηση
dayend-cat-ambiguous = Αμφίσημο

## Errors

err-dayend-outbox-pending = Η ημέρα δεν μπορεί να κλείσει: { $count ->
        [one] { $count } πώληση περιμένει
       *[other] { $count } πωλήσεις περιμένουν
    } ακόμη να σταλούν στο κεντρικό σύστημα ({ $receipts }). Στείλτε τες πρώτα.
err-dayend-payments-unresolved = Η ημέρα δεν μπορεί να κλείσει: δεν είναι γνωστή η έκβαση { $count } πληρωμών με κάρτα ({ $payments }). Διευθετήστε τες πρώτα.
err-dayend-already-closed = Η ημέρα { $date } έκλεισε ήδη από { $name } στις { $at }.
err-dayend-cash-reason = Τα μετρημένα μετρητά διαφέρουν από τα αναμενόμενα κατά { $difference }: δώστε αιτία.
err-dayend-terminal = Η παρτίδα του τερματικού δεν μπόρεσε να κλείσει: { $detail }
err-bank-unknown-preset = Δεν υπάρχει αντιστοίχιση αρχείου τράπεζας «{ $name }». Γνωστές: { $presets }.
err-bank-preset-json = Η αντιστοίχιση αρχείου τράπεζας δεν είναι έγκυρη: { $detail }
err-bank-preset-name = Το «{ $name }» δεν μπορεί να χρησιμοποιηθεί ως όνομα αποθηκευμένης αντιστοίχισης.
err-pdf = Δεν ήταν δυνατή η δημιουργία του PDF: { $detail }

## The bank file

err-bank-empty = Το αρχείο της τράπεζας είναι κενό.
err-bank-wrong-delimiter = Το αρχείο της τράπεζας χωρίζει τις στήλες με «{ $found }», όχι με «{ $expected }»: επιλέξτε τη σωστή αντιστοίχιση.
err-bank-not-utf8 = Η γραμμή { $line } του αρχείου της τράπεζας δεν είναι κείμενο UTF-8.
err-bank-bad-csv = Η γραμμή { $line } του αρχείου της τράπεζας δεν διαβάζεται ως CSV.
err-bank-missing-column = Το αρχείο της τράπεζας δεν έχει στήλη «{ $column }».
err-bank-field-count = Η γραμμή { $line } του αρχείου της τράπεζας έχει { $found } στήλες, η επικεφαλίδα έχει { $expected }.
err-bank-missing-value = Γραμμή { $line }, στήλη «{ $column }»: λείπει η τιμή.
err-bank-bad-amount = Γραμμή { $line }, στήλη «{ $column }»: το «{ $text }» δεν είναι ποσό.
err-bank-bad-date = Γραμμή { $line }, στήλη «{ $column }»: το «{ $text }» δεν είναι ημερομηνία και ώρα.
err-bank-unknown-currency = Γραμμή { $line }, στήλη «{ $column }»: άγνωστο νόμισμα «{ $code }».
err-bank-unknown-type = Γραμμή { $line }, στήλη «{ $column }»: άγνωστος τύπος συναλλαγής «{ $value }».
err-bank-negative-sale = Γραμμή { $line }, στήλη «{ $column }»: πώληση με αρνητικό ποσό.
err-bank-mixed-currency = Η γραμμή { $line } είναι σε { $found }, οι προηγούμενες γραμμές είναι σε { $expected }.
err-bank-wrong-currency = Η γραμμή { $line } είναι σε { $found }, αλλά αυτό το ταμείο δουλεύει σε { $expected }.
err-bank-other-terminal = Η γραμμή { $line } αφορά το τερματικό { $terminal }, που δεν ανήκει σε αυτό το ταμείο.
err-bank-other-merchant = Η γραμμή { $line } αφορά τον έμπορο { $merchant }, αλλά αυτό το κατάστημα είναι { $expected }.
err-bank-bad-preset = Η αντιστοίχιση αρχείου τράπεζας δεν μπορεί να διαβάσει κανένα αρχείο: { $reason }.
err-bank-settle-unknown-line = Δεν υπάρχει γραμμή τράπεζας { $id }.
err-bank-settle-unknown-payment = Δεν υπάρχει πληρωμή με κάρτα { $id } στο ταμείο.
err-bank-settle-line-twice = Η γραμμή τράπεζας { $id } διευθετείται δύο φορές.
err-bank-settle-payment-twice = Η πληρωμή με κάρτα { $id } διευθετείται δύο φορές.
err-bank-settle-line-matched = Η γραμμή τράπεζας { $id } έχει ήδη αντιστοιχιστεί.
err-bank-settle-payment-matched = Η πληρωμή με κάρτα { $id } έχει ήδη αντιστοιχιστεί.
err-bank-settle-fee-line = Η γραμμή τράπεζας { $id } είναι προμήθεια ή αμφισβήτηση, όχι πληρωμή.
err-bank-settle-no-reason = Δώστε αιτία.
err-bank-settle-duplicate = Η γραμμή τράπεζας { $id } επαναλαμβάνει άλλη γραμμή του αρχείου της τράπεζας: μετράει μία φορά και δεν χρειάζεται διευθέτηση. Ενημερώστε την τράπεζα.
