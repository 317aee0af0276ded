# Εκτυπωτές στο παράθυρο (issue 19): η γραμμή κατάστασης, οι εργασίες εκτύπωσης, η απόδειξη
# στον εκτυπωτή αποδείξεων, το «Άνοιγμα συρταριού» του διευθυντή και η οθόνη Εκτυπωτές του τεχνικού.

## Το όνομα ενός εκτυπωτή
print-ui-printer = { $kind ->
    [receipt] Εκτυπωτής αποδείξεων
    [kitchen] Εκτυπωτής κουζίνας ({ $station })
   *[other] Εκτυπωτής { $station }
}

## Η γραμμή κατάστασης
print-ui-problem-line = { $printer }: { $problem } — { $count ->
    [one] { $count } σε αναμονή
   *[other] { $count } σε αναμονή
}
print-ui-problem-short = { $code ->
    [err-print-paper-out] τέλος χαρτιού
    [err-print-offline] εκτός σύνδεσης
    [err-print-cover-open] ανοιχτό καπάκι
    [err-print-status-silent] δεν απαντά
    [err-print-no-printer] δεν έχει ρυθμιστεί
   *[other] { $text }
}
print-ui-jobs-open = Εργασίες εκτύπωσης

## Εργασίες εκτύπωσης
print-ui-jobs-title = Εργασίες εκτύπωσης
print-ui-jobs-title-of = Εργασίες εκτύπωσης: { $printer }
print-ui-jobs-empty = Δεν υπάρχουν εργασίες εκτύπωσης.
print-ui-loading = Φόρτωση…
print-ui-refresh = Ανανέωση
print-ui-close = Κλείσιμο
print-ui-kind = { $kind ->
    [receipt] Απόδειξη
    [kitchen] Δελτίο κουζίνας
    [kitchen_cancel] Ακύρωση κουζίνας
    [drawer] Συρτάρι μετρητών
    [test] Δοκιμαστική σελίδα
   *[other] { $kind }
}
print-ui-state = { $state ->
    [queued] Σε αναμονή
    [sending] Αποστολή
    [done] Εκτυπώθηκε
    [cancelled] Ακυρώθηκε
   *[other] { $state }
}
print-ui-reprint = ΕΠΑΝΕΚΤΥΠΩΣΗ
print-ui-attempts = { $count ->
    [one] { $count } προσπάθεια
   *[other] { $count } προσπάθειες
}
print-ui-send-now = Αποστολή τώρα
print-ui-send-to = Αποστολή σε…
print-ui-send-to-label = Αποστολή σε αυτόν τον εκτυπωτή:
print-ui-print-again = Εκτύπωση ξανά
print-ui-sent-now = Η εργασία { $job } στέλνεται τώρα.
print-ui-printing-again = Η εργασία { $job } εκτυπώνεται ξανά, με σήμανση επανεκτύπωσης.
print-ui-redirected = Η εργασία { $job } πηγαίνει τώρα στον { $printer }.

## Η απόδειξη
print-ui-receipt-copy = Εκτύπωση στον εκτυπωτή αποδείξεων
print-ui-copy-queued = Η απόδειξη { $receipt } εκτυπώνεται στον εκτυπωτή αποδείξεων.

## Το συρτάρι μετρητών
print-ui-drawer-open = Άνοιγμα συρταριού
print-ui-drawer-title = Άνοιγμα του συρταριού μετρητών
print-ui-drawer-reason = Αιτία
print-ui-drawer-reason-placeholder = π.χ. ψιλά για το ταμείο
print-ui-drawer-explain = Το άνοιγμα του συρταριού χωρίς πώληση καταγράφεται μαζί με το ποιος και γιατί.
print-ui-drawer-pin-hint = Ένας διευθυντής εγκρίνει με το PIN του.
print-ui-drawer-pin = PIN διευθυντή
print-ui-drawer-confirm = Άνοιγμα συρταριού
print-ui-drawer-opened = Το συρτάρι μετρητών ανοίγει.
print-ui-cancel = Άκυρο

## Η οθόνη Εκτυπωτές του τεχνικού
print-ui-open = Εκτυπωτές
print-ui-title = Εκτυπωτές
print-ui-explain = Ο εκτυπωτής αποδείξεων (σε αυτόν συνδέεται το συρτάρι μετρητών) και οι σταθμοί κουζίνας, καθένας τυπώνει τις κατηγορίες του μενού που του έχουν δοθεί. Δοκιμάστε τον καθένα μετά από κάθε αλλαγή.
print-ui-receipt-section = Εκτυπωτής αποδείξεων
print-ui-kitchen-section = Σταθμοί κουζίνας
print-ui-no-receipt = Δεν έχει ρυθμιστεί εκτυπωτής αποδείξεων: οι αποδείξεις φυλάσσονται μόνο ως PDF.
print-ui-set-receipt = Ρύθμιση εκτυπωτή αποδείξεων
print-ui-no-kitchen = Δεν έχει ρυθμιστεί σταθμός κουζίνας.
print-ui-add-station = Προσθήκη σταθμού κουζίνας
print-ui-edit = Επεξεργασία
print-ui-edit-title = Επεξεργασία: { $printer }
print-ui-remove = Αφαίρεση
print-ui-remove-title = Αφαίρεση: { $printer };
print-ui-remove-explain = Οι εργασίες του σε αναμονή μένουν στη λίστα: στείλτε τις σε άλλον εκτυπωτή.
print-ui-keep = Διατήρηση
print-ui-jobs = Εργασίες
print-ui-test-page = Εκτύπωση δοκιμαστικής σελίδας
print-ui-test-queued = Η δοκιμαστική σελίδα (εργασία { $job }) στάλθηκε στον { $printer }.
print-ui-station = Όνομα σταθμού
print-ui-station-hint = 1 έως 20 από a–z, 0–9, _ και -, π.χ. hot, bar.
print-ui-station-invalid = Το όνομα του σταθμού έχει 1 έως 20 από a–z, 0–9, _ και -.
print-ui-address = Διεύθυνση
print-ui-address-hint = tcp://host:9100, serial:/dev/ttyUSB0?baud=19200, usb:/dev/usb/lp0
print-ui-address-missing = Δώστε τη διεύθυνση του εκτυπωτή.
print-ui-width = Πλάτος χαρτιού
print-ui-width-mm = { $mm } mm
print-ui-mode = Τρόπος εκτύπωσης
print-ui-mode-name = { $mode ->
    [text] Κείμενο (μόνο λατινικά)
   *[raster] Εικόνα (κάθε γλώσσα)
}
print-ui-categories = Κατηγορίες μενού
print-ui-categories-hint = Κωδικοί κατηγοριών, χωρισμένοι με κόμματα.
print-ui-unknown = άγνωστο εδώ
print-ui-unknown-explain = Αυτός ο σταθμός ρυθμίστηκε αλλού: τα κενά πεδία κρατούν τις αποθηκευμένες τιμές τους.
print-ui-none = καμία
print-ui-save = Αποθήκευση
print-ui-station-saved = Αποθηκεύτηκε: { $printer }.
print-ui-station-removed = Αφαιρέθηκε: { $printer }.
print-ui-kitchen-send = Στην κουζίνα
print-ui-kitchen-sent = { $count ->
    [one] Στάλθηκε ένα δελτίο στην κουζίνα.
   *[other] Στάλθηκαν { $count } δελτία στην κουζίνα.
}
