# The technician's partner connection records on the counter's screen (issue 18): the
# partners and their status, the steps of one, the next step's form, the deployment note,
# the proof and the month-end list. Ids: conn-ui-*.

conn-ui-open = Partner connections
conn-ui-title = Partner connections
conn-ui-explain = Each partner's connection, step by step: the request, the confirmations, the deployment, the approval and the connection test.
conn-ui-loading = Loading…
conn-ui-reload = Refresh
conn-ui-partners = Partners
conn-ui-this-point = Point { $pos_id } of { $pos_parent }
conn-ui-queued = Waiting for the hub: { $count }
conn-ui-refused = Refused by the hub (see the log): { $count }
conn-ui-no-pos-ids = The hub's Pos Parent and Pos ID are not set: set them in Settings before any step can be recorded.
conn-ui-keys-missing = The hub keys are not set: the records stay on this counter until they are.
conn-ui-choose = Choose a partner to see its steps.

## Statuses and steps (chips, the timeline, the buttons).
conn-ui-status-never = Not started
conn-ui-step-requested = Requested
conn-ui-step-confirmed = Confirmed
conn-ui-step-deployed = Deployed
conn-ui-step-approved = Approved
conn-ui-step-connected = Connected
conn-ui-step-disabled = Disabled

## One partner.
conn-ui-steps = Steps
conn-ui-no-steps = No step recorded yet.
conn-ui-by = By
conn-ui-reference = Reference
conn-ui-confirmed-by = Confirmed by
conn-ui-confirm-leader = MoMo's team leader
conn-ui-confirm-merchant = The merchant
conn-ui-note = Note
conn-ui-proof-kept = Proof kept
conn-ui-details = Point details
conn-ui-point-name = Point name
conn-ui-address = Address
conn-ui-contact-name = Contact name
conn-ui-contact-phone = Contact phone
conn-ui-point-code = Partner's point code
conn-ui-notes = Notes
conn-ui-next = Next step: { $step }
conn-ui-next-none = Connected: no further step.
conn-ui-required-hint = * required for this step
conn-ui-note-disable = Needed to disable.
conn-ui-record = Record: { $step }
conn-ui-recording = Recording…
conn-ui-testing = Testing…
conn-ui-testing-wait = Testing the connection with the partner: this takes a few seconds.
conn-ui-disable = Disable
conn-ui-recorded = { $partner }: { $step } recorded.

## The deployment note and the proof.
conn-ui-deploy-note = Deployment note
conn-ui-note-title = Deployment note: { $partner }
conn-ui-proof = Proof
conn-ui-proof-title = Proof: { $partner }
conn-ui-proof-alt = Connection test of { $partner }, { $at }
conn-ui-copy = Copy
conn-ui-copied = Copied.
conn-ui-copy-failed = Could not copy: select the text and copy it.
conn-ui-close = Close
conn-ui-pdf = PDF
conn-ui-png = Image

## The month-end list.
conn-ui-month-title = Month end
conn-ui-month = Month
conn-ui-month-previous = Previous month
conn-ui-month-next = Next month
conn-ui-export = Export the month's list
conn-ui-exporting = Exporting…
conn-ui-exported = The month's list is written: { $count } rows.
conn-ui-source-hub = From the hub: every point of the brand.
conn-ui-source-counter = Warning: this counter only (the hub could not be reached). Other points are missing.
conn-ui-source-mixed = Warning: partly from the hub, partly from this counter only. Check before sending.
conn-ui-rows = Points connected in { $month }: { $count }
conn-ui-xlsx = Spreadsheet
conn-ui-csv = CSV
conn-ui-no-rows = No point was connected that month.
conn-ui-col-point = Point
conn-ui-col-partner = Partner
conn-ui-col-connected = Connected
conn-ui-col-request = Request ref.
conn-ui-col-approval = Approval ref.
conn-ui-col-contact = Contact
