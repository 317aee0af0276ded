# Nhanh.vn Open API: what went wrong talking to Nhanh (crate quay-nhanh), and why a
# product was left out of the menu. Each id is a `code` the backend returns.

## Talking to Nhanh
err-nhanh-transport = Nhanh could not be reached ({ $path }): { $detail }. Check the internet connection; if a sale was being sent, it is checked with Nhanh before it is sent again.
err-nhanh-http = Nhanh answered with HTTP error { $status } ({ $path }). Check the Nhanh API address in the settings; if it is right, try again later.
err-nhanh-decode = Nhanh's answer could not be read ({ $path }): { $detail }. Try again later; if a sale was being sent, it is checked with Nhanh before it is sent again.
err-nhanh-rate-limited = Nhanh is limiting how often the counter may call { $path }. Nothing was lost: it is tried again automatically in a moment.
err-nhanh-not-configured = The Nhanh connection is not set up yet ({ $missing } is missing). Connect Nhanh in the settings first.
err-nhanh-invalid-mobile = “{ $mobile }” is not a Vietnamese mobile number (10 digits starting 03, 05, 07, 08 or 09). Correct the number.
err-nhanh-invalid-order = The sale was not sent to Nhanh: { $field } is not valid ({ $reason }). Correct the sale or tell support.
err-nhanh-webhook-body = A notification from Nhanh could not be read and was ignored ({ $detail }).

## Nhanh's error codes
err-nhanh-invalid-app-id = Nhanh does not know this App ID. Check the App ID in the settings against the app in Nhanh's developer page.
err-nhanh-invalid-access-token = Nhanh no longer accepts this counter's access (the token is missing, expired or was replaced by a newer grant). The merchant must connect the app again in Nhanh.
err-nhanh-invalid-version = The access token is for another version of Nhanh's API. The merchant must connect the app again to get a v3 token.
err-nhanh-invalid-business-id = Nhanh does not know this business, or the app is not connected to it. Connect the app again in Nhanh.
err-nhanh-invalid-depot-id = Nhanh refused the depot: it does not exist or the app was not granted it ({ $detail }). Choose a granted depot in the settings, or have the merchant grant it again in Nhanh.
err-nhanh-invalid-data = Nhanh could not read what the counter sent ({ $path }): { $detail }. Tell support.
err-nhanh-business-not-enable-api = The API is not enabled for this Nhanh business. The merchant must turn the API on in Nhanh, then try again.
err-nhanh-forbidden = Nhanh refused: the app was not granted the permission “{ $permission }”, needed to { $job }. The merchant must grant the app again in Nhanh and tick this permission.
err-nhanh-bad-secret-key = Nhanh refused the Secret Key. Copy it again from the app's page in Nhanh into the settings.
err-nhanh-bad-access-code = Nhanh refused the access code: it is wrong, already used, or older than 10 minutes. Start the connection again in Nhanh to get a new code.
err-nhanh-invalid-form-fields = Nhanh refused the request ({ $path }): { $detail }. Correct what it names and try again.
err-nhanh-api = Nhanh refused the request ({ $path }, { $code }): { $detail }.

## The jobs of the connector (said after “needed to”)
nhanh-job-products = import products, categories and stock into the menu
nhanh-job-sales = send the counter's sales to Nhanh as orders
nhanh-job-orders = show and update Nhanh's online orders
nhanh-job-customers = find and add customers by mobile number
nhanh-job-other = use this part of Nhanh

## Why a product is not on the menu
nhanh-skip-empty-name = The product has no name.
nhanh-skip-voucher = Vouchers are not sold as menu items.
nhanh-skip-variant-parent = This product only groups its variants; each variant is on the menu instead.
nhanh-skip-unknown-category = The product is in category { $category }, which Nhanh did not list.
nhanh-skip-no-price = The product has no retail price.
nhanh-skip-negative-price = The retail price { $price } is negative.
nhanh-skip-fractional-price = The retail price { $price } has a fraction of a đồng.
nhanh-skip-bad-price = The retail price “{ $price }” is not a valid amount.
nhanh-skip-bad-vat = The VAT rate “{ $vat }” is not valid.
nhanh-skip-weighed-fractional = A weighed product with a quantity of { $quantity } cannot be sold in whole units at the counter.
nhanh-skip-duplicate-barcode = Barcode { $barcode } is already used by { $item }.

## Nhanh's order statuses
nhanh-order-status-54 = New
nhanh-order-status-55 = Confirming
nhanh-order-status-56 = Confirmed
nhanh-order-status-57 = Awaiting the customer
nhanh-order-status-42 = Packing
nhanh-order-status-40 = Packed
nhanh-order-status-43 = Awaiting pickup
nhanh-order-status-59 = Shipping
nhanh-order-status-60 = Delivered
nhanh-order-status-61 = Delivery failed
nhanh-order-status-58 = Cancelled by the carrier
nhanh-order-status-63 = Cancelled by the customer
nhanh-order-status-64 = Cancelled by the system
nhanh-order-status-68 = Out of stock
nhanh-order-status-71 = Being returned
nhanh-order-status-72 = Returned
nhanh-order-status-73 = Changing depot
nhanh-order-status-74 = Return confirmed
