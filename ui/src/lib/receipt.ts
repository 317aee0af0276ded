// The receipt's rows as the dialog lays them out: a table of two columns, text on the
// start side and every amount in the one amount column on the end side (the VAT amount
// too, like the item, total and tender amounts), so digits stand under each other in
// every language. The store's name, the receipt's number, date and cashier, the rules
// and the thanks span both columns.
import type { ReceiptRow } from './api';

/** The kinds that take the whole width (centred or a rule), never an amount. */
const SPANNING: ReadonlySet<string> = new Set(['title', 'meta', 'rule', 'footer']);

export interface ReceiptLine {
  kind: string;
  text: string;
  /** In the amount column; null leaves the cell empty (a free option, a note). */
  amount: string | null;
  /** Whole width: no amount column on this row. */
  span: boolean;
}

export function receiptLayout(rows: readonly ReceiptRow[]): ReceiptLine[] {
  return rows.map((r) => {
    const span = SPANNING.has(r.kind) && !r.amount;
    return { kind: r.kind, text: r.text, amount: span ? null : (r.amount ?? null), span };
  });
}
