// Voucher dialog helpers. The hub and the backend decide everything about a voucher
// (status, value, what it pays, whether it applies); these only present their answers.
import { PARTNERS, type Partner, type PaymentView, type VoucherView } from './api';
import { formatDateTime, localZone } from './datetime';
import type { Lang } from './fluent';

/** An RFC 3339 instant from the hub as a date and time in `lang`'s one date-time style, on
 *  the counter's clock (its zone unless `timeZone` is given); text that is not a date is
 *  shown as it came. */
export function formatExpiry(iso: string, lang: Lang, timeZone?: string): string {
  return formatDateTime(iso, lang, timeZone ?? localZone());
}

/** What was last checked: the partner and the code as typed. */
export interface Checked { partner: Partner; typed: string; view: VoucherView }

/** What Enter does in the code field: a scanner types the code then Enter, which checks it;
 *  Enter again on a check that says it pays on this sale applies it. Nothing while busy or
 *  with no code. */
export function enterAction(typed: string, partner: Partner, last: Checked | null, busy: boolean): 'check' | 'apply' | null {
  if (busy || !typed.trim()) return null;
  if (last && last.partner === partner && last.typed === typed && last.view.applies) return 'apply';
  return 'check';
}

/** The vouchers on the payment leave nothing due: the sale can close with no other tender. */
export function coveredByVouchers(p: PaymentView | null): boolean {
  return !!p && p.vouchers.length > 0 && p.due.minor === 0;
}

/** The payment differs from the cart total (a voucher or a card covers part): show what is due. */
export function showsDue(p: PaymentView | null): boolean {
  return !!p && (p.vouchers.length > 0 || p.card_paid.minor !== 0);
}

/** The voucher partners this counter offers: a counter in yuan takes Alipay merchant coupons
 *  when Alipay is one of its wallets (enabled and configured), and nothing else (the hub's
 *  partners are đồng); any other counter keeps MoMo and GiftPop. */
export function voucherPartners(currency: string | null | undefined, wallets: readonly { name: string }[]): Partner[] {
  if (currency?.toUpperCase() === 'CNY') return wallets.some((w) => w.name === 'alipay') ? ['alipay'] : [];
  return [...PARTNERS];
}
