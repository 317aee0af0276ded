# Wallet payments (MoMo, ZaloPay, VNPAY-QR, Alipay) at the counter, and the screen turned to the
# customer. Money arrives already formatted for the locale.

## Wallet payment dialog
wallet-pay = Πορτοφόλι
wallet-title = Πληρωμή με ψηφιακό πορτοφόλι
wallet-choose = Επιλέξτε το πορτοφόλι του πελάτη
wallet-amount = Ποσό με πορτοφόλι
wallet-amount-hint = Αφήστε το κενό για χρέωση όλου του οφειλόμενου ποσού ({ $amount }).
wallet-code-label = Κωδικός πληρωμής του πελάτη
wallet-code-hint = Σαρώστε τον κωδικό στην εφαρμογή του πελάτη ή πληκτρολογήστε τον και πατήστε Enter.
wallet-code-checking = Έλεγχος κωδικού…
wallet-charge = Χρέωση
wallet-show-qr = Εμφάνιση του δικού μας κωδικού QR
wallet-show-qr-hint = Ο πελάτης σαρώνει τον δικό μας κωδικό με το { $wallet } αντί να δείξει τον δικό του.
wallet-or = ή
wallet-waiting = Αναμονή πληρωμής…
wallet-qr-turn = Γυρίστε την οθόνη προς τον πελάτη: σαρώνει αυτόν τον κωδικό με το { $wallet }.
wallet-qr-alt = Κωδικός QR για πληρωμή με { $wallet }
wallet-qr-on-display = Ο κωδικός QR εμφανίζεται στην οθόνη του πελάτη.
wallet-amount-label = Ποσό
wallet-time-left = Χρόνος που απομένει
wallet-time-up = Ο χρόνος έληξε
wallet-give-up = Διακοπή αναμονής
wallet-giving-up = Διακοπή…
wallet-late-hint = Μια πληρωμή που φτάνει αργότερα καταγράφεται κανονικά.
wallet-retry = Δοκιμάστε ξανά

## Customer display
cd-title = Οθόνη πελάτη
cd-welcome = Καλώς ορίσατε
cd-welcome-hint = Η παραγγελία σας θα εμφανιστεί εδώ.
cd-total = Σύνολο
cd-quantity = Ποσότητα
cd-qr-scan = Σαρώστε με το { $wallet } για να πληρώσετε
cd-amount = Ποσό πληρωμής
cd-time-left = Χρόνος που απομένει
cd-time-up = Αυτός ο κωδικός έληξε
cd-thanks = Ευχαριστούμε!
cd-paid = Πληρώθηκε
