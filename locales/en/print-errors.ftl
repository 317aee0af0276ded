# Receipt and kitchen printers (crate quay-print): why a printer did not take a print job.
# Each id is a `code` the backend returns; the window names the printer beside the message.

## Printer addresses (settings printer.receipt, printer.kitchen.<station>)
err-print-address = “{ $address }” is not a printer address. { $problem } Write it as tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, usb:/dev/usb/lp0 or file:/path.
print-address-empty = The setting is empty.
print-address-scheme = It must start with tcp://, serial:, usb: or file:.
print-address-host = The printer's host name or IP address is missing or not valid.
print-address-port = The port must be a number from 1 to 65535.
print-address-path = The device or file path is missing or contains spaces.
print-address-baud = The serial speed must be one of 1200, 2400, 4800, 9600, 19200, 38400, 57600 or 115200.
print-address-option = A serial printer takes only ?baud=… after its device.

## The printer's state
err-print-offline = The printer cannot be reached or is offline. Check that it is switched on and connected (network, USB or serial cable) and that its address in the settings is right. The waiting print jobs are kept and printed when it is back.
err-print-paper-out = The printer is out of paper. Load a new roll and close the cover; the waiting print jobs are kept and printed then.
err-print-cover-open = The printer's cover is open. Close it; the waiting print jobs are kept and printed then.
err-print-status-unknown = The printer answered its status query with { $answer }, which is not a printer status. Check that the address points to an ESC/POS printer. The print job is kept.
err-print-status-silent = The printer did not answer its status query in time. Check that it is switched on and that the address points to an ESC/POS printer. The print job is kept.
err-print-no-status = A printer connected by USB cannot report whether it is ready (paper, cover). Check it by looking at it.

## The print job
err-print-too-wide = The image is { $width } dots wide, but the printer prints at most { $max }. Check the paper width (58 or 80 mm) in the printer's settings.
err-print-io = The print job could not be sent to the printer: { $detail }. The job is kept.
err-print-unconfirmed = { $cause } The job had already been sent and may have printed in part or in full; it is kept to be printed again.
