// The bank virtual POS (issue 17) on the window: the technician's definitions, the phone
// payment (MOTO) and the payment link, the day's log and the day-end comparison. The
// backend owns every rule (what a field must look like, what a card number is, void or
// refund, what matches); these are the calls and what arranges their answers for the
// screen. Card numbers, expiries and CVVs pass through `vposApi.moto` only: never stored
// here (see lib/vpos-card.svelte.ts, which holds them while typed and forgets them).
import { call } from './api';

/** Money as the backend formats it: minor units, the plain decimal, the text for people. */
export interface Money { minor: number; major?: string; text: string }

export type VposKind = 'nestpay' | 'garanti' | 'posnet';
/** `flag`: the command line's flag for it (`--client-id`). */
export interface KindField { name: string; secret: boolean; flag?: string }
/** A gateway family and the credential fields a definition of it needs, in order. */
export interface KindView { kind: VposKind | string; implemented: boolean; supports_link: boolean; fields: KindField[] }

export type VposMode = 'test' | 'production';
export type ThreeD = 'required' | 'optional';
/** A definition as the backend shows it: secrets masked ("********"), never their value. */
export interface DefinitionView {
  name: string; kind: VposKind | string; mode: VposMode; api_url: string; gate_url: string | null; currency: string;
  three_d: ThreeD; static_ip: string | null; fields: { name: string; value: string; secret: boolean }[];
  /** Payments can be taken through its kind (posnet: credentials only). */
  implemented: boolean; supports_link: boolean;
  created_at: string; updated_at: string;
}
/** A definition a cashier can take a payment with: by phone (`moto`: not when 3-D Secure
 *  is required) and by payment link (`link`: a kind with a hosted 3-D page and its gate). */
export interface VposChoice { name: string; kind: string; moto: boolean; link: boolean }
/** A definition to add (`original_name` null) or to change; a secret left empty keeps the old one. */
export interface DefinitionInput {
  original_name: string | null; name: string; kind: string; mode: VposMode; api_url: string; gate_url: string | null;
  currency: string; three_d: ThreeD; static_ip: string | null; fields: Record<string, string>;
}

export type PaymentState = 'pending' | 'sent' | 'approved' | 'declined' | 'unknown' | 'cancelled';
export type LogKind = 'sale' | 'void' | 'refund';
/** One virtual POS transaction (a payment, or the void or refund of one), as the log shows it. */
export interface VposPaymentView {
  key: string;
  /** Null only for an attempt that never got one. */
  order_id: string | null;
  definition: string; kind: LogKind | string;
  /** `moto`, `link`, `void`, `refund`. */
  channel: string;
  state: PaymentState; amount: Money;
  /** The bank's return code as given ("00", "51"). */
  code?: string | null;
  /** The bank's own error code ("CORE-2508", "ISO8583-51"). */
  error_code?: string | null;
  /** The outcome in the counter's language, with the code. */
  message: string;
  masked_pan?: string | null; brand?: string | null; auth_code?: string | null;
  reference: string; phone?: string | null; note?: string | null;
  taken_by?: string | null;
  /** RFC 3339. */
  at: string;
  sale_id?: string;
  /** It paid a sale rung at the counter (cancelled by voiding the sale), else a collection. */
  for_sale?: boolean;
  link?: string | null; md_status?: string | null;
  voided: boolean; refunded?: Money | null;
}
export type LogRow = VposPaymentView;

/** A phone payment: the card typed by the cashier. `amount` as typed (ignored with `use_sale`). */
export interface MotoRequest {
  name: string; amount: string | null; reference: string; phone: string | null; note: string | null; use_sale: boolean;
  number: string; expiry: string; cvv: string;
}
/** A payment link for the customer's own phone (3-D Secure hosted page). */
export interface LinkRequestIn { name: string; amount: string | null; reference: string; phone: string | null; note: string | null; use_sale: boolean }
/** `qr_svg` an SVG document drawn by the backend (trusted); `expires_at` RFC 3339. */
export interface LinkView { order_id: string; url: string; qr_svg: string; expires_at: string }

// ---- Day end: the bank's transactions compared with the counter's log by order id. -----
export type VposMatch =
  | 'matched' | 'different_amount' | 'missing_at_bank' | 'missing_at_counter' | 'entered_by_hand' | 'voided' | 'refunded'
  | 'cancel_differs';
/** The order statuses are shown in: what needs a look first, plain matches last. */
export const VPOS_MATCHES: readonly VposMatch[] = [
  'missing_at_counter', 'missing_at_bank', 'different_amount', 'cancel_differs', 'entered_by_hand', 'voided', 'refunded', 'matched',
];
/** What needs a manager's look (the rest agree, or were settled by hand). */
export const VPOS_PROBLEMS: ReadonlySet<string> = new Set(['missing_at_counter', 'missing_at_bank', 'different_amount', 'cancel_differs']);
export interface VposHand { reason: string; who: string }
export interface VposDayRow {
  order_id: string; status: VposMatch | string;
  /** What was authorized on each side, and what is left after voids and refunds. */
  counter_amount: Money | null; bank_amount: Money | null; counter_net: Money | null; bank_net: Money | null;
  /** RFC 3339. */
  at: string | null;
  auth_code: string | null;
  /** Entered by hand by a manager (a row missing at the counter). */
  hand: VposHand | null;
}
export interface VposDayTotals { counter_net: Money; bank_net: Money; difference: Money; matched: number; problems: number }
export interface VposDayView {
  name: string; kind: string;
  /** Where the bank's side came from: its report call, an imported file, or nothing yet. */
  source: 'report' | 'file' | 'none' | string;
  /** The gateway has a report call (fetched); else its exported file is imported. */
  has_report: boolean;
  rows: VposDayRow[];
  totals: VposDayTotals;
}
export interface VposSectionView { date: string; definitions: VposDayView[] }

export const vposApi = {
  definitions: () => call<DefinitionView[]>('vpos_definitions'),
  /** The definitions a cashier can take a payment with. */
  choices: () => call<VposChoice[]>('vpos_choices'),
  kinds: () => call<KindView[]>('vpos_kinds'),
  save: (input: DefinitionInput) => call<DefinitionView>('vpos_save', { input }),
  remove: (name: string) => call<null>('vpos_remove', { name }),
  /** The card travels in `req` and is not kept: the caller clears its fields at once. */
  moto: (req: MotoRequest) => call<VposPaymentView>('vpos_moto', { req }),
  linkStart: (req: LinkRequestIn) => call<LinkView>('vpos_link_start', { req }),
  linkStatus: (orderId: string) => call<VposPaymentView>('vpos_link_status', { orderId }),
  /** Stop waiting for the register sale's link (the bank is still asked in the background). */
  giveUp: () => call<null>('vpos_give_up'),
  /** The counter chooses void (batch open) or refund; the answer is the void or refund
   *  (its `channel` says which). */
  cancel: (orderId: string) => call<VposPaymentView>('vpos_cancel', { orderId }),
  /** Asks the bank about every order whose answer was lost. */
  resolve: () => call<VposPaymentView[]>('vpos_resolve'),
  /** `date` "YYYY-MM-DD"; null for today. */
  log: (date: string | null) => call<LogRow[]>('vpos_log', { date }),
  dayend: (date: string | null) => call<VposSectionView>('vpos_dayend', { date }),
  /** Asks the bank for its day report (a gateway with a report call) and compares again. */
  dayendFetch: (date: string | null, name: string) => call<VposDayView>('vpos_dayend_fetch', { date, name }),
  /** The bank's exported file for definition `name`, as text (the window reads the file
   *  the manager picked: a webview has no path to give); `preset` null for the built-in one. */
  dayendImport: (date: string | null, name: string, content: string, fileName: string) =>
    call<VposDayView>('vpos_dayend_import', { date, name, content, fileName, preset: null }),
  /** A transaction the bank has and the counter lacks, entered by hand with its reason. */
  dayendHand: (date: string | null, name: string, orderId: string, reason: string) =>
    call<VposDayView>('vpos_dayend_hand', { date, name, orderId, reason }),
};

// ---- The definitions form. -------------------------------------------------------------
/** What the definition form holds while edited. Secrets start empty (keep on edit). */
export interface DefinitionDraft {
  original_name: string | null; name: string; kind: string; mode: VposMode; api_url: string; gate_url: string;
  currency: string; three_d: ThreeD; static_ip: string; fields: Record<string, string>;
}

/** A new definition of `kind` (every field empty; the counter's currency). */
export function newDraft(kind: KindView, currency: string): DefinitionDraft {
  return {
    original_name: null, name: '', kind: kind.kind, mode: 'test', api_url: '', gate_url: '', currency,
    three_d: 'optional', static_ip: '', fields: Object.fromEntries(kind.fields.map((f) => [f.name, ''])),
  };
}

/** The form of an existing definition: its values, secrets empty (an empty secret keeps it). */
export function editDraft(d: DefinitionView): DefinitionDraft {
  return {
    original_name: d.name, name: d.name, kind: d.kind, mode: d.mode, api_url: d.api_url, gate_url: d.gate_url ?? '',
    currency: d.currency, three_d: d.three_d, static_ip: d.static_ip ?? '',
    fields: Object.fromEntries(d.fields.map((f) => [f.name, f.secret ? '' : f.value])),
  };
}

/** Another kind chosen on a new definition: its fields, keeping what was typed in a field
 *  both kinds have. */
export function switchKind(draft: DefinitionDraft, kind: KindView): DefinitionDraft {
  return { ...draft, kind: kind.kind, fields: Object.fromEntries(kind.fields.map((f) => [f.name, draft.fields[f.name] ?? ''])) };
}

/** What to send: text trimmed (secrets as typed), optional fields null when empty, only
 *  the kind's fields. */
export function definitionInput(draft: DefinitionDraft, kind: KindView): DefinitionInput {
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    original_name: draft.original_name, name: draft.name.trim(), kind: draft.kind, mode: draft.mode,
    api_url: draft.api_url.trim(), gate_url: opt(draft.gate_url), currency: draft.currency.trim().toUpperCase(),
    three_d: draft.three_d, static_ip: opt(draft.static_ip),
    fields: Object.fromEntries(kind.fields.map((f) => [f.name, f.secret ? (draft.fields[f.name] ?? '') : (draft.fields[f.name] ?? '').trim()])),
  };
}

/** The Fluent id of a credential field's label: client_id → vpos-ui-field-client-id. */
export function fieldId(name: string): string {
  return `vpos-ui-field-${name.replaceAll('_', '-')}`;
}

/** The fields that must be typed before saving: all of them on a new definition; on an
 *  edit the secrets may stay empty (kept). */
export function missingFields(draft: DefinitionDraft, kind: KindView): string[] {
  const base = (['name', 'api_url', 'currency'] as const).filter((k) => draft[k].trim() === '');
  const creds = kind.fields.filter((f) => (draft.fields[f.name] ?? '').trim() === '' && !(f.secret && draft.original_name !== null)).map((f) => f.name);
  return [...base, ...creds];
}

// ---- Payments and the log. -------------------------------------------------------------
/** A link's outcome is known: nothing more to wait for. */
export function isFinal(state: PaymentState): boolean {
  return state === 'approved' || state === 'declined' || state === 'cancelled';
}

/** The bank's answer was lost (or not yet given): "Ask the bank" is offered. */
export function isUnknown(row: VposPaymentView): boolean {
  return row.state === 'unknown' || row.state === 'sent';
}

/** An approved collection (a deposit, not a sale's payment) not voided nor refunded: a
 *  manager may cancel it (void or refund). A sale's payment goes back by voiding the sale. */
export function isCancellable(row: LogRow): boolean {
  return row.kind === 'sale' && row.state === 'approved' && !row.for_sale && !row.voided && !row.refunded && !!row.order_id;
}

/** What a cancel did, from its answer (the void or refund record). */
export function cancelledAs(p: VposPaymentView): 'void' | 'refund' | null {
  if (p.channel === 'void' || p.kind === 'void' || (p.kind === 'sale' && p.voided)) return 'void';
  if (p.channel === 'refund' || p.kind === 'refund' || (p.kind === 'sale' && !!p.refunded)) return 'refund';
  return null;
}

/** The status-bar line for a payment's outcome: approved with its auth code and the
 *  masked number, or the bank's reason (it carries the code). */
export function outcomeArgs(p: VposPaymentView): { id: string; args: Record<string, string> } {
  if (p.state === 'approved') {
    return { id: 'vpos-ui-pay-approved', args: { amount: p.amount.text, auth: p.auth_code ?? '—', card: p.masked_pan ?? '—' } };
  }
  // The bank's reason arrives worded with its code ("Insufficient funds (51)"); the code
  // is added when it does not.
  if (p.state === 'declined') {
    return p.code && !p.message.includes(p.code)
      ? { id: 'vpos-ui-pay-declined-code', args: { message: p.message, code: p.code } }
      : { id: 'vpos-ui-pay-declined', args: { message: p.message } };
  }
  return { id: 'vpos-ui-pay-unknown', args: { message: p.message } };
}

/** The sale's cart paid by phone: the amount is what is due (the backend's figure). */
export function dueText(due: { text: string } | null | undefined, total: { text: string } | null | undefined): string | null {
  return due?.text ?? total?.text ?? null;
}

// ---- Day end. --------------------------------------------------------------------------
/** The Fluent id of a comparison status: missing_at_counter → vpos-ui-day-missing-at-counter. */
export function matchId(m: string): string {
  return `vpos-ui-day-${m.replaceAll('_', '-')}`;
}

/** The rows in the order a manager looks at them (missing first, matched last), each
 *  status's rows as the backend listed them. */
export function sortedRows(rows: readonly VposDayRow[]): VposDayRow[] {
  const rank = (s: string) => {
    const i = (VPOS_MATCHES as readonly string[]).indexOf(s);
    return i < 0 ? VPOS_MATCHES.length : i;
  };
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.status) - rank(b.r.status) || a.i - b.i).map((x) => x.r);
}

/** A row the bank has and the counter lacks, not yet entered by hand. */
export function canEnterByHand(row: VposDayRow): boolean {
  return row.status === 'missing_at_counter' && !row.hand;
}

/** The section with one definition's comparison replaced by a newer one. */
export function withDay(view: VposSectionView, day: VposDayView): VposSectionView {
  const known = view.definitions.some((d) => d.name === day.name);
  return { ...view, definitions: known ? view.definitions.map((d) => (d.name === day.name ? day : d)) : [...view.definitions, day] };
}
