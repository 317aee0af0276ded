# The counter's screens. Money and dates arrive already formatted for the locale.

app-title = Quay
nav-register = Register
nav-sales = Sales today
locale-label = Language
menu-version = Menu v{ $version }
menu-missing = No menu yet: import one or sync with the hub.

## Register
search-placeholder = Search: name, SKU or barcode
search-clear = Clear search
search-no-results = Nothing matches “{ $query }”
category-all = All
item-sold-out = Sold out
item-has-options = Options

## Cart
cart-title = Current sale
cart-empty = Tap an item to start a sale.
cart-items =
    { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
cart-qty-decrease = Decrease quantity
cart-qty-increase = Increase quantity
cart-edit = Options
cart-note = Note
cart-remove = Remove
cart-clear = Clear sale
total-label = Total
vat-line = incl. VAT { $rate }: { $amount }
pay-cash = Cash

## Options and note dialog
options-add = Add to sale
options-save = Save
options-pick-one = Choose one
options-pick-range = Choose { $min } to { $max }
options-pick-up-to = Up to { $max }
qty-label = Quantity
note-label = Note
note-placeholder = e.g. less ice
cancel = Cancel
close = Close

## Cash
cash-title = Cash payment
cash-due = Due
cash-tendered = Tendered
cash-change = Change
cash-short = { $amount } short
cash-exact = Exact
cash-clear = Clear
cash-backspace = Delete last digit
cash-confirm = Close sale

## Receipt preview
receipt-title = Receipt
new-sale = New sale

## Sales today
sales-title = Sales today
sales-empty = No sales yet today.
sales-summary = { $count ->
        [one] { $count } sale
       *[other] { $count } sales
    }, { $amount }
sales-col-receipt = Receipt
sales-col-time = Time
sales-col-total = Total
sales-col-status = Status
sale-status-closed = Closed
sale-status-voided = Voided
sale-status-void = Void
sales-view = Receipt
sales-void = Void

## Void
void-title = Void sale { $receipt }
void-reason-label = Reason
void-reason-placeholder = e.g. wrong order
void-confirm = Void sale
void-done = Sale { $receipt } voided.

## Messages
sale-closed = Sale { $receipt } closed. Change: { $change }
error-title = Something went wrong

## Hub sync
nav-hub = Hub
sync-pending =
    { $count ->
        [one] { $count } sale waiting since { $since }
       *[other] { $count } sales waiting since { $since }
    }
sync-all-sent = All sales sent
sync-now = Sync now
sync-progress-menu = Updating the menu…
sync-progress-sales = Sending sales: { $done } of { $total }
menu-updated = Menu updated to version { $version }.
cart-line-removed = No longer on the menu
cart-line-unavailable = Sold out now
hub-title = Hub connection
hub-menu-title = Menu in sync
hub-menu-counter = This counter
hub-menu-hub = Hub
hub-menu-version = Version
hub-menu-hash = Content hash
hub-in-sync = The counter's menu is the same as the hub's.
hub-out-of-sync = The counter's menu differs from the hub's.
hub-diff-added = Added at the hub
hub-diff-changed = Changed at the hub
hub-diff-removed = Removed at the hub
hub-check = Compare with the hub
hub-outbox-title = Sales to the hub
hub-last-error = Last attempt: { $message }
hub-rejected-title = Sales the hub rejected
hub-rejected-none = None.

## Card
pay-card = Card
card-title = Card payment
card-follow = Follow the instructions on the terminal.
card-amount = Amount by card
card-approved = Card approved. Sale { $receipt } closed.
card-remaining = Card approved. Still due: { $amount }
card-retry = Try again

## What the card terminal shows
zvt-status-confirm-amount = Confirm the amount on the terminal
zvt-status-enter-pin = Enter PIN
zvt-status-waiting-host = Waiting for the bank…
zvt-status-auto-reversal = Automatic reversal
zvt-status-card-refused = Card not accepted
zvt-status-card-expired = Card expired
zvt-status-insert-card = Insert, tap or swipe the card
zvt-status-remove-card = Remove the card
zvt-status-card-unreadable = Card not readable
zvt-status-wait = Please wait…
zvt-status-wrong-pin = Incorrect PIN
zvt-status-pin-tries = PIN try limit exceeded
zvt-status-approved = Approved
zvt-status-declined = Declined
zvt-status-other = Terminal busy
viva-order-sent = Order sent: press F1 on the terminal
audit-verified = The audit log is intact: { $count } entries.
