# Partner connection records (seed 000): errors, the deployment note, the month-end list.

## Errors: nothing was recorded.
err-conn-partner = “{ $value }” is not a partner of this counter: momo, giftpop, vnpay, zalopay, alipay, nhanh, viva or vpos:NAME.
err-conn-step = “{ $value }” is not a step: requested, confirmed, deployed, approved, connected or disabled.
err-conn-confirmation = “{ $value }” is not someone who confirms: leader or merchant.
err-conn-order = This connection is at “{ $current }”: the next step is “{ $expected }”, not “{ $step }”. A step cannot be skipped.
err-conn-order-end = This connection is at “{ $current }”: “{ $step }” cannot follow. Disable it first to start again.
err-conn-reference = The step “{ $step }” needs its reference (the partner's mail or the approval in its CMS).
err-conn-confirmation-here = Confirmations belong to the step “confirmed”, not “{ $step }”.
err-conn-confirmation-missing = { $partner } needs the confirmation of { $missing ->
        [leader] the partner's team leader
        [merchant] the merchant
       *[both] the partner's team leader and the merchant
    }.
err-conn-note-incomplete = The deployment note is missing: { $missing }{ $more ->
        [0] { "" }
       *[other] { " " }(+{ $more })
    }.
err-conn-point-code = { $partner } needs the partner's point code before the approval.
err-conn-test-failed = The connection test did not pass, so the connection is not recorded as connected. { $step }
err-conn-disable-note = Say why in a note to disable a connection.
err-conn-text = “{ $field }” is longer than { $max } characters or holds a character that cannot be typed.
err-conn-phone = “{ $value }” is not a phone number (8 to 15 digits; +, spaces, dots, dashes and brackets allowed).
err-conn-month = “{ $value }” is not a month: write it as YYYY-MM, e.g. 2026-11.
err-conn-month-future = The month { $value } has not begun: it has no list yet.
err-conn-pos-ids = Pos Parent and Pos ID are not set: configure the hub before the deployment.
err-conn-clock = The last step was recorded at { $last }, later than this counter's clock ({ $now }): set the clock right before recording the next step.
err-conn-viva-terminal = The card terminal is not set to Viva: choose Viva as the terminal before recording the connection.
err-conn-changed = Someone else recorded a step of { $partner } meanwhile: look at the record again.
err-conn-hub-pending = The hub did not answer: { $count } connection records wait and will be sent when it does.
err-conn-refused = The hub refused { $count } connection records: they are kept and not sent again. Look at `quay connect show` and the log.
err-conn-no-proof = { $partner } has no proof of a connection yet.
err-conn-xlsx = The spreadsheet could not be written: { $detail }

## Steps.
conn-status-none = not started
conn-status-requested = requested
conn-status-confirmed = confirmed
conn-status-deployed = deployed
conn-status-approved = approved by the partner
conn-status-connected = connected
conn-status-disabled = disabled

## The deployment note.
conn-note-title = Deployment note: connecting { $partner } through the hub
conn-note-section-request = Request
conn-note-section-prepare = Upgrade and connection
conn-note-section-point = Deployment point
conn-note-section-contact = Contact
conn-note-section-approval = Approval in the partner's CMS
conn-note-section-back = Sent back to the partner
conn-note-section-notes = Notes
conn-note-partner = Partner
conn-note-request-ref = Request reference
conn-note-reference = Reference
conn-note-requested-at = Requested on
conn-note-confirmations = Confirmed by
conn-note-by-leader = the partner's team leader
conn-note-by-merchant = the merchant
conn-note-version = Point of sale updated to the latest version
conn-note-menu = Menu in sync with the hub
conn-note-menu-hub = version { $version }, from this hub
conn-note-menu-other = version { $version }, not from this hub: sync the menu
conn-note-menu-none = no menu yet
conn-note-voucher-entry = Cashiers may type the partner's voucher codes
conn-note-test = Connection test passed
conn-note-point-name = Point name
conn-note-address = Address
conn-note-hub-point = Name at the hub
conn-note-key1 = Key1
conn-note-key2 = Key2
conn-note-present = set (not shown)
conn-note-missing = missing
conn-note-contact = Contact person
conn-note-phone = Phone
conn-note-approval-ref = Approval reference
conn-note-approved-at = Approved on
conn-note-pos-parent = Pos Parent
conn-note-pos-id = Pos ID
conn-note-point-code = Partner's point code
conn-note-proof = Proof of the connection
conn-note-proof-attached = attached (PDF and PNG, { $sha }…)
conn-note-not-yet = not yet
conn-note-yes = yes
conn-note-no = no
conn-note-notes = Notes

## The month-end list.
conn-sheet-points = Connected points
conn-sheet-totals = Totals
conn-sheet-month = Month: { $month }
conn-col-pos-parent = Brand (Pos Parent)
conn-col-pos-id = Pos ID
conn-col-point-name = Point
conn-col-address = Address
conn-col-partner = Partner
conn-col-point-code = Partner's point code
conn-col-connected = Connected on
conn-col-request-ref = Request reference
conn-col-approval-ref = Approval reference
conn-col-contact = Contact
conn-col-phone = Phone
conn-col-status = Status now
conn-col-source = Source
conn-col-partner-id = Partner id
conn-col-points = Points connected
conn-col-first = First
conn-col-last = Last
conn-col-month = Month
conn-total = Total
conn-source-hub = hub
conn-source-counter = this counter
conn-list-source-hub = The hub's list of every point of the brand.
conn-list-source-counter = The hub did not answer: only this counter's own records are listed.
conn-list-source-mixed = The hub's list, with this counter's records it has not received yet.

## The command line.
conn-cli-recorded = { $partner }: { $step } recorded.
conn-cli-queued = { $count } connection records wait for the hub.
conn-cli-next = Next step: { $step }
conn-cli-proof = Proof of the connection test at { $at } (SHA-256 { $sha }).
conn-cli-proof-attached = proof attached
conn-cli-points = { $count } points connected in { $month }.
conn-cli-pushed = { $sent } connection records sent to the hub; { $pending } waiting.
