# Quay — the two commands a newcomer needs:
#   make run    the sandbox: simulators on loopback, a demo café, the Quay window
#   make test   every test: Rust, UI, locales, end-to-end through the real window
# Both install what is missing first (Debian/Ubuntu packages, npm packages, tools).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SANDBOX ?= target/sandbox
QUAY := target/debug/quay
SIM := target/debug/quay-sim
APT_PACKAGES := libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libayatana-appindicator3-dev \
	librsvg2-dev libudev-dev libxdo-dev libdbus-1-dev xvfb xauth webkit2gtk-driver imagemagick python3-venv curl file
TAURI_DRIVER := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin/tauri-driver
# The UI toolchain's Node.js and npm come from the npm registry into tools/node (Debian 12's
# Node 18 cannot run Vite 8, and `npm ci` under it leaves out rolldown's native binding):
# every recipe finds them first on PATH, whatever Node the machine has.
NODE_TOOLS := $(CURDIR)/tools/node
export PATH := $(NODE_TOOLS)/node_modules/.bin:$(PATH)
# That Node carries its own CA list, not the system's: a registry reached through a proxy or
# mirror with a local CA (trusted by the system) would be refused. Add the system's bundle.
ifneq ($(wildcard /etc/ssl/certs/ca-certificates.crt),)
export NODE_EXTRA_CA_CERTS ?= /etc/ssl/certs/ca-certificates.crt
endif

.PHONY: bench-startup fresh-check run test deps deps-apt deps-node deps-npm deps-py deps-driver ui build test-rust test-ui test-locales test-e2e bench clean-sandbox

deps: deps-apt deps-npm deps-py

deps-apt:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if ! command -v npm >/dev/null; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# Bootstrapped with whatever npm the machine has (Debian's is enough), then used for the rest.
tools/node/node_modules/.package-lock.json: tools/node/package.json tools/node/package-lock.json | deps-apt
	cd tools/node && npm ci --no-audit --no-fund
	@echo "node: $$(node --version), npm: $$(npm --version) (tools/node)"

deps-node: tools/node/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json tools/node/node_modules/.package-lock.json
	cd ui && npm ci --no-audit --no-fund

deps-npm: ui/node_modules/.package-lock.json

.venv/bin/compare-locales:
	python3 -m venv .venv
	.venv/bin/pip install --quiet compare-locales==9.0.5

deps-py: .venv/bin/compare-locales

deps-driver: deps-apt
	@[ -x "$(TAURI_DRIVER)" ] || $(CARGO) install tauri-driver --locked

ui: deps-npm
	cd ui && npm run build

build: deps ui
	$(CARGO) build --workspace --bins

# The sandbox: the hub simulator on loopback (sandbox identity and keys, the demo café's
# menu), a counter configured for it, the window. Nothing leaves this machine.
SIM_PORT ?= 0
# The sandbox's card terminal: zvt (the serial-line simulator on a pty) or viva (eftPOS
# orders; the simulated terminal pays each order by itself after 2.5 s).
TERMINAL ?= zvt
# The demo café's menu: vnd (in đồng; MoMo, ZaloPay, VNPAY-QR) or cny (the same café in yuan,
# the counter in Chinese; Alipay). A CNY counter keeps its own data in $(SANDBOX)-cny.
MENU ?= vnd
ifeq ($(MENU),cny)
RUN_MENU := assets/demo-menu-cny.json
RUN_DIR := $(SANDBOX)-cny
else ifeq ($(MENU),vnd)
RUN_MENU := assets/demo-menu.json
RUN_DIR := $(SANDBOX)
else
$(error MENU is vnd or cny, not "$(MENU)")
endif
# Where the menu comes from: hub (the hub simulator's demo café) or nhanh (the Nhanh.vn
# simulator's café: the counter connects with a one-time access code, takes its products
# from Nhanh, sends its sales there and shows Nhanh's online orders; webhooks on
# 127.0.0.1:$(NHANH_HOOK_PORT)). A Nhanh counter keeps its own data in $(SANDBOX)-nhanh.
MENU_SOURCE ?= hub
NHANH_HOOK_PORT ?= 18089
NHANH_HOOK_TOKEN := QuaySandboxVerifyToken0001
RUN_SIM_FLAGS :=
ifeq ($(MENU_SOURCE),nhanh)
ifneq ($(MENU),vnd)
$(error MENU_SOURCE=nhanh needs MENU=vnd: Nhanh sells in đồng)
endif
RUN_DIR := $(SANDBOX)-nhanh
RUN_SIM_FLAGS := --nhanh --nhanh-webhook http://127.0.0.1:$(NHANH_HOOK_PORT)/nhanh/webhook --nhanh-webhook-token $(NHANH_HOOK_TOKEN)
else ifneq ($(MENU_SOURCE),hub)
$(error MENU_SOURCE is hub or nhanh, not "$(MENU_SOURCE)")
endif
# A bank's virtual POS (the đồng café only): NestPay "Akbank" and Garanti "Garanti" on the
# simulated banks, phone payments and payment links; the bank's 3-D results come back to
# 127.0.0.1:$(VPOS_HOOK_PORT).
VPOS_HOOK_PORT ?= 18090
ifeq ($(MENU),vnd)
RUN_SIM_FLAGS += --vpos --vpos-currency VND
endif
# Printers: a receipt printer (the drawer on it), the kitchen's (food, pastry) and the
# bar's (58 mm: drinks) on the ESC/POS simulator; every page lands as a PNG in
# $(SANDBOX)/prints.
PRINTS := $(SANDBOX)/prints
RUN_SIM_FLAGS += --printer receipt@$(PRINTS) --printer kitchen@$(PRINTS) --printer bar:384@$(PRINTS)
run: build
	@mkdir -p $(RUN_DIR) $(PRINTS)
	@$(SIM) --port $(SIM_PORT) --menu $(RUN_MENU) --zvt --viva --viva-autopay SANDBOX-TERMINAL --wallets --wallets-autopay 4 $(RUN_SIM_FLAGS) > $(RUN_DIR)/sim.log 2>&1 & sim=$$!; trap "kill $$sim 2>/dev/null" EXIT; \
	for i in $$(seq 50); do grep -q '^vnpay: ' $(RUN_DIR)/sim.log && break; sleep 0.1; done; \
	url=$$(sed -n 's/^hub: //p' $(RUN_DIR)/sim.log); echo "hub simulator: $$url"; \
	viva=$$(sed -n 's/^viva: //p' $(RUN_DIR)/sim.log); zvt=$$(sed -n 's/^zvt: //p' $(RUN_DIR)/sim.log); \
	q="$(QUAY) --data-dir $(RUN_DIR)"; \
	$$q config set store.name "Quay Café — Sandbox"; \
	$$q config set hub.url "$$url"; $$q config set hub.pos_parent SANDBOX; $$q config set hub.pos_id SANDBOX-01; \
	echo sandbox-key1-0123456789abcdef | $$q config set hub.key1 -; \
	echo sandbox-key2-0123456789abcdef | $$q config set hub.key2 -; \
	$$q config set viva.url "$$viva"; \
	$$q config set viva.merchant_id 1b2d3f4a-0000-4000-8000-00000000a3a3; $$q config set viva.source_code SANDBOX-TERMINAL; \
	echo sandbox-api-key | $$q config set viva.api_key -; \
	$$q config set zvt.port "$$zvt"; \
	$$q config set terminal.kind $(TERMINAL); echo "card terminal: $(TERMINAL) ($$zvt / $$viva)"; \
	for i in $$(seq 50); do grep -q '^printer-bar: ' $(RUN_DIR)/sim.log && break; sleep 0.1; done; \
	p() { sed -n "s/^printer-$$1: //p" $(RUN_DIR)/sim.log; }; \
	$$q config set printer.receipt "$$(p receipt)"; \
	$$q config set printer.kitchen.kitchen "$$(p kitchen)"; $$q config set printer.kitchen.kitchen.categories c-food,c-pastry; \
	$$q config set printer.kitchen.bar "$$(p bar)"; $$q config set printer.kitchen.bar.width 58; \
	$$q config set printer.kitchen.bar.categories c-coffee,c-tea,c-smoothie; \
	echo "printers: receipt, kitchen and bar (58 mm) on the ESC/POS simulator; pages in $(PRINTS)"; \
	if [ "$(MENU)" = cny ]; then \
		$$q config set counter.currency CNY; $$q config set counter.locale zh-CN; \
		for i in $$(seq 50); do grep -q '^alipay: ' $(RUN_DIR)/sim.log && break; sleep 0.1; done; \
		alipay=$$(sed -n 's/^alipay: //p' $(RUN_DIR)/sim.log); \
		if [ -n "$$alipay" ]; then \
			$$q config set wallet.alipay.url "$$alipay"; $$q config set wallet.alipay.app_id 2021000000000001; \
			tr -d '\r\n' < tests/sim/keys/alipay-app-private.pem | $$q config set wallet.alipay.app_private_key -; \
			$$q config set wallet.alipay.public_key -- "$$(cat tests/sim/keys/alipay-gateway-public.pem)"; \
			$$q config set wallet.alipay.store_code QUAY-SH-01; $$q config set wallet.alipay.enabled true; \
			echo "wallets: Alipay (scan 16-24 digits starting 25-30, or show the QR: the simulated customer pays it after 4 s)"; \
		else echo "wallets: the simulator printed no 'alipay:' line (see $(RUN_DIR)/sim.log): Alipay is not configured"; fi; \
	else \
		$$q config set wallet.momo.url "$$(sed -n 's/^momo: //p' $(RUN_DIR)/sim.log)"; $$q config set wallet.momo.partner_code MOMO; \
		echo F8BBA842ECF85 | $$q config set wallet.momo.access_key -; echo K951B6PE1waDMi640xX08PD3vg6EkVlz | $$q config set wallet.momo.secret_key -; \
		$$q config set wallet.momo.public_key "$$(cat tests/sim/keys/momo-sandbox-public.txt)"; $$q config set wallet.momo.store_id QUAY01; \
		$$q config set wallet.zalopay.url "$$(sed -n 's/^zalopay: //p' $(RUN_DIR)/sim.log)"; $$q config set wallet.zalopay.app_id 2553; \
		echo PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL | $$q config set wallet.zalopay.key1 -; echo kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz | $$q config set wallet.zalopay.key2 -; \
		$$q config set wallet.vnpay.url "$$(sed -n 's/^vnpay: //p' $(RUN_DIR)/sim.log)"; $$q config set wallet.vnpay.merchant_code 88888888; \
		$$q config set wallet.vnpay.terminal_id PSSTEST; echo vnpay@MERCHANT | $$q config set wallet.vnpay.secret -; \
		for w in momo zalopay vnpay; do $$q config set wallet.$$w.enabled true; done; echo "wallets: MoMo (scan MM + 18 digits), ZaloPay and VNPAY-QR (the simulated customer pays a QR after 4 s)"; \
	fi; \
	if [ "$(MENU)" = vnd ]; then \
		for i in $$(seq 50); do grep -q '^vpos-garanti-store-key: ' $(RUN_DIR)/sim.log && break; sleep 0.1; done; \
		v() { sed -n "s/^$$1: //p" $(RUN_DIR)/sim.log; }; \
		np="--kind nestpay --url $$(v vpos-nestpay) --gate-url $$(v vpos-nestpay-gate) --client-id $$(v vpos-nestpay-client-id) --username $$(v vpos-nestpay-user) --password - --store-key - --currency VND --static-ip 203.0.113.7"; \
		printf '%s\n%s\n' "$$(v vpos-nestpay-password)" "$$(v vpos-nestpay-store-key)" | $$q vpos add Akbank $$np 2>/dev/null || \
			printf '%s\n%s\n' "$$(v vpos-nestpay-password)" "$$(v vpos-nestpay-store-key)" | $$q vpos edit Akbank $$np; \
		ga="--kind garanti --url $$(v vpos-garanti) --merchant-id $$(v vpos-garanti-merchant-id) --terminal-id $$(v vpos-garanti-terminal-id) --prov-user $$(v vpos-garanti-prov-user) --prov-password - --refund-user $$(v vpos-garanti-refund-user) --refund-password - --store-key - --currency VND"; \
		printf '%s\n%s\n%s\n' "$$(v vpos-garanti-prov-password)" "$$(v vpos-garanti-refund-password)" "$$(v vpos-garanti-store-key)" | $$q vpos add Garanti $$ga 2>/dev/null || \
			printf '%s\n%s\n%s\n' "$$(v vpos-garanti-prov-password)" "$$(v vpos-garanti-refund-password)" "$$(v vpos-garanti-store-key)" | $$q vpos edit Garanti $$ga; \
		$$q config set vpos.return_url http://127.0.0.1:$(VPOS_HOOK_PORT); $$q config set vpos.callback.listen 127.0.0.1:$(VPOS_HOOK_PORT); \
		echo "virtual POS: Akbank (NestPay) and Garanti; phone payments with card 4508034508034509, any future MM/YY and CVV (4000000000000515 is declined 51); a payment link opens the bank's page in a browser"; \
	fi; \
	if [ "$(MENU_SOURCE)" = nhanh ]; then \
		for i in $$(seq 50); do grep -q '^nhanh-code: ' $(RUN_DIR)/sim.log && break; sleep 0.1; done; \
		$$q config set nhanh.url "$$(sed -n 's/^nhanh: //p' $(RUN_DIR)/sim.log)"; \
		$$q config set nhanh.app_id "$$(sed -n 's/^nhanh-app-id: //p' $(RUN_DIR)/sim.log)"; \
		sed -n 's/^nhanh-secret: //p' $(RUN_DIR)/sim.log | $$q config set nhanh.secret_key -; \
		$$q config set nhanh.depot_id 101; $$q config set menu.source nhanh; \
		$$q config set nhanh.webhook.listen 127.0.0.1:$(NHANH_HOOK_PORT); echo $(NHANH_HOOK_TOKEN) | $$q config set nhanh.webhook.token -; \
		$$q nhanh connect --access-code "$$(sed -n 's/^nhanh-code: //p' $(RUN_DIR)/sim.log)"; \
		echo "nhanh: menu from the Nhanh simulator; place an online order with: curl -s -X POST $$(sed -n 's/^nhanh: //p' $(RUN_DIR)/sim.log)/admin/nhanh/channel-order -d '{}'"; \
	else $$q menu sync; fi; \
	if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then xvfb-run -a $$q; else $$q; fi

clean-sandbox:
	rm -rf $(SANDBOX) $(SANDBOX)-cny $(SANDBOX)-nhanh

test: deps deps-driver test-ui test-locales test-rust test-e2e
	@echo "make test: all suites passed"

test-ui: deps-npm
	cd ui && npx vitest run

test-locales: deps-py
	.venv/bin/compare-locales locales/l10n.toml locales vi ar el zh-CN
	@echo "locales: compare-locales clean; variable names are checked by quay-i18n's tests"

# One feature set for every cargo call of the test run (always --workspace): a narrower
# selection would unify features differently and rebuild Tauri's crates.
test-rust: ui
	$(CARGO) test --workspace

# The window test drives the `quay` and `quay-sim` binaries, which this same workspace
# build provides; selecting the test by name (not `--test window`) keeps the feature set
# of the whole workspace, so nothing is rebuilt.
test-e2e: ui deps-driver
	xvfb-run -a $(CARGO) test --workspace -- --ignored --nocapture --exact cashier_sale_and_arabic staff_voucher_and_manager_void manager_day_end window_commands_apply_the_permission_table layout_audit wallet_payments_scan_and_qr alipay_store_without_alipay_shows_what_is_missing_in_every_language alipay_store_publishes_the_shop_and_the_products_with_progress online_orders_confirmed_rung_up_and_handed_over vpos_phone_order_and_definitions partner_connections_record_note_and_month_list printing_jobs_drawer_and_kitchen

bench:
	$(CARGO) bench -p quay-core --bench search
	$(CARGO) bench -p quay-store --bench close_sale
	$(CARGO) bench -p quay-app --bench sync
	$(CARGO) bench -p quay-app --bench alipay_publish
	$(CARGO) bench -p quay-app --bench nhanh
	$(CARGO) bench -p quay-dayend --bench reconcile -- --sample-size 10
	$(CARGO) bench -p quay-print --bench receipt

# A Debian 12 root that has never seen Quay (debootstrap; only the registries and this
# machine's Rust toolchain), the repository's HEAD cloned into it, `make test` there.
fresh-check:
	bash tools/fresh-check.sh

# The window's start-up (to the register drawn, fonts loaded), several starts: a figure for
# docs/PERFORMANCE.md, not a test.
bench-startup: ui deps-driver
	xvfb-run -a $(CARGO) test --workspace -- --ignored --nocapture --exact window_start_up
