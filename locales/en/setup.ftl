# The technician's setup: settings, connection tests and the connection report.

## Groups of settings

setup-group-store = Store
setup-group-hub = Hub
setup-group-momo = MoMo vouchers
setup-group-giftpop = GiftPop vouchers
setup-group-terminal = Card terminal

## Settings

setup-key-store-name = Store name
setup-key-store-address = Address
setup-key-store-contact-name = Contact person
setup-key-store-contact-phone = Contact phone
setup-key-counter-currency = Currency
setup-key-store-vat-rates = VAT rates (%, separated by commas)
setup-key-counter-locale = Default language
setup-key-counter-id = Counter ID
setup-key-counter-cashier = Cashier name when nobody is signed in
setup-key-hub-url = Hub URL
setup-key-hub-pos-parent = Pos Parent
setup-key-hub-pos-id = Pos ID
setup-key-hub-key1 = Key1
setup-key-hub-key2 = Key2
setup-key-hub-menu-interval = Menu check interval (seconds)
setup-key-momo-enabled = Accept MoMo vouchers
setup-key-momo-point-code = MoMo point code
setup-key-giftpop-enabled = Accept GiftPop vouchers
setup-key-giftpop-point-code = GiftPop point code
setup-key-terminal-kind = Terminal type
setup-key-zvt-port = ZVT serial port
setup-key-zvt-baud = ZVT speed (baud)
setup-key-zvt-password = ZVT password
setup-key-viva-url = Viva API address
setup-key-viva-merchant-id = Viva merchant ID
setup-key-viva-api-key = Viva API key
setup-key-viva-source-code = Viva source code (terminal serial number)
setup-key-viva-wait = Wait for the customer at the terminal (seconds)
setup-key-viva-webhook-listen = Viva webhook address (host:port)
setup-key-viva-webhook-token = Viva webhook token
setup-key-viva-webhook-key = Viva webhook verification key

## Refused values

err-setting-too-long = { $key } is too long: at most { $max } characters.
err-setting-bool = { $key } is “true” or “false”, not “{ $value }”.
err-setting-phone = “{ $value }” is not a phone number for { $key }: use digits, spaces and + ( ) - . (6 to 15 digits).
err-setting-vat-rates = “{ $value }” is not a list of VAT rates for { $key }: write percentages separated by commas, such as 8,10 (each from 0 to 100, at most two decimals, no repeats).
err-setting-zvt-password = { $key } is the terminal's password: six digits.
err-setting-secret-short = { $key } is too short: at least { $min } characters.
err-setting-rsa-key = { $key }: paste the key as PEM (-----BEGIN … KEY----- … -----END … KEY-----) or as one line of base64, as the partner's console shows it.
err-connect-failed = The connection test of { $target } failed at “{ $step }”.

## Connection tests

setup-target-hub = Hub
setup-target-momo = MoMo
setup-target-giftpop = GiftPop
setup-target-terminal = Card terminal

setup-step-hub-config = Hub settings complete
setup-step-hub-ping = Signed ping to the hub (Key1), answer verified (Key2)
setup-step-hub-identity = The hub knows this point
setup-step-hub-clock = Counter clock against the hub's
setup-step-partner-config = { $partner } enabled with a point code
setup-step-partner-listed = The hub lists { $partner } as connected
setup-step-partner-round-trip = Round trip to { $partner } through the hub
setup-step-terminal-config = Terminal settings complete
setup-step-zvt-port = The terminal's port opens
setup-step-zvt-status = The terminal answers a status enquiry
setup-step-viva-credentials = Viva accepts the merchant ID and API key
setup-step-viva-source = The terminal's source code is set

setup-step-passed = OK
setup-step-failed = Failed

setup-ok-hub-config = { $url }, Pos Parent { $pos_parent }, Pos ID { $pos_id }
setup-ok-hub-ping = Answered in { $ms } ms
setup-ok-hub-identity = “{ $point_name }” ({ $pos_parent } / { $pos_id })
setup-fail-hub-identity = The hub answered for { $pos_parent } / { $pos_id } (“{ $point_name }”), not for this point: check Pos Parent and Pos ID.
setup-ok-hub-clock = { $skew } s apart (at most { $max } s)
setup-fail-hub-clock = The counter's clock is { $skew } s off the hub's (more than { $max } s): set the clock.
setup-fail-hub-key1 = The hub refused this point's signature ({ $code }): check Pos Parent, Pos ID and Key1.
setup-fail-hub-key2 = The answer was not signed with this point's Key2: check Key2.
setup-ok-partner-config = Point code { $point_code }
setup-fail-partner-disabled = { $partner } vouchers are not enabled on this counter.
setup-fail-partner-no-point-code = The { $partner } point code is not set.
setup-ok-partner-listed = { $partner }: { $status }
setup-fail-partner-pending = { $partner } has not approved this point yet ({ $status }): ask the partner to approve it in its admin site.
setup-fail-partner-disabled-at-hub = { $partner } is disabled for this point at the hub.
setup-fail-partner-not-listed = The hub does not list { $partner } for this point.
setup-ok-partner-round-trip = { $partner } answered “{ $status }” for test code { $code } in { $ms } ms
setup-fail-partner-down = { $partner } is not answering the hub (503 unavailable).
setup-ok-terminal-zvt = ZVT on { $port } at { $baud } baud
setup-ok-terminal-viva = Viva at { $url }
setup-ok-zvt-port = { $port } is open
setup-ok-zvt-status = Terminal { $terminal_id } answered in { $ms } ms; last transaction: { $state }
setup-fail-zvt-status = The terminal did not answer: { $detail }
setup-ok-viva-credentials = Accepted in { $ms } ms; { $count ->
    [one] one transaction today
   *[other] { $count } transactions today
}
setup-fail-viva-credentials = Viva refused the merchant ID or the API key.
setup-fail-viva = Viva: { $detail }
setup-ok-viva-source = Source { $source }

## The connection report

setup-report-title = Connection report: { $target }
setup-report-store = Point of sale
setup-report-address = Address
setup-report-contact = Contact person
setup-report-phone = Contact phone
setup-report-pos-parent = Pos Parent
setup-report-pos-id = Pos ID
setup-report-counter = Counter
setup-report-point-name = Name at the hub
setup-report-partner = Partner
setup-report-target = Connection tested
setup-report-point-code = Partner's point code
setup-report-terminal = Terminal
setup-report-time = Tested at
setup-report-result = Result
setup-report-ok = Connection successful
setup-report-failed = Connection failed
setup-report-col-step = Step
setup-report-col-status = Status
setup-report-col-result = Result
setup-report-col-ms = ms
setup-report-round-trip = Round trip: { $request } → { $answer } in { $ms } ms, { $time }
setup-report-footer = Produced by Quay { $version } on counter { $counter }.
setup-report-written = Report written to { $path }
setup-saved = { $count ->
    [one] One setting saved.
   *[other] { $count } settings saved.
}
setup-key-bank-merchant-id = Bank merchant id
setup-key-bank-terminal-ids = Terminal ids at the bank (comma-separated)
## ZVT registration
setup-key-zvt-config = ZVT registration config byte (hex)
err-setting-zvt-config = { $key } is the registration's configuration byte: two hexadecimal digits, e.g. BA.
setup-step-zvt-register = The terminal accepts the counter's registration
setup-ok-zvt-register = Registered (configuration byte { $config }, currency { $currency })
