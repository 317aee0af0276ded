# Errors shown to people. Each id is a `code` the backend returns.

err-unknown-currency = Unknown currency { $code }.
err-currency-mismatch = Amount in { $found }, but this counter works in { $expected }.
err-amount-too-large = That amount is too large.
err-bad-amount = “{ $text }” is not an amount.
err-too-many-decimals = “{ $text }” has too many decimals: { $currency } allows { $digits }.
err-bad-quantity = Quantity must be between 1 and { $max } (got { $qty }).
err-unknown-item = Item { $id } is not on the menu.
err-item-unavailable = { $name } is sold out.
err-option-not-for-item = Option { $option } is not available for { $item }.
err-duplicate-option = Option { $option } was chosen twice.
err-option-count = { $rule ->
        [exact] Choose { $max } { $max ->
            [one] option
           *[other] options
        } for { $group } (you chose { $count }).
        [at-most] Choose at most { $max } { $max ->
            [one] option
           *[other] options
        } for { $group } (you chose { $count }).
       *[range] Choose between { $min } and { $max } options for { $group } (you chose { $count }).
    }
err-note-too-long = The note is too long (at most { $max } characters).
err-unknown-line = That line is no longer in the sale.
err-empty-cart = The sale is empty.
err-cash-too-low = Cash tendered { $tendered } is less than the { $due } due.
err-tenders-do-not-add-up = Payments add up to { $paid } but the total is { $total }.
err-already-voided = Sale { $id } is already voided.
err-void-of-void = A void cannot be voided.
err-void-reason = Give a reason for the void.
err-no-such-sale = There is no sale { $id }.
err-store = The counter's database failed: { $detail }
err-store-corrupt = The counter's database holds inconsistent data: { $detail }
err-menu-json = The menu file is not valid: { $detail }
err-menu-currency = The menu is priced in { $found }, but this counter works in { $expected }.
err-menu-duplicate-id = The menu lists { $kind } “{ $id }” twice.
err-menu-unknown-category = Item { $item } belongs to category { $category }, which is not on the menu.
err-menu-unknown-group = Item { $item } uses option group { $group }, which is not on the menu.
err-menu-negative-price = { $kind } { $id } has a negative price.
err-menu-bad-min-max = Option group { $group } asks for { $min } to { $max } of its { $count } options.
err-menu-bad-tax-rate = Item { $item } has a VAT rate of { $rate } basis points, outside 0 to 10000.
err-menu-empty-name = A { $kind } has an empty id or name ({ $id }).
err-no-menu = There is no menu yet. Import one first.
err-io = Cannot read or write { $path }: { $detail }
err-bad-date = “{ $text }” is not a date (YYYY-MM-DD).
err-bad-ring = “{ $text }” is not an item to ring (ITEM_ID[*QTY][+OPTION_ID...]).
err-bad-pay = “{ $text }” is not a payment (cash[:AMOUNT]).
err-bad-locale = Unknown language { $tag }.
err-internal = Unexpected error: { $detail }
err-background-busy = The background work of this counter (hub sync, Viva webhook) is done by { $what ->
    [window] the Quay window
    [sync-run] “quay sync run”
   *[other] another process
} (pid { $pid }).
background-waiting = Waiting until it stops…
err-config-key = { $key } is not a setting this command can change. Settings: { $keys }.
err-config-value = “{ $value }” is not a valid value for { $key }.
err-hub-not-configured = The hub connection is not set up yet (missing: { $missing }).
err-hub-network = Cannot reach the hub: { $detail }
err-hub-signature = An answer that was not signed by this counter's hub was ignored.
err-hub-refused = The hub refused the request ({ $status } { $code }): { $message }
err-hub-bad-answer = The hub's answer is not understood: { $detail }
err-menu-version-gap = The hub's changes ({ $from } → { $to }) do not apply to this counter's menu version { $have }.
err-menu-unknown-delete = The hub's changes delete { $kind } { $id }, which is not on this menu.
err-payment-transition = Payment { $key } cannot go from { $from } to { $to }.
err-payment-unresolved = Sale { $sale } has a card payment whose outcome is not known yet: resolve it first.
## Card declines: the reason in words, then the code exactly as the card's bank, the
## terminal or Viva gave it ($code: "51", "Viva 10051", "ZVT 6E"), which the bank asks for.
decline-refer-to-issuer = Declined: the card's bank asks to be called ({ $code }).
decline-invalid-merchant = Declined: the card's bank does not accept this shop; call the payment provider ({ $code }).
decline-pick-up = Declined: the card's bank asks you to keep the card ({ $code }).
decline-do-not-honour = Declined by the card's bank: do not honour ({ $code }).
decline-invalid-transaction = Declined: invalid transaction ({ $code }).
decline-invalid-amount = Declined: invalid amount ({ $code }).
decline-invalid-card = Declined: invalid card number ({ $code }).
decline-lost-stolen = The card is reported lost or stolen: keep the card ({ $code }).
decline-insufficient-funds = Declined: insufficient funds ({ $code }).
decline-expired-card = Declined: the card has expired ({ $code }).
decline-wrong-pin = Declined: wrong PIN ({ $code }).
decline-pin-tries-exceeded = Declined: too many wrong PINs ({ $code }).
decline-not-permitted = Declined: not permitted for this card ({ $code }).
decline-over-limit = Declined: over the card's limit ({ $code }).
decline-try-again = Declined for now: the card's bank asks to try again ({ $code }).
decline-fraud-suspected = Declined: the card's bank suspects fraud ({ $code }).
decline-terminal-not-permitted = Declined: this shop's terminal may not take this transaction; call the bank ({ $code }).
decline-bad-cvv = Declined: wrong security code (CVV) ({ $code }).
decline-sca-required = Declined: the card's bank asks for the PIN; insert the card and pay again ({ $code }).
decline-issuer-unavailable = The card's bank cannot be reached: try again or use another payment ({ $code }).
decline-duplicate = Declined as a duplicate transmission ({ $code }).
decline-system-error = Declined: system error at the bank ({ $code }).
decline-viva-policy = Declined by Viva's payment rules for this account ({ $code }).
decline-code = Declined by the bank ({ $code }).
decline-terminal-code = The card terminal refused the payment ({ $code }).
decline-no-code = Declined: no reason code was given.
decline-code-and-bank = { $code }, bank code { $bank }
decline-two-reasons = { $first } The card's bank says: { $second }
err-card-amount = A card payment of { $amount } is not possible: { $due } is due.
err-card-unknown = The terminal's answer for payment { $key } is not known. Do not charge again: the counter will ask the terminal.
err-card-cancelled = The card payment was cancelled.
err-terminal-not-configured = The card terminal is not set up (missing: { $missing }).
err-terminal-port = Cannot open the card terminal's port { $port }: { $detail }
err-terminal-registration = The card terminal refused the counter's registration (code { $code }): check the ZVT password and configuration byte in the settings.
err-terminal-unanswered = The card terminal on { $port } did not answer the registration: { $detail }
err-reason-required = Give a reason.
err-payment-not-found = There is no card payment { $key }.
err-payment-final = Card payment { $key } is already settled ({ $state }).
zvt-error-card-unreadable = The card could not be read: try again ({ $code }).
zvt-error-card-data-missing = The card's data is missing: try again or use another card ({ $code }).
zvt-error-processing = The terminal could not process the card ({ $code }).
zvt-error-turnover-full = The terminal's memory is full: close the day on the terminal first ({ $code }).
zvt-error-aborted = Cancelled on the terminal ({ $code }).
zvt-error-not-registered = The terminal refuses to work for this till: it is not registered, and registering again did not help. Check the terminal password in the settings ({ $code }).
zvt-error-card-blocked = The card is blocked ({ $code }).
zvt-error-wrong-currency = The terminal does not take this currency ({ $code }).
zvt-error-end-of-day-impossible = The terminal cannot close the day now ({ $code }).
zvt-error-card-expired = The card has expired ({ $code }).
zvt-error-card-not-yet-valid = The card is not valid yet ({ $code }).
zvt-error-card-unknown = The terminal does not know this card ({ $code }).
zvt-error-communication = The terminal could not reach the bank ({ $code }).
zvt-error-not-possible = The terminal cannot do this now ({ $code }).
zvt-error-protocol = The terminal did not understand the counter: protocol error ({ $code }).
zvt-error-busy = The terminal is busy: wait a moment and try again ({ $code }).
zvt-error-system = The terminal reports a system error ({ $code }).
err-auth-pin-format = A PIN is { $min } to { $max } digits.
err-auth-wrong-pin = Wrong PIN.
err-auth-locked = Too many wrong PINs. Try again in { $minutes } min.
err-auth-not-allowed = { $role ->
    [cashier] A cashier
    [manager] A manager
   *[technician] A technician
} may not do this ({ staff-action }).
err-auth-pin-in-use = This PIN is already in use. Choose another.
err-auth-bad-name = A name of 1 to { $max } characters is needed.
err-auth-session-expired = Signed out after { $minutes } minutes without activity.
err-auth-no-such-staff = No staff member { $id }.
err-auth-last-technician = The last active technician cannot be deactivated.
err-audit-broken = The audit log is broken at entry { $seq } ({ $reason }).
err-auth-pin-required = A PIN is needed for this ({ staff-action }).
err-auth-signed-out = Sign in with your PIN first.
err-auth-first-technician = The first staff member of a counter must be a technician.
err-voucher-used = Voucher { $code } has already been used.
err-voucher-expired = Voucher { $code } has expired.
err-voucher-not-found = There is no voucher { $code } at this partner.
err-voucher-wrong-store = Voucher { $code } is not valid at this store.
err-voucher-inactive = Voucher { $code } is not active yet or has been deactivated.
err-voucher-min-spend = Voucher { $code } needs a sale of at least { $min }.
err-voucher-currency = Voucher { $code } is in { $voucher }; this sale is in { $sale }.
err-voucher-nothing-due = Nothing is left to pay on this sale.
err-voucher-no-value = Voucher { $code } is worth nothing on this sale.
err-voucher-bad-code = “{ $code }” is not a voucher code.
err-voucher-unavailable = { $partner ->
    [momo] MoMo
   *[giftpop] GiftPop
} is not answering. Try again in a moment, or take another payment.
err-voucher-offline = Offline: vouchers cannot be checked now. Take another payment.
err-voucher-conflict = Voucher { $code } was redeemed elsewhere meanwhile, or this redemption does not match. Check the voucher again.
err-voucher-twice = Voucher { $code } is already on this sale.
err-pay-short = { $due } is still due: add another payment.
err-backup-passphrase = A backup passphrase needs at least { $min } characters.
err-backup-unreadable = This is not a Quay backup, it is damaged, or the passphrase is wrong.
err-backup-target = { $dir } already holds a counter: restore into an empty directory.
err-backup-io = The backup could not be written or read: { $detail }
