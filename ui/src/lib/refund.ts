// A manager's partial refund of a wallet payment, as the day's sales offer it: which
// payments of a sale may be refunded in part, and what keeps a typed amount from being
// sent. The backend checks everything again (err-refund-amount names what is left).
import type { RefundablePayment } from './api';
import { minorOf } from './dayend';

/** The payments of sale `saleId` with something left to refund, in the backend's order. */
export function refundablesOf(list: readonly RefundablePayment[], saleId: string): RefundablePayment[] {
  return list.filter((p) => p.sale_id === saleId && p.left.minor > 0);
}

/** A typed amount (plain decimal, as the field keeps it) in minor units, or null while
 *  nothing valid is typed ("12." counts as 12). */
export function refundMinor(plain: string, digits: number): number | null {
  return minorOf(plain.replace(/\.$/, ''), digits);
}

/** Why the amount cannot be sent, as a Fluent id, or null: nothing typed or nothing to
 *  give back (`refund-part-amount-missing`), more than is left (`refund-part-amount-too-much`). */
export function refundAmountProblem(plain: string, left: number, digits: number): string | null {
  const minor = refundMinor(plain, digits);
  if (minor === null || minor <= 0) return 'refund-part-amount-missing';
  if (minor > left) return 'refund-part-amount-too-much';
  return null;
}
