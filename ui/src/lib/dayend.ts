// Day-end screen helpers. The backend owns every rule (what matches, what may be settled,
// whether the day may close); these only arrange its answers for the screen and decide
// which buttons to offer — the backend refuses, localized, whatever it does not allow.
import {
  BANK_CATEGORIES, type BankCategory, type BankLineView, type BankReconciliation, type CounterPaymentView, type MatchItem,
  type SettleAction,
} from './api';
import { type Lang } from './fluent';
import { formatDateTime } from './datetime';

/** One row of the reconciliation table: a bank line or a counter payment. */
export type LineRow =
  | { side: 'bank'; key: string; id: string; category: BankCategory; line: BankLineView }
  | { side: 'counter'; key: string; id: string; category: BankCategory; payment: CounterPaymentView };

/** The order categories are shown in: what needs a look first, plain matches last. */
export const CATEGORY_ORDER: readonly BankCategory[] = [
  'ambiguous', 'missing_at_counter', 'missing_at_bank', 'refund_unmatched', 'duplicate',
  'matched_with_difference', 'next_batch', 'fee_or_chargeback', 'matched',
];

/** The Fluent id of a category's name (dayend.ftl): matched_with_difference → dayend-cat-matched-with-difference. */
export function categoryId(c: BankCategory): string {
  return `dayend-cat-${c.replaceAll('_', '-')}`;
}

/** Matched, with or without a difference: the backend refuses to settle these again. */
export function isSettled(c: BankCategory): boolean {
  return c === 'matched' || c === 'matched_with_difference';
}

/** Whether a row is one a manager should look at: neither plainly matched nor a fee. */
export function needsLook(r: LineRow): boolean {
  return r.category !== 'matched' && r.category !== 'fee_or_chargeback';
}

/** Every bank line, then every counter payment, as rows with keys unique on the page
 *  (duplicate bank lines may share an id: the line number and position tell them apart). */
export function rowsOf(rec: BankReconciliation): LineRow[] {
  const bank: LineRow[] = rec.bank_lines.map((line, i) => ({
    side: 'bank', key: `b:${line.import_id}:${line.line}:${i}`, id: line.id, category: line.category, line,
  }));
  const counter: LineRow[] = rec.counter_payments.map((payment, i) => ({
    side: 'counter', key: `c:${payment.id}:${i}`, id: payment.id, category: payment.category, payment,
  }));
  return [...bank, ...counter];
}

/** Rows grouped by category in `CATEGORY_ORDER`, empty groups left out; within a group,
 *  bank lines then counter payments, as the backend listed them. */
export function groupByCategory(rows: readonly LineRow[]): { category: BankCategory; rows: LineRow[] }[] {
  const known = new Set<string>(BANK_CATEGORIES);
  const order = [...CATEGORY_ORDER, ...new Set(rows.map((r) => r.category).filter((c) => !known.has(c)))];
  return order
    .map((category) => ({ category, rows: rows.filter((r) => r.category === category) }))
    .filter((g) => g.rows.length > 0);
}

/** The counts of the summary in `CATEGORY_ORDER`, zero included. */
export function summaryCounts(rec: BankReconciliation): { category: BankCategory; count: number }[] {
  return CATEGORY_ORDER.map((category) => ({ category, count: rec.summary.counts[category] ?? 0 }));
}

/** What the signed-in manager may do, as `may` says. */
export interface SettlePerms { reconcile: boolean; manualEntry: boolean }

/** A row still open for a settlement: not matched, not settled by hand already (a line is
 *  settled once), and on the bank side not a fee or chargeback, nor a duplicate (the bank
 *  listed a payment twice: counted once, for the manager to tell the bank, never settled). */
export function isOpen(r: LineRow): boolean {
  if (isSettled(r.category) || r.category === 'fee_or_chargeback' || r.category === 'duplicate') return false;
  if (r.side === 'bank') return r.line.rule !== 'manual' && r.line.kind !== 'fee' && r.line.kind !== 'chargeback';
  return r.payment.rule !== 'manual';
}

/** The settlements a row offers: Link (to an open item of the other side), Next batch (a
 *  counter payment not already expected there), Enter by hand (a bank line the counter
 *  does not have). */
export function actionsFor(r: LineRow, perms: SettlePerms): SettleAction[] {
  if (!isOpen(r)) return [];
  const out: SettleAction[] = [];
  if (perms.reconcile) out.push('link');
  if (r.side === 'counter' && perms.reconcile && r.category !== 'next_batch') out.push('next_batch');
  if (r.side === 'bank' && perms.manualEntry && (r.category === 'missing_at_counter' || r.category === 'refund_unmatched')) out.push('enter');
  return out;
}

/** Whether `item` names row `r`. */
export function isItem(r: LineRow, item: MatchItem): boolean {
  if (r.side !== item.side || r.id !== item.id) return false;
  return item.side === 'counter' || (r.side === 'bank' && r.line.line === item.line);
}

/** The open rows of the other side `r` could be linked to: its candidates first (on an
 *  ambiguous line), then the rest in the backend's order. */
export function linkTargets(r: LineRow, rows: readonly LineRow[]): LineRow[] {
  const other = rows.filter((o) => o.side !== r.side && isOpen(o));
  const cands = r.side === 'bank' ? r.line.candidates : r.payment.candidates;
  const isCand = (o: LineRow) => cands.some((c) => isItem(o, c));
  return [...other.filter(isCand), ...other.filter((o) => !isCand(o))];
}

/** The row an item names, if it is on the page. */
export function rowOf(item: MatchItem, rows: readonly LineRow[]): LineRow | undefined {
  return rows.find((r) => isItem(r, item));
}

/** The request for a settlement on `r` (with `other`, the row picked to link it to). */
export function settleRequest(action: SettleAction, r: LineRow, other: LineRow | null, reason: string) {
  const bank = r.side === 'bank' ? r : other?.side === 'bank' ? other : null;
  const counter = r.side === 'counter' ? r : other?.side === 'counter' ? other : null;
  const text = reason.trim();
  return {
    action,
    bankId: action === 'next_batch' ? null : (bank?.id ?? null),
    paymentId: action === 'enter' ? null : (counter?.id ?? null),
    reason: text ? text : null,
  };
}

/** Whether the settle dialog may be confirmed: a row to link to, a reason to enter by hand. */
export function canSettle(action: SettleAction, other: LineRow | null, reason: string): boolean {
  if (action === 'link') return !!other;
  if (action === 'enter') return !!reason.trim();
  return true;
}

/** An instant (RFC 3339) in `lang`'s one date-time style, as the backend prints it (see
 *  ./datetime); text that is not one is shown as it is. */
export function formatWhen(iso: string, lang: Lang, timeZone?: string): string {
  return formatDateTime(iso, lang, timeZone);
}

/** What the cash field keeps of what was typed: digits and one decimal point (a comma
 *  counts as one), at most `digits` decimals — the plain form the backend parses. */
export function cleanAmount(text: string, digits: number): string {
  let int = '';
  let frac = '';
  let dot = false;
  for (const ch of text.replace(/,/g, '.')) {
    if (ch >= '0' && ch <= '9') {
      if (!dot) int += ch;
      else if (frac.length < digits) frac += ch;
    } else if (ch === '.' && digits > 0) {
      dot = true;
    }
  }
  int = int.slice(0, 15);
  return dot ? `${int || '0'}.${frac}` : int;
}

/** The minor units of a plain decimal text ("12.5", 2 → 1250), or null when it is not
 *  one; only to show the difference while typing (the backend parses what is sent). */
export function minorOf(text: string, digits: number): number | null {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  const minor = Number(m[1] + frac.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Counted − expected, in minor units, or null while nothing (valid) is typed. */
export function cashDifference(counted: string, expected: number, digits: number): number | null {
  const c = minorOf(counted, digits);
  return c === null ? null : c - expected;
}

/** Tally maps (tenders, partners, brands) as rows, sorted by key. */
export function tallyRows<T>(map: Record<string, T>): [string, T][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
