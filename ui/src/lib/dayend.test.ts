import { describe, expect, it } from 'vitest';
import type { BankCategory, BankLineView, BankReconciliation, CounterPaymentView, MatchItem } from './api';
import {
  actionsFor, canSettle, cashDifference, categoryId, cleanAmount, groupByCategory, linkTargets,
  minorOf, rowOf, rowsOf, settleRequest, summaryCounts, tallyRows, type LineRow,
} from './dayend';
import { formatMoney, formatSigned, majorText } from './amount';

const match = { rule: null, matched_to: null, difference: null, candidates: [] as MatchItem[], note: null };
function bank(id: string, line: number, category: BankCategory, extra: Partial<BankLineView> = {}): BankLineView {
  return {
    ...match, id, import_id: 1, line, kind: 'sale', amount: 1000, amount_text: '10.00 €', currency: 'EUR',
    date_time: '2025-03-01T12:00:00+01:00', transaction_id: null, merchant_reference: null, order_code: null,
    terminal_id: null, scheme: 'Visa', masked_pan: null, auth_code: null, rrn: null, stan: null, category, ...extra,
  };
}
function pay(id: string, category: BankCategory, extra: Partial<CounterPaymentView> = {}): CounterPaymentView {
  return {
    ...match, id, kind: 'sale', amount: 1000, amount_text: '10.00 €', currency: 'EUR', at: '2025-03-01T12:00:00+01:00',
    brand: 'Visa', terminal_id: null, auth_code: null, rrn: null, stan: null, receipt_no: 'R1', provider_ref: null, category, ...extra,
  };
}
function rec(lines: BankLineView[], payments: CounterPaymentView[]): BankReconciliation {
  return {
    date: '2025-03-01', imports: [], settlements: 0, bank_lines: lines, counter_payments: payments,
    summary: { counts: { matched: 2, ambiguous: 1 }, totals: [], declined_ignored: 0 },
  };
}
const all = { reconcile: true, manualEntry: true };

describe('reconciliation rows', () => {
  const r = rec(
    [bank('b1', 2, 'matched'), bank('b2', 3, 'missing_at_counter'), bank('b2', 4, 'duplicate'), bank('b3', 5, 'fee_or_chargeback', { kind: 'fee' })],
    [pay('p1', 'matched'), pay('p2', 'missing_at_bank'), pay('p3', 'ambiguous')],
  );
  const rows = rowsOf(r);

  it('lists bank lines then counter payments with unique keys', () => {
    expect(rows.map((x) => `${x.side}:${x.id}`)).toEqual(['bank:b1', 'bank:b2', 'bank:b2', 'bank:b3', 'counter:p1', 'counter:p2', 'counter:p3']);
    expect(new Set(rows.map((x) => x.key)).size).toBe(rows.length);
  });

  it('groups by category, what needs a look first, empty groups left out', () => {
    const groups = groupByCategory(rows);
    expect(groups.map((g) => g.category)).toEqual(['ambiguous', 'missing_at_counter', 'missing_at_bank', 'duplicate', 'fee_or_chargeback', 'matched']);
    expect(groups.at(-1)!.rows.map((x) => x.side)).toEqual(['bank', 'counter']);
    expect(groups.flatMap((g) => g.rows).length).toBe(rows.length);
  });

  it('keeps a category it does not know, after the known ones', () => {
    const odd = { ...rows[0], category: 'something_new' as BankCategory } as LineRow;
    expect(groupByCategory([odd, rows[1]]).map((g) => g.category)).toEqual(['missing_at_counter', 'something_new']);
  });

  it('counts every category, zero included', () => {
    const counts = summaryCounts(r);
    expect(counts).toHaveLength(9);
    expect(counts.find((c) => c.category === 'matched')!.count).toBe(2);
    expect(counts.find((c) => c.category === 'duplicate')!.count).toBe(0);
  });

  it('names the Fluent id of each category', () => {
    expect(categoryId('matched_with_difference')).toBe('dayend-cat-matched-with-difference');
    expect(categoryId('fee_or_chargeback')).toBe('dayend-cat-fee-or-chargeback');
  });

  it('finds the row an item names, by side, id and line', () => {
    expect(rowOf({ side: 'bank', id: 'b2', line: 4 }, rows)?.category).toBe('duplicate');
    expect(rowOf({ side: 'counter', id: 'p2' }, rows)?.category).toBe('missing_at_bank');
    expect(rowOf({ side: 'counter', id: 'b1' }, rows)).toBeUndefined();
  });
});

describe('settlement actions', () => {
  const row = (x: BankLineView | CounterPaymentView, side: 'bank' | 'counter'): LineRow =>
    side === 'bank'
      ? { side, key: x.id, id: x.id, category: x.category, line: x as BankLineView }
      : { side, key: x.id, id: x.id, category: x.category, payment: x as CounterPaymentView };

  it('offers nothing on matched lines, fees, or lines settled by hand', () => {
    expect(actionsFor(row(bank('a', 1, 'matched'), 'bank'), all)).toEqual([]);
    expect(actionsFor(row(bank('a', 1, 'matched_with_difference'), 'bank'), all)).toEqual([]);
    expect(actionsFor(row(bank('a', 1, 'fee_or_chargeback', { kind: 'chargeback' }), 'bank'), all)).toEqual([]);
    expect(actionsFor(row(pay('p', 'next_batch', { rule: 'manual' }), 'counter'), all)).toEqual([]);
  });

  it('offers nothing on a duplicate bank line, nor it as a link target', () => {
    const dup = bank('b2', 3, 'duplicate', { matched_to: { side: 'bank', line: 2, id: 'b1' } });
    expect(actionsFor(row(dup, 'bank'), all)).toEqual([]);
    const rows = rowsOf(rec([bank('b1', 2, 'missing_at_counter'), dup], [pay('p1', 'missing_at_bank')]));
    expect(linkTargets(rows[2], rows).map((x) => `${x.id}:${x.side === 'bank' ? x.line.line : ''}`)).toEqual(['b1:2']);
  });

  it('offers link and enter by hand on a bank line missing at the counter', () => {
    expect(actionsFor(row(bank('a', 1, 'missing_at_counter'), 'bank'), all)).toEqual(['link', 'enter']);
    expect(actionsFor(row(bank('a', 1, 'ambiguous'), 'bank'), all)).toEqual(['link']);
    expect(actionsFor(row(bank('a', 1, 'missing_at_counter'), 'bank'), { reconcile: true, manualEntry: false })).toEqual(['link']);
  });

  it('offers link and next batch on a counter payment missing at the bank', () => {
    expect(actionsFor(row(pay('p', 'missing_at_bank'), 'counter'), all)).toEqual(['link', 'next_batch']);
    expect(actionsFor(row(pay('p', 'next_batch'), 'counter'), all)).toEqual(['link']);
    expect(actionsFor(row(pay('p', 'missing_at_bank'), 'counter'), { reconcile: false, manualEntry: true })).toEqual([]);
  });

  it('links to open items of the other side, candidates first', () => {
    const r = rec(
      [bank('b1', 1, 'ambiguous', { candidates: [{ side: 'counter', id: 'p3' }] }), bank('b2', 2, 'matched')],
      [pay('p1', 'matched'), pay('p2', 'missing_at_bank'), pay('p3', 'ambiguous'), pay('p4', 'next_batch', { rule: 'manual' })],
    );
    const rows = rowsOf(r);
    expect(linkTargets(rows[0], rows).map((x) => x.id)).toEqual(['p3', 'p2']);
    expect(linkTargets(rows[3], rows).map((x) => x.id)).toEqual(['b1']);
  });

  it('builds the request for each action', () => {
    const b = row(bank('b1', 1, 'missing_at_counter'), 'bank');
    const p = row(pay('p1', 'missing_at_bank'), 'counter');
    expect(settleRequest('link', p, b, '  ')).toEqual({ action: 'link', bankId: 'b1', paymentId: 'p1', reason: null });
    expect(settleRequest('link', b, p, 'tip')).toEqual({ action: 'link', bankId: 'b1', paymentId: 'p1', reason: 'tip' });
    expect(settleRequest('next_batch', p, null, '')).toEqual({ action: 'next_batch', bankId: null, paymentId: 'p1', reason: null });
    expect(settleRequest('enter', b, null, ' outside ')).toEqual({ action: 'enter', bankId: 'b1', paymentId: null, reason: 'outside' });
  });

  it('needs the other side to link and a reason to enter by hand', () => {
    const b = row(bank('b1', 1, 'missing_at_counter'), 'bank');
    expect(canSettle('link', null, 'x')).toBe(false);
    expect(canSettle('link', b, '')).toBe(true);
    expect(canSettle('enter', null, ' ')).toBe(false);
    expect(canSettle('enter', null, 'taken outside')).toBe(true);
    expect(canSettle('next_batch', null, '')).toBe(true);
  });
});

describe('amounts', () => {
  it('writes minor units as exact major text', () => {
    expect(majorText(123456, 2)).toBe('1234.56');
    expect(majorText(-5, 2)).toBe('-0.05');
    expect(majorText(45000, 0)).toBe('45000');
    expect(majorText(1234, 3)).toBe('1.234');
  });

  it('formats money in the language, Latin digits in Arabic', () => {
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(45000, 'VND', 'vi')).toContain('45.000');
    expect(formatMoney(-250, 'EUR', 'el')).toContain('2,50');
    expect(formatMoney(150, 'EUR', 'ar')).toMatch(/1[.,٫]50/);
    expect(formatSigned(150, 'EUR', 'en')).toBe('+€1.50');
    expect(formatSigned(-150, 'EUR', 'en')).toBe('-€1.50');
    expect(formatSigned(0, 'EUR', 'en')).toBe('€0.00');
  });

  it('keeps digits and one decimal point in the cash field', () => {
    expect(cleanAmount('12,345', 2)).toBe('12.34');
    expect(cleanAmount('1a2.5.6', 2)).toBe('12.56');
    expect(cleanAmount('.5', 2)).toBe('0.5');
    expect(cleanAmount('45.000', 0)).toBe('45000');
    expect(cleanAmount('', 2)).toBe('');
  });

  it('reads typed text as minor units, or null', () => {
    expect(minorOf('12.5', 2)).toBe(1250);
    expect(minorOf('12.', 2)).toBe(1200);
    expect(minorOf('45000', 0)).toBe(45000);
    expect(minorOf('1.234', 2)).toBeNull();
    expect(minorOf('', 2)).toBeNull();
    expect(minorOf('abc', 2)).toBeNull();
  });

  it('works out the cash difference while typing', () => {
    expect(cashDifference('100.00', 10000, 2)).toBe(0);
    expect(cashDifference('99.5', 10000, 2)).toBe(-50);
    expect(cashDifference('', 10000, 2)).toBeNull();
  });

  it('sorts tally maps by key', () => {
    expect(tallyRows({ visa: 1, amex: 2 }).map(([k]) => k)).toEqual(['amex', 'visa']);
  });
});
