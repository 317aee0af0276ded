# Nhanh.vn on the counter's screens (issue 16): the online orders (cashier, manager) and the
# technician's connection screen. Ids: online-* and nhanh-ui-*.

## Online orders.
online-orders-button = Online orders
online-orders-badge =
    { $count ->
        [one] { $count } open online order
       *[other] { $count } open online orders
    }
online-title = Online orders
online-tab-open = Open ({ $count })
online-tab-all = All
online-refresh = Refresh
online-loading = Loading orders…
online-back = Back to the register
online-empty-open = No open online orders. New orders from Nhanh.vn appear here by themselves.
online-empty-all = No online orders yet.
online-group = { $stage } ({ $count })
online-stage-new = New
online-stage-confirmed = Confirmed
online-stage-preparing = Preparing
online-stage-handed-over = Handed over
online-stage-cancelled = Cancelled
online-stage-returned = Returned
online-stage-other = Other
online-customer-none = No customer details
online-note = Note: { $note }
online-lines =
    { $count ->
        [one] { $count } line
       *[other] { $count } lines
    }
online-line-qty = { $quantity } ×
online-total = Total
online-unknown-products =
    { $count ->
        [one] { $count } product is not on the menu: sync the products, then ring it up.
       *[other] { $count } products are not on the menu: sync the products, then ring it up.
    }
online-cannot-ring = This order cannot be rung up until every product is on the menu.
online-rung-already = Rung up
online-act-confirm = Confirm
online-act-prepare = Start preparing
online-act-done = Handed over
online-act-cancel = Cancel order
online-act-ring = Ring up
online-working = Working…
online-acted =
    { $act ->
        [confirm] Order { $number } confirmed.
        [prepare] Order { $number } is being prepared.
        [done] Order { $number } handed over.
       *[cancel] Order { $number } cancelled.
    }
online-rung = Order { $number } is in the cart: take the payment at pickup.
online-cart-order = Online order { $number } for { $name }: paid at pickup
online-cart-order-anon = Online order { $number }: paid at pickup
online-cancel-title = Cancel order { $number }?
online-cancel-explain = The order is cancelled on Nhanh.vn too. This cannot be undone.
online-cancel-keep = Keep the order
online-cancel-confirm = Cancel the order

## The sale's customer by mobile number (register).
online-customer-button = Customer
online-customer-change = Change
online-customer-named = Customer: { $name } ({ $mobile })
online-customer-anon = Customer: { $mobile }
online-customer-title = Customer's mobile number
online-customer-explain = A number the counter already knows brings the customer's name with it.
online-customer-mobile = Mobile number
online-customer-placeholder = e.g. 0912 345 678
online-customer-save = Save
online-customer-saving = Saving…
online-customer-remove = Remove customer
online-customer-backspace = Delete the last digit
online-customer-clear = Clear
online-customer-set = Customer { $mobile } is on the sale.
online-customer-removed = The customer is off the sale.

## Connecting Nhanh.vn (technician).
nhanh-ui-open = Connect Nhanh.vn
nhanh-ui-title = Connect Nhanh.vn
nhanh-ui-explain = Products come from Nhanh.vn, sales at the counter go to Nhanh.vn as orders, and orders from Nhanh.vn's channels (website, Facebook…) come to the counter. Only data created while connected is synced.
nhanh-ui-refresh = Check again
nhanh-ui-loading = Loading…
nhanh-ui-done = Done
nhanh-ui-todo = Still to do
nhanh-ui-working = Working…
nhanh-ui-never = never
nhanh-ui-copy = Copy
nhanh-ui-copied-short = Copied ✓
nhanh-ui-copied = Copied to the clipboard.
nhanh-ui-copy-failed = Could not copy: select the text and copy it by hand.
nhanh-ui-step-app = Create the app in Nhanh.vn
nhanh-ui-step-app-explain = On Nhanh.vn's developer page, create an app for this shop. Nhanh.vn gives it an App ID and a Secret Key.
nhanh-ui-step-redirect = Set the redirect URL
nhanh-ui-step-redirect-explain = In the app's settings on Nhanh.vn, enter this redirect URL exactly as shown:
nhanh-ui-redirect-missing = Not known yet: fill in the Nhanh.vn settings first.
nhanh-ui-step-keys = Copy the App ID and the Secret Key into the settings
nhanh-ui-step-keys-explain = Copy both from the app's page on Nhanh.vn into the counter's Nhanh.vn settings, then save.
nhanh-ui-app-id =
    { $set ->
        [yes] App ID: set
       *[no] App ID: not set
    }
nhanh-ui-secret =
    { $set ->
        [yes] Secret Key: set
       *[no] Secret Key: not set
    }
nhanh-ui-open-settings = Open the settings
nhanh-ui-step-grant = Grant access
nhanh-ui-step-grant-explain = The merchant opens this link, logs in to Nhanh.vn and allows access. Nhanh.vn then shows an access code.
nhanh-ui-oauth-missing = The link is ready once the App ID and the redirect URL are set.
nhanh-ui-open-oauth = Open in the browser
nhanh-ui-step-code = Paste the access code
nhanh-ui-step-code-explain = Paste the access code here and press Connect. The code can be used only once.
nhanh-ui-access-code = Access code
nhanh-ui-connect = Connect
nhanh-ui-connecting = Connecting…
nhanh-ui-connected = Connected to Nhanh.vn.
nhanh-ui-step-webhook = Set the webhook
nhanh-ui-step-webhook-explain = In the app's settings on Nhanh.vn, enter this webhook URL and the same verify token as in the counter's settings, so that orders reach the counter at once.
nhanh-ui-webhook-missing = Not known yet: fill in the Nhanh.vn settings first.
nhanh-ui-webhook-token =
    { $set ->
        [yes] Verify token: set
       *[no] Verify token: not set
    }
nhanh-ui-step-sync = Test with a product
nhanh-ui-step-sync-explain = Create a test product in Nhanh.vn, then press Sync products: it should appear in the list below and on the menu.
nhanh-ui-sync = Sync products
nhanh-ui-syncing = Syncing…
nhanh-ui-sync-reading = Reading products from Nhanh.vn…
nhanh-ui-sync-progress = Products: { $done } of { $total }
nhanh-ui-sync-items =
    { $count ->
        [one] { $count } item on the menu
       *[other] { $count } items on the menu
    }
nhanh-ui-sync-categories =
    { $count ->
        [one] { $count } category
       *[other] { $count } categories
    }
nhanh-ui-sync-hidden =
    { $count ->
        [one] { $count } hidden
       *[other] { $count } hidden
    }
nhanh-ui-sync-sold-out =
    { $count ->
        [one] { $count } sold out
       *[other] { $count } sold out
    }
nhanh-ui-skipped =
    { $count ->
        [one] { $count } product skipped
       *[other] { $count } products skipped
    }
nhanh-ui-more = … and { $count } more
nhanh-ui-status-title = Connection status
nhanh-ui-connected-state = Connected
nhanh-ui-not-connected = Not connected
nhanh-ui-business = Business
nhanh-ui-depot = Depot
nhanh-ui-all-depots = All depots
nhanh-ui-depots =
    { $count ->
        [one] (depot: { $list })
       *[other] (depots: { $list })
    }
nhanh-ui-menu-source = Menu
nhanh-ui-menu-from =
    { $source ->
        [nhanh] From Nhanh.vn
       *[hub] From the hub
    }
nhanh-ui-token = Access
nhanh-ui-token-ok =
    { $days ->
        [one] Valid until { $date } ({ $days } day left)
       *[other] Valid until { $date } ({ $days } days left)
    }
nhanh-ui-token-warning =
    { $days ->
        [one] Expires in { $days } day ({ $date }): the merchant must grant access again before then.
       *[other] Expires in { $days } days ({ $date }): the merchant must grant access again before then.
    }
nhanh-ui-token-expired = Expired on { $date }: the merchant must grant access again.
nhanh-ui-products = Products
nhanh-ui-products-count =
    { $count ->
        [one] { $count } product, last synced: { $when }
       *[other] { $count } products, last synced: { $when }
    }
nhanh-ui-sales = Sales to Nhanh.vn
nhanh-ui-pending-sales =
    { $count ->
        [one] { $count } waiting to be sent
       *[other] { $count } waiting to be sent
    }
nhanh-ui-rejected-sales =
    { $count ->
        [one] { $count } refused by Nhanh.vn
       *[other] { $count } refused by Nhanh.vn
    }
nhanh-ui-orders = Online orders
nhanh-ui-open-orders =
    { $count ->
        [one] { $count } open
       *[other] { $count } open
    }
nhanh-ui-webhook = Webhook
nhanh-ui-webhook-state =
    { $state ->
        [listening] Listening
        [down] Set up but not listening (is the address in use?)
       *[off] Off: orders and products are polled
    }
nhanh-ui-webhook-last = Last delivery: { $when }
nhanh-ui-webhook-rejected =
    { $count ->
        [one] { $count } delivery refused
       *[other] { $count } deliveries refused
    }
nhanh-ui-permissions = Permissions granted
nhanh-ui-missing =
    { $count ->
        [one] { $count } permission missing
       *[other] { $count } permissions missing
    }
nhanh-ui-missing-permission = { $permission }: { $job }
nhanh-ui-last-error = Last error: { $message }
nhanh-ui-disconnect = Disconnect
nhanh-ui-disconnect-title = Disconnect Nhanh.vn?
nhanh-ui-disconnect-explain = The counter stops syncing with Nhanh.vn. The history (sales sent, orders) is kept. To connect again, the merchant must grant access again.
nhanh-ui-disconnected = Disconnected from Nhanh.vn. The history is kept.
