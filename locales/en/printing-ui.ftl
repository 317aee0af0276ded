# Printers in the window (issue 19): the status line, the print jobs, a receipt on the
# receipt printer, the manager's "Open drawer" and the technician's Printers screen.

## A printer's name
print-ui-printer = { $kind ->
    [receipt] Receipt printer
    [kitchen] Kitchen printer ({ $station })
   *[other] Printer { $station }
}

## The status line
print-ui-problem-line = { $printer }: { $problem } — { $count } waiting
print-ui-problem-short = { $code ->
    [err-print-paper-out] paper out
    [err-print-offline] offline
    [err-print-cover-open] cover open
    [err-print-status-silent] not answering
    [err-print-no-printer] not set up
   *[other] { $text }
}
print-ui-jobs-open = Print jobs

## Print jobs
print-ui-jobs-title = Print jobs
print-ui-jobs-title-of = Print jobs of { $printer }
print-ui-jobs-empty = No print jobs.
print-ui-loading = Loading…
print-ui-refresh = Refresh
print-ui-close = Close
print-ui-kind = { $kind ->
    [receipt] Receipt
    [kitchen] Kitchen ticket
    [kitchen_cancel] Kitchen cancellation
    [drawer] Cash drawer
    [test] Test page
   *[other] { $kind }
}
print-ui-state = { $state ->
    [queued] Waiting
    [sending] Sending
    [done] Printed
    [cancelled] Cancelled
   *[other] { $state }
}
print-ui-reprint = REPRINT
print-ui-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
print-ui-send-now = Send now
print-ui-send-to = Send to…
print-ui-send-to-label = Send to this printer instead:
print-ui-print-again = Print again
print-ui-sent-now = Job { $job } is being sent now.
print-ui-printing-again = Job { $job } is printed again, marked as a reprint.
print-ui-redirected = Job { $job } goes to { $printer } now.

## The receipt
print-ui-receipt-copy = Print on the receipt printer
print-ui-copy-queued = Receipt { $receipt } is being printed on the receipt printer.

## The cash drawer
print-ui-drawer-open = Open drawer
print-ui-drawer-title = Open the cash drawer
print-ui-drawer-reason = Reason
print-ui-drawer-reason-placeholder = e.g. change for the float
print-ui-drawer-explain = Opening the drawer without a sale is recorded with who and why.
print-ui-drawer-pin-hint = A manager approves with their PIN.
print-ui-drawer-pin = Manager's PIN
print-ui-drawer-confirm = Open drawer
print-ui-drawer-opened = The cash drawer opens.
print-ui-cancel = Cancel

## The technician's Printers screen
print-ui-open = Printers
print-ui-title = Printers
print-ui-explain = The receipt printer (the cash drawer hangs on it) and the kitchen stations, each printing the menu categories given to it. Test each one after a change.
print-ui-receipt-section = Receipt printer
print-ui-kitchen-section = Kitchen stations
print-ui-no-receipt = No receipt printer is set up: receipts are only kept as PDF.
print-ui-set-receipt = Set up the receipt printer
print-ui-no-kitchen = No kitchen station is set up.
print-ui-add-station = Add a kitchen station
print-ui-edit = Edit
print-ui-edit-title = Edit { $printer }
print-ui-remove = Remove
print-ui-remove-title = Remove { $printer }?
print-ui-remove-explain = Its waiting jobs stay in the list: send them to another printer.
print-ui-keep = Keep it
print-ui-jobs = Jobs
print-ui-test-page = Print a test page
print-ui-test-queued = Test page (job { $job }) sent to { $printer }.
print-ui-station = Station name
print-ui-station-hint = 1 to 20 of a–z, 0–9, _ and -, e.g. hot, bar.
print-ui-station-invalid = The station name takes 1 to 20 of a–z, 0–9, _ and -.
print-ui-address = Address
print-ui-address-hint = tcp://host:9100, serial:/dev/ttyUSB0?baud=19200, usb:/dev/usb/lp0
print-ui-address-missing = Give the printer's address.
print-ui-width = Paper width
print-ui-width-mm = { $mm } mm
print-ui-mode = Printing mode
print-ui-mode-name = { $mode ->
    [text] Text (Latin only)
   *[raster] Image (every language)
}
print-ui-categories = Menu categories
print-ui-categories-hint = Category ids, separated by commas.
print-ui-unknown = not known here
print-ui-unknown-explain = This station was set up elsewhere: fields left empty keep their saved values.
print-ui-none = none
print-ui-save = Save
print-ui-station-saved = { $printer } saved.
print-ui-station-removed = { $printer } removed.
print-ui-kitchen-send = Send to kitchen
print-ui-kitchen-sent = { $count ->
    [one] One ticket sent to the kitchen.
   *[other] { $count } tickets sent to the kitchen.
}
