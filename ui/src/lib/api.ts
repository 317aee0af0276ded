// Typed calls into the Rust backend. Every failure arrives as {code, message}: `code` is
// a Fluent id, `message` its text in the counter's language.
import { invoke } from '@tauri-apps/api/core';
import type { JobView, PrinterConfig, PrinterView } from './printing';

export interface ErrorDto { code: string; message: string }
export interface MoneyView { minor: number; major: string; text: string }
export interface AppInfo { lang: string; dir: string; langs: string[]; counter_id: string; currency: string; decimals: number; version: string }
export interface Category { id: string; name: string }
export interface Item {
  id: string; category_id: string; name: string; name_primary: string; sku: string | null;
  barcode: string | null; price: MoneyView; available: boolean; option_group_ids: string[];
}
export interface OptionView { id: string; name: string; price_delta: MoneyView }
export interface Group { id: string; name: string; min: number; max: number; options: OptionView[] }
export interface MenuView { version: number; hash: string; currency: string; categories: Category[]; items: Item[]; groups: Group[] }
export interface CartLine {
  line_id: number; item_id: string; name: string; options: { id: string; name: string }[];
  qty: number; note: string | null; unit_price: MoneyView; line_total: MoneyView;
  flag: 'removed' | 'unavailable' | null;
}
export interface CartView {
  lines: CartLine[]; item_count: number; total: MoneyView; vat: { rate: string; amount: MoneyView }[]; quick_cash: MoneyView[];
  /** Who the sale is for (a mobile typed, or an online order's customer). */
  customer?: { mobile: string; name: string | null; address: string | null } | null;
  /** The Nhanh.vn online order being rung up (paid at pickup), if any. */
  online_order?: number | null;
}
export interface CashPreview { due: MoneyView; tendered: MoneyView; change: MoneyView; short: string | null; ok: boolean }
export interface Closed { sale_id: string; receipt_no: string; change: MoneyView; message: string }
export interface ReceiptRow { kind: string; text: string; amount: string | null }
export interface Receipt { sale_id: string; receipt_no: string; rows: ReceiptRow[] }
/** Where a printed receipt went (its PDF, until issue 19 sends it to the receipt printer). */
export interface PrintedReceipt { path: string }
export interface SaleSummary { id: string; receipt_no: string; time: string; total: MoneyView; status: 'closed' | 'voided' | 'void'; item_count: number }
export interface SalesDay { date: string; sales: SaleSummary[]; count: number; net: MoneyView }

export interface Rejected { sale_id: string; receipt_no: string; reason: string; enqueued_at: string }
export interface SyncView { pending: number; since: string | null; last_error: string | null; rejected: Rejected[] }
export interface ItemDiff { id: string; name: string; counter_price: MoneyView | null; hub_price: MoneyView | null }
export interface MenuStatus {
  counter_version: number | null; counter_hash: string | null; hub_version: number; hub_hash: string; in_sync: boolean;
  diff: { added: ItemDiff[]; changed: ItemDiff[]; removed: ItemDiff[]; structure_differs: boolean };
}
export type QuayEvent =
  | { type: 'menu_changed'; version: number }
  | { type: 'outbox_changed' }
  | { type: 'progress'; kind: 'menu' | 'sales'; done: number; total: number }
  | { type: 'progress'; kind: typeof ALIPAY_PRODUCTS_PROGRESS; done: number; total: number }
  | { type: 'progress'; kind: typeof NHANH_PRODUCTS_PROGRESS; done: number; total: number }
  | { type: 'nhanh_orders'; open?: number }
  | { type: 'sync_error'; code: string }
  | { type: 'terminal_status'; text: string }
  | ({ type: 'wallet_qr' } & WalletQr)
  | { type: 'wallet_status'; text: string }
  | { type: 'customer_display'; view: DisplayView };

// ---- Wallets (MoMo, ZaloPay, VNPAY-QR) and the customer display. -------------------------
export type WalletName = 'momo' | 'zalopay' | 'vnpay';
/** An enabled, configured wallet; `label` localized, `color` its brand colour (#rrggbb). */
export interface WalletView {
  name: WalletName | string; label: string; color: string;
  /** The cashier scans the customer's payment code (MoMo). */
  scan: boolean;
  /** The customer scans our QR code (ZaloPay, VNPAY). */
  qr: boolean;
}
/** What a typed or scanned code is: its wallet (null: none), whether it is taken here, and
 *  that said in the counter's language. */
export interface WalletCodeKind { wallet: string | null; supported: boolean; message: string }
export interface WalletPaid { sale_id: string | null; remaining: MoneyView; message: string; key: string }
/** A QR code to show the customer: `svg` an SVG document drawn by the backend (trusted),
 *  `until` RFC 3339, `seconds` the deadline's whole length. */
export interface WalletQr {
  wallet: string; label: string; color: string; content: string; svg: string;
  amount: MoneyView; until: string; seconds: number;
}
export type DisplayMode = 'idle' | 'cart' | 'qr' | 'thanks';
export interface DisplayLine { name: string; quantity: number; total: MoneyView }
/** What the customer-facing screen shows. */
export interface DisplayView {
  mode: DisplayMode; lines: DisplayLine[]; total: MoneyView | null; qr: WalletQr | null;
  thanks: { amount: MoneyView } | null; store: string;
}

/** Voucher partners: the hub's (MoMo, GiftPop, in the order the dialog offers them) and
 *  Alipay merchant coupons (a counter in yuan with Alipay: `voucherPartners`). */
export type Partner = 'momo' | 'giftpop' | 'alipay';
export const PARTNERS: readonly Partner[] = ['momo', 'giftpop'];
export type VoucherStatus = 'valid' | 'used' | 'expired' | 'not_found' | 'wrong_store' | 'inactive';
/** What the hub says of a code, for the cart on the screen; nothing is applied. */
export interface VoucherView {
  partner: Partner; code: string; status: VoucherStatus;
  /** An amount voucher's value; a percent voucher has `percent` ("10%") instead. */
  value: MoneyView | null; percent: string | null; min_spend: MoneyView | null;
  /** RFC 3339. */
  expires_at: string | null; conditions: string;
  /** What it would pay on this sale, or (localized) why it does not apply. */
  applies: MoneyView | null; refused: string | null;
}
export interface AppliedVoucher { partner: Partner; code: string; amount: MoneyView }
/** The sale being paid: what card payments and vouchers already cover, what is still due. */
export interface PaymentView { total: MoneyView; card_paid: MoneyView; vouchers: AppliedVoucher[]; due: MoneyView }

export interface CardPaid { sale_id: string | null; remaining: MoneyView; message: string }

export type Role = 'cashier' | 'manager' | 'technician';
export const ROLES: readonly Role[] = ['cashier', 'manager', 'technician'];
/** `may` lists actions in kebab-case (ring-sale, view-sales, approve-void, …). */
export interface StaffView { id: string; name: string; role: Role; may: string[] }
export interface SessionView { setup: boolean; staff: StaffView | null }
/** A card attempt whose outcome is not known: shown until settled. */
export interface OpenPayment {
  key: string; amount: MoneyView; state: 'pending' | 'sent' | 'unknown' | 'paid_unused'; terminal: 'zvt' | 'viva' | string;
  started_at: string; message: string | null;
  /** A wallet payment that arrived after the cashier gave up: refunded, not settled. */
  refund: boolean;
}
/** An approved wallet payment of one of the day's open sales, offered for a manager's
 *  partial refund; `left`: its amount less refunds not declined or cancelled. */
export interface RefundablePayment {
  key: string; sale_id: string; wallet: 'momo' | 'zalopay' | 'vnpay' | 'alipay' | string; label: string;
  amount: MoneyView; left: MoneyView;
}
/** A partial refund done: its state, the amount given back, the day's refundable payments now. */
export interface PartRefunded { key: string; state: string; amount: MoneyView; label: string; payments: RefundablePayment[] }

/** The technician's settings, grouped; labels arrive localized. */
export type SettingsGroupId = 'store' | 'hub' | 'momo' | 'giftpop' | 'terminal' | 'nhanh';
/** What a connection test is about: every group but the store. */
export type ConnectTarget = 'hub' | 'momo' | 'giftpop' | 'terminal' | 'nhanh' | `vpos:${string}` | `printer:${string}`;
/** The settings groups' targets; a virtual POS definition is `vpos:NAME` (its own screen). */
export const CONNECT_TARGETS: readonly ConnectTarget[] = ['hub', 'momo', 'giftpop', 'terminal', 'nhanh'];
/** One setting. A secret carries only `set`: its value never leaves the backend. */
export interface SettingView {
  key: string; label: string; secret: boolean;
  /** Whether it has a value. */
  set: boolean;
  /** The value (never for a secret; absent when not set). */
  value?: string;
  /** The values it takes, when a fixed list (["true","false"] for a yes/no). */
  choices?: string[];
}
export interface SettingsGroup { id: SettingsGroupId; label: string; settings: SettingView[] }
export interface SettingsView { groups: SettingsGroup[] }
/** A change to save: [key, value]; an empty value for a secret keeps the old one. */
export type SettingChange = [string, string];
export interface ConnectStep { id: string; name: string; ok: boolean; status: string; result: string; took_ms: number }
/** A connection test's report, in the counter's language, as the PDF prints it. */
export interface ConnectReport {
  target: ConnectTarget; title: string; ok: boolean; outcome: string; at: string;
  /** Labelled lines of who the point is: [label, value]. */
  identity: [string, string][];
  steps: ConnectStep[]; round_trip: string | null; footer: string; dir: 'ltr' | 'rtl';
}
export interface ConnectTested { report: ConnectReport; pdf_path: string }

// ---- Day-end. Amounts are minor units of `currency`, signed (voids, refunds negative). --
export interface Tally { count: number; amount: number }
export interface DayTotals {
  date: string; currency: string; sales: Tally; voids: Tally; net: number;
  /** Per tender kind (cash, card, voucher, wallet). */
  tenders: Record<string, Tally>;
  cash_expected: number;
  /** Voucher tenders per partner ("-" when none was recorded). */
  vouchers: Record<string, Tally>;
  /** Approved card payments per brand ("unknown" when neither the terminal nor the number says). */
  card_brands: Record<string, Tally>;
  /** Wallet tenders per wallet (momo, zalopay, vnpay), voids netted. */
  wallets?: Record<string, Tally>;
  refunds: Tally; partial_refunds?: Tally; declined: number;
}
export interface DayClose {
  date: string; currency: string; cash_expected: number; cash_counted: number | null; cash_difference: number | null;
  reason: string | null; closed_by: string; closed_at: string; totals: DayTotals;
}
export interface BrandComparison { brand: string; counter: Tally; terminal: Tally; /** Terminal − counter. */ difference: number }
export interface TerminalBatch {
  date: string; terminal: 'zvt' | 'viva' | string; currency: string; counter_total: number; terminal_total: number;
  /** Terminal − counter. */
  difference: number;
  /** Every brand agrees in count and amount. */
  agrees: boolean;
  brands: BrandComparison[]; receipt_range: [number, number] | null; closed_by: string; closed_at: string;
}
export type BankCategory =
  | 'matched' | 'matched_with_difference' | 'missing_at_bank' | 'missing_at_counter' | 'duplicate'
  | 'refund_unmatched' | 'next_batch' | 'fee_or_chargeback' | 'ambiguous';
export const BANK_CATEGORIES: readonly BankCategory[] = [
  'matched', 'matched_with_difference', 'missing_at_bank', 'missing_at_counter', 'duplicate',
  'refund_unmatched', 'next_batch', 'fee_or_chargeback', 'ambiguous',
];
export type MatchRule = 'reference' | 'terminal_auth' | 'amount_window' | 'manual';
/** One side of a match: a bank line (its line number and id) or a counter payment. */
export type MatchItem = { side: 'bank'; line: number; id: string } | { side: 'counter'; id: string };
export interface MatchFields {
  category: BankCategory; rule: MatchRule | null; matched_to: MatchItem | null;
  /** Bank − counter, minor units, on `matched_with_difference`. */
  difference: number | null;
  /** The contenders on `ambiguous`. */
  candidates: MatchItem[];
  /** A manager's reason, on settlements by hand. */
  note: string | null;
}
export interface BankLineView extends MatchFields {
  id: string; import_id: number; line: number; kind: 'sale' | 'refund' | 'fee' | 'chargeback';
  amount: number; amount_text: string; currency: string; date_time: string;
  transaction_id: string | null; merchant_reference: string | null; order_code: string | null; terminal_id: string | null;
  scheme: string | null; masked_pan: string | null; auth_code: string | null; rrn: string | null; stan: string | null;
}
export interface CounterPaymentView extends MatchFields {
  id: string; kind: 'sale' | 'refund'; amount: number; amount_text: string; currency: string; at: string; brand: string;
  terminal_id: string | null; auth_code: string | null; rrn: string | null; stan: string | null;
  receipt_no: string | null; provider_ref: string | null;
}
export interface ImportResult { fingerprint: string; preset: string; lines: number; new_lines: number; already_imported: boolean; date: string }
export interface BankImportRecord {
  id: number; fingerprint: string; business_date: string; preset: string; file_name: string | null;
  lines: number; new_lines: number; imported_by: string; imported_at: string;
}
export interface MoneyMinor { minor: number; currency: string }
export interface BankTotals { currency: string; counter: MoneyMinor; bank: MoneyMinor; fees: MoneyMinor; next_batch: MoneyMinor; difference: MoneyMinor }
export interface BankSummary { counts: Partial<Record<BankCategory, number>>; totals: BankTotals[]; declined_ignored: number }
export interface BankReconciliation {
  date: string;
  /** Only on an import: what it did. */
  import?: ImportResult;
  imports: BankImportRecord[]; summary: BankSummary; settlements: number;
  bank_lines: BankLineView[]; counter_payments: CounterPaymentView[];
}
/** Built-in bank file presets; a manager's saved mapping goes by its own name. */
export const BANK_PRESETS = ['generic', 'viva'] as const;
/** What a bank line is; fees and chargebacks are the acquirer's own lines. */
export type LineKind = 'sale' | 'refund' | 'fee' | 'chargeback';
export const LINE_KINDS: readonly LineKind[] = ['sale', 'refund', 'fee', 'chargeback'];
/** One column of a bank file as the mapping screen shows it. */
export interface SampleColumn {
  /** Zero-based position in the file. */
  index: number;
  /** The header cell, trimmed; '' in a file without a header. */
  header: string;
  examples: string[];
  /** Distinct non-empty values, at most 20, in order of appearance. */
  values: string[];
  /** The file has more distinct values than `values` holds. */
  more_values: boolean;
}
/** Where a field is found: by header name (the first present wins) or by position. */
export interface BankColumn { names: string[]; index: number | null; required: boolean }
export interface BankColumns {
  transaction_id: BankColumn | null; merchant_reference: BankColumn | null; order_code: BankColumn | null;
  merchant_id: BankColumn | null; terminal_id: BankColumn | null;
  /** Required: never null (unmapped, it has neither names nor index and cannot be saved). */
  date_time: BankColumn;
  scheme: BankColumn | null; masked_pan: BankColumn | null;
  /** Required, like `date_time`. */
  amount: BankColumn;
  /** Without it every line is in the counter's currency. */
  currency: BankColumn | null;
  auth_code: BankColumn | null; rrn: BankColumn | null; stan: BankColumn | null;
  /** Without it a negative amount is a refund, any other a sale. */
  kind: BankColumn | null;
}
export type AmountFormat = { format: 'decimal'; separator: '.' | ',' } | { format: 'minor' };
/** A local pattern (chrono strftime, "%d.%m.%Y %H:%M") is read at a fixed offset east of UTC. */
export type DateFormat = { format: 'iso8601' } | { format: 'pattern'; pattern: string; utc_offset_minutes: number };
/** How one bank's batch file is laid out. */
export interface BankPreset {
  name: string;
  /** ',' ';' '\t' '|'. */
  delimiter: string;
  has_header: boolean;
  columns: BankColumns;
  amount: AmountFormat;
  date_time: DateFormat;
  /** Type cell value → what it means (compared trimmed, without case). */
  types: Record<string, LineKind>;
}
/** A first look at a new bank's file, with a mapping guessed from it (`name` empty). */
export interface FileSample { delimiter: string; has_header: boolean; columns: SampleColumn[]; rows: number; suggested: BankPreset }
export interface PreviewLine {
  line: number; kind: LineKind; amount_text: string;
  /** RFC 3339. */
  date_time: string;
  transaction_id: string | null; merchant_reference: string | null; terminal_id: string | null; scheme: string | null; auth_code: string | null;
}
/** A file read with a mapping not saved yet: how many lines, of what kind, the first few. */
export interface BankPreview { lines: number; kinds: Partial<Record<LineKind, number>>; first: PreviewLine[] }
export type SettleAction = 'link' | 'next_batch' | 'enter';
export interface SettleRequest { action: SettleAction; bankId: string | null; paymentId: string | null; reason: string | null }
export interface ReportFiles { pdf_path: string; csv_path: string }

// ---- Alipay smart store (the technician's onboarding, seed 003). ------------------------
/** `keys`, `store`, `products`, `trade_switch`, `coupons`, `test_payment`. */
export type AlipayStepId = 'keys' | 'store' | 'products' | 'trade_switch' | 'coupons' | 'test_payment';
/** One step of the checklist: `detail` what was found, in the counter's language. */
export interface AlipayStep { id: AlipayStepId | string; ok: boolean; detail: string }
export interface AlipayStatus { steps: AlipayStep[]; ready: boolean; pending_syncs: number }
/** The shop after a publish; `status` Alipay's review ('99' approved, '-1' refused). */
export interface AlipayShop { store_id: string; order_id: string; shop_id: string | null; status: string; message: string }
/** An item that cannot be published (or that Alipay refused), and why (localized). */
export interface AlipayNotPublishable { item_id: string; name: string; reason: string }
export interface AlipayPublishReport {
  /** The items sent, or that would be with `dry_run` (menu item ids). */
  sent: string[];
  unchanged: number;
  not_publishable: AlipayNotPublishable[];
  refused: AlipayNotPublishable[];
  dry_run: boolean;
}
export type AlipayConfirmable = 'trade_switch' | 'coupons';
/** Who confirmed and when (RFC 3339). */
export interface AlipayConfirmation { what: AlipayConfirmable | string; by: string; at: string }
export interface AlipaySyncReport { synced: number; failed: number; pending: number }
/** The progress event of a product publish (`Event::Progress`). */
export const ALIPAY_PRODUCTS_PROGRESS = 'alipay-products';

// ---- Nhanh.vn (issue 16, seed 002): products from Nhanh, sales to Nhanh, online orders. --
/** A Nhanh product the counter could not take, and why (localized). */
export interface NhanhSkipped { product_id: number; name: string; message: string }
/** A permission the access lacks, and the job that needs it (localized). */
export interface NhanhMissing { permission: string; job: string }
export interface NhanhWebhook { listening: boolean; address: string | null; last_delivery_at: string | null; rejected: number }
/** The connection as the counter knows it now (read locally, no call to Nhanh). */
export interface NhanhStatus {
  connected: boolean; business_id: string | null; depot_id: number | null; depots: number[];
  /** RFC 3339. */
  token_expires_at: string | null;
  days_left: number | null;
  /** The access expires within 30 days: the merchant must grant it again. */
  token_warning: boolean;
  permissions: string[]; missing: NhanhMissing[];
  last_product_sync: string | null; products: number; skipped: NhanhSkipped[];
  pending_sales: number; rejected_sales: number; open_orders: number;
  webhook: NhanhWebhook;
  last_error: ErrorDto | null;
  /** A product sync is running (started here or in the background). */
  syncing: boolean;
  /** Where the menu comes from. */
  menu_source: 'hub' | 'nhanh';
  /** The connections this counter has had (kept on disconnecting). */
  history?: unknown[];
}
export interface NhanhSyncReport { items: number; categories: number; hidden: number; sold_out: number; skipped: NhanhSkipped[] }
/** What the technician sets up in Nhanh's developer page, as this counter needs it. */
export interface NhanhGuide {
  /** The link the merchant opens to grant access (null until App ID and redirect URL are set). */
  oauth_url: string | null;
  redirect_url: string | null; webhook_url: string | null;
  app_id_set: boolean; secret_set: boolean; webhook_token_set: boolean;
}
export type OnlineStage = 'new' | 'confirmed' | 'preparing' | 'handed_over' | 'cancelled' | 'returned' | 'other';
export type OrderAct = 'confirm' | 'prepare' | 'done' | 'cancel';
/** An order line in minor units of the counter's currency; `item_id` null: not on the menu. */
export interface OnlineOrderLine { product_id: number; item_id: string | null; name: string; quantity: number; price: number; total: number }
/** An order made on one of Nhanh's channels (website, Facebook…), to prepare and hand over. */
export interface OnlineOrder {
  id: number; stage: OnlineStage;
  /** Nhanh's own status code. */
  nhanh_status: number;
  channel: string | null;
  /** RFC 3339 (null: Nhanh did not say). */
  created_at: string | null; updated_at: string | null;
  customer: { name: string | null; mobile: string | null; address: string | null };
  lines: OnlineOrderLine[];
  total: number;
  note: string | null;
  /** The sale's id once rung up at the counter. */
  rung_sale: string | null;
  /** Lines whose product the counter's menu does not have: the order cannot be rung. */
  unknown_products: number;
}
/** The progress event of a Nhanh product sync (`Event::Progress`). */
export const NHANH_PRODUCTS_PROGRESS = 'nhanh-products';

export function isErrorDto(e: unknown): e is ErrorDto {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isErrorDto(e)) throw e;
    throw { code: 'err-internal', message: String(e) } satisfies ErrorDto;
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  setLocale: (tag: string) => call<AppInfo>('set_locale', { tag }),
  menu: () => call<MenuView>('menu_view'),
  search: (query: string) => call<string[]>('search', { query, limit: 120 }),
  cart: () => call<CartView>('cart_view'),
  cartAdd: (itemId: string, optionIds: string[], qty: number, note: string | null) => call<CartView>('cart_add', { itemId, optionIds, qty, note }),
  cartSetQty: (lineId: number, qty: number) => call<CartView>('cart_set_qty', { lineId, qty }),
  cartUpdateLine: (lineId: number, optionIds: string[], qty: number, note: string | null) => call<CartView>('cart_update_line', { lineId, optionIds, qty, note }),
  cartRemove: (lineId: number) => call<CartView>('cart_remove', { lineId }),
  cartClear: () => call<CartView>('cart_clear'),
  /** Puts the customer on the sale by mobile number (null: none); answers the cart. */
  cartCustomer: (mobile: string | null) => call<CartView>('cart_customer', { mobile }),
  cashPreview: (tendered: string) => call<CashPreview>('cash_preview', { tendered }),
  payCash: (tendered: string | null) => call<Closed>('pay_cash', { tendered }),
  receipt: (saleId: string) => call<Receipt>('receipt', { saleId }),
  printReceipt: (saleId: string) => call<PrintedReceipt>('print_receipt', { saleId }),
  salesToday: () => call<SalesDay>('sales_today'),
  /** `approverPin`: a manager's PIN typed at this screen; null only in setup. */
  voidSale: (saleId: string, reason: string, approverPin: string | null) => call<SalesDay>('void_sale', { saleId, reason, approverPin }),
  syncView: () => call<SyncView>('sync_view'),
  syncNow: () => call<SyncView>('sync_now'),
  menuStatus: () => call<MenuStatus>('menu_status'),
  payCard: (amount: string | null) => call<CardPaid>('pay_card', { amount }),
  /** The enabled and configured wallets; empty: no wallet button. */
  wallets: () => call<WalletView[]>('wallets'),
  /** What a code typed so far is (asked as it is typed, before sending). */
  walletCodeKind: (code: string) => call<WalletCodeKind>('wallet_code_kind', { code }),
  /** Runs a wallet payment until its outcome (up to the QR deadline): `code` the customer's
   *  scanned code (scan wallets), null for a QR wallet; `amount` null for all that is due. */
  payWallet: (wallet: string, code: string | null, amount: string | null) => call<WalletPaid>('pay_wallet', { wallet, code, amount }),
  /** The cashier stops waiting: the running `payWallet` rejects with err-wallet-gave-up. */
  walletGiveUp: () => call<null>('wallet_give_up'),
  customerDisplay: () => call<DisplayView>('customer_display'),
  /** True: a window was opened on a second screen; false: there is none. */
  openCustomerDisplay: () => call<boolean>('open_customer_display'),
  paymentView: () => call<PaymentView>('payment_view'),
  voucherCheck: (partner: Partner, code: string) => call<VoucherView>('voucher_check', { partner, code }),
  /** Puts the voucher on the payment; it is redeemed at the hub only when the sale closes. */
  voucherApply: (partner: Partner, code: string) => call<PaymentView>('voucher_apply', { partner, code }),
  voucherRemove: (partner: Partner, code: string) => call<PaymentView>('voucher_remove', { partner, code }),
  session: () => call<SessionView>('session'),
  signIn: (pin: string) => call<SessionView>('sign_in', { pin }),
  signOut: () => call<SessionView>('sign_out'),
  staffAdd: (name: string, role: Role, pin: string) => call<SessionView>('staff_add', { name, role, pin }),
  openPayments: () => call<OpenPayment[]>('open_payments'),
  resolvePayments: () => call<OpenPayment[]>('resolve_payments'),
  settlePayment: (key: string, charged: boolean, reason: string, approverPin: string | null) =>
    call<OpenPayment[]>('settle_payment', { key, charged, reason, approverPin }),
  /** A manager gives back a wallet payment that paid for nothing (its sale closed another way). */
  refundUnused: (key: string, approverPin: string | null) => call<OpenPayment[]>('refund_unused', { key, approverPin }),
  /** The day's wallet payments of open sales, each with what is left to refund. */
  refundablePayments: () => call<RefundablePayment[]>('refundable_payments'),
  /** A manager's partial refund of a wallet payment: `amount` a plain decimal ("20000",
   *  "12.5"); `approverPin` a manager's PIN typed at this screen, null only in setup. */
  refundPart: (key: string, amount: string, reason: string, approverPin: string | null) =>
    call<PartRefunded>('refund_part', { key, amount, reason, approverPin }),
  settingsView: () => call<SettingsView>('settings_view'),
  /** All or nothing: one bad value refuses the batch (a localized error naming the key). */
  settingsSave: (changes: SettingChange[]) => call<SettingsView>('settings_save', { changes }),
  /** Really calls the partner (may take seconds); a failed connection is a report, not an error. */
  connectionTest: (target: ConnectTarget) => call<ConnectTested>('connection_test', { target }),
  /** `date` "YYYY-MM-DD"; null for today (as everywhere below). */
  dayendTotals: (date: string | null) => call<DayTotals>('dayend_totals', { date }),
  /** Closes the terminal's batch and compares it per brand (takes seconds). */
  dayendTerminal: (date: string | null) => call<TerminalBatch>('dayend_terminal', { date }),
  /** With `content` (the bank file's text), imports it first; without, the day's recorded reconciliation. */
  dayendReconcile: (date: string | null, content: string | null = null, preset: string | null = null, fileName: string | null = null) =>
    call<BankReconciliation>('dayend_reconcile', { date, content, preset, fileName }),
  dayendSettle: (date: string | null, s: SettleRequest) =>
    call<BankReconciliation>('dayend_settle', { date, action: s.action, bankId: s.bankId, paymentId: s.paymentId, reason: s.reason }),
  /** The bank file mappings: the built-in ones (generic, viva), then the saved ones. */
  dayendPresets: () => call<string[]>('dayend_presets'),
  /** A first look at a new bank's file; `delimiter` (',' ';' 'tab' '|') and `hasHeader`
   *  override the guesses, null guesses. */
  dayendBankSample: (content: string, delimiter: string | null, hasHeader: boolean | null) =>
    call<FileSample>('dayend_bank_sample', { content, delimiter, hasHeader }),
  /** Reads the file with a mapping not saved yet and records nothing; a refusal names the line and column. */
  dayendPresetPreview: (content: string, preset: BankPreset) => call<BankPreview>('dayend_preset_preview', { content, preset }),
  /** Saves the mapping under `name`; answers the preset names after saving. */
  dayendPresetSave: (name: string, preset: BankPreset) => call<string[]>('dayend_preset_save', { name, preset }),
  dayendReport: (date: string | null) => call<ReportFiles>('dayend_report', { date }),
  /** `cashCounted` in major units as typed ("150000", "12.50"); null when not counted. */
  dayendClose: (date: string | null, cashCounted: string | null, reason: string | null) =>
    call<DayClose>('dayend_close', { date, cashCounted, reason }),
  /** The onboarding checklist, each step asked of Alipay now (takes seconds). */
  alipayStatus: () => call<AlipayStatus>('alipay_status'),
  /** Publishes the shop; a repeat answers the shop Alipay already has. */
  alipayStorePublish: () => call<AlipayShop>('alipay_store_publish'),
  /** Publishes the changed items (minutes for a large menu: progress arrives as events);
   *  `dryRun` only says what would be sent and what cannot be published. */
  alipayProductsPublish: (dryRun: boolean) => call<AlipayPublishReport>('alipay_products_publish', { dryRun }),
  alipayConfirm: (what: AlipayConfirmable) => call<AlipayConfirmation>('alipay_confirm', { what }),
  /** Sends the waiting order syncs now. */
  alipaySync: () => call<AlipaySyncReport>('alipay_sync'),
  nhanhStatus: () => call<NhanhStatus>('nhanh_status'),
  /** Exchanges the one-time access code the merchant brought back from Nhanh. */
  nhanhConnect: (accessCode: string) => call<NhanhStatus>('nhanh_connect', { accessCode }),
  /** Forgets the access; the history (sales sent, orders) is kept. */
  nhanhDisconnect: () => call<NhanhStatus>('nhanh_disconnect'),
  /** Reads Nhanh's products into the menu (minutes for a large shop: progress arrives as events). */
  nhanhSyncProducts: () => call<NhanhSyncReport>('nhanh_sync_products'),
  nhanhGuide: () => call<NhanhGuide>('nhanh_guide'),
  /** Opens the guide's `oauth_url` in the system's browser (the window cannot). */
  nhanhOpenOauth: () => call<null>('nhanh_open_oauth'),
  /** `all` false: the open orders (new, confirmed, preparing). */
  nhanhOrders: (all: boolean) => call<OnlineOrder[]>('nhanh_orders', { all }),
  nhanhOrderAct: (id: number, act: OrderAct) => call<OnlineOrder>('nhanh_order_act', { id, act }),
  /** Puts the order's lines in the cart (paid at pickup); answers the cart. */
  nhanhOrderRing: (id: number) => call<CartView>('nhanh_order_ring', { id }),
  /** Each printer with its waiting jobs and why they wait (issue 19). */
  printStatus: () => call<PrinterView[]>('print_status'),
  printersConfig: () => call<PrinterConfig[]>('printers_config'),
  sendToKitchen: () => call<number>('send_to_kitchen'),
  /** The latest print jobs, newest first. */
  printJobs: () => call<JobView[]>('print_jobs'),
  /** Sends an open job now, or prints a printed one again; answers the jobs. */
  printRetry: (job: number) => call<JobView[]>('print_retry', { job }),
  /** Sends an open job to another printer; answers the jobs. */
  printRedirect: (job: number, printer: string) => call<JobView[]>('print_redirect', { job, printer }),
  /** The sale's receipt again on the receipt printer; answers the job's id. */
  printReceiptCopy: (saleId: string) => call<number>('print_receipt_copy', { saleId }),
  /** A test page on `printer` (`receipt`, `kitchen.hot`); answers the job's id. */
  printTest: (printer: string) => call<number>('print_test', { printer }),
  /** Opens the cash drawer: `managerPin` a manager's PIN typed at the screen, null for the
   *  signed-in manager; the reason is audited. Answers the job's id. */
  drawerOpen: (reason: string, managerPin: string | null) => call<number>('drawer_open', { reason, managerPin }),
};
