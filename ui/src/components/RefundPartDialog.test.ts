// The manager's partial refund of a wallet payment, from the day's sales: the call it
// makes (the backend mocked at Tauri's invoke), which payments a sale offers, what keeps an
// amount from being sent, and the dialog as first drawn (server-rendered) — empty, typed,
// refused and done — with the test ids the window tests use, every string from the locales.
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { api, type AppInfo, type PartRefunded, type RefundablePayment } from '../lib/api';
import type { Lang } from '../lib/fluent';
import { i18n } from '../lib/i18n.svelte';
import { refundAmountProblem, refundablesOf, refundMinor } from '../lib/refund';
import { screen } from '../lib/state.svelte';
import RefundPartDialog, { type Initial } from './RefundPartDialog.svelte';

const money = (minor: number, text: string) => ({ minor, major: String(minor), text });
const momo: RefundablePayment = {
  key: 'k-momo', sale_id: 's1', wallet: 'momo', label: 'MoMo', amount: money(50000, '₫50,000'), left: money(30000, '₫30,000'),
};
const info: AppInfo = { lang: 'en', dir: 'ltr', langs: [], counter_id: 'c1', currency: 'VND', decimals: 0, version: '0' };

/** The dialog as first drawn, without Svelte's hydration comments and scoping classes. */
const draw = (initial: Initial = {}, payment = momo) =>
  render(RefundPartDialog, { props: { payment, receipt: '0042', onclose: () => {}, ondone: () => {}, initial } })
    .body.replace(/<!--[^>]*-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '')
    // Fluent's isolation marks around each value.
    .replace(/[\u2068\u2069]/g, '');
/** The words shown: the markup without its tags (attributes hold test ids). */
const words = (html: string) => html.replace(/<[^>]*>/g, ' ');
/** The opening tag of the element with `testid`. */
const tag = (html: string, testid: string) => new RegExp(`<[a-z]+ [^>]*data-testid="${testid}"[^>]*>`).exec(html)?.[0];
/** The text of the element with `testid` (no nested elements). */
const text = (html: string, testid: string) => new RegExp(`data-testid="${testid}"[^>]*>([^<]*)<`).exec(html)?.[1].trim();

beforeEach(() => {
  invoke.mockReset();
  screen.info = info;
  screen.session = { setup: false, staff: { id: 'u1', name: 'Lan', role: 'cashier', may: ['view-sales'] } };
  i18n.lang = 'en';
});
afterEach(() => {
  screen.info = null;
  screen.session = null;
  i18n.lang = 'en';
});

describe('refund helpers', () => {
  it('offers the wallet payments of a sale with something left', () => {
    const spent = { ...momo, key: 'k-zalo', left: money(0, '₫0') };
    const other = { ...momo, key: 'k-other', sale_id: 's2' };
    expect(refundablesOf([momo, spent, other], 's1').map((p) => p.key)).toEqual(['k-momo']);
    expect(refundablesOf([momo, spent, other], 's3')).toEqual([]);
  });

  it('sends an amount above nothing and up to what is left', () => {
    expect(refundMinor('12.', 2)).toBe(1200);
    expect(refundMinor('12.345', 2)).toBeNull();
    expect(refundAmountProblem('', 30000, 0)).toBe('refund-part-amount-missing');
    expect(refundAmountProblem('0', 30000, 0)).toBe('refund-part-amount-missing');
    expect(refundAmountProblem('30000', 30000, 0)).toBeNull();
    expect(refundAmountProblem('30001', 30000, 0)).toBe('refund-part-amount-too-much');
    expect(refundAmountProblem('1.5', 200, 2)).toBeNull();
    expect(refundAmountProblem('2.01', 200, 2)).toBe('refund-part-amount-too-much');
  });
});

describe('api', () => {
  it('refunds with the amount as a plain decimal and the approver’s PIN', async () => {
    const done: PartRefunded = { key: 'r1', state: 'approved', amount: money(20000, '₫20,000'), label: 'MoMo', payments: [] };
    invoke.mockResolvedValueOnce(done);
    await expect(api.refundPart('k-momo', '20000', 'cold soup', '4321')).resolves.toEqual(done);
    expect(invoke).toHaveBeenCalledWith('refund_part', { key: 'k-momo', amount: '20000', reason: 'cold soup', approverPin: '4321' });
    invoke.mockResolvedValueOnce([momo]);
    await expect(api.refundablePayments()).resolves.toEqual([momo]);
    expect(invoke).toHaveBeenLastCalledWith('refundable_payments', undefined);
  });

  it('passes the backend’s localized refusal on', async () => {
    invoke.mockRejectedValueOnce({ code: 'err-refund-amount', message: '₫40,000 cannot be refunded: at most ₫30,000 of this payment is left.' });
    await expect(api.refundPart('k-momo', '40000', 'x', '4321')).rejects.toMatchObject({ code: 'err-refund-amount' });
  });
});

describe('RefundPartDialog', () => {
  it('asks for the amount, a reason and a manager’s PIN, with what was paid and what is left', () => {
    const html = draw();
    expect(tag(html, 'refund-part-dialog')).toContain('class="dialog wide"');
    expect(html).toContain('aria-labelledby="refund-part-title"');
    expect(html).toContain('Refund part of the MoMo payment, receipt 0042');
    expect(text(html, 'refund-part-paid')).toBe('₫50,000');
    expect(text(html, 'refund-part-left')).toBe('₫30,000');
    const amount = tag(html, 'refund-part-amount')!;
    expect(amount).toContain('inputmode="decimal"');
    expect(amount).toMatch(/class="[^"]*\bltr\b/);
    expect(amount).toContain('aria-describedby="refund-part-amount-hint"');
    expect(text(html, 'refund-part-amount-hint')).toBe('At most ₫30,000.');
    expect(tag(html, 'refund-part-reason')).toContain('dir="auto"');
    expect(html).toContain('data-testid="refund-part-approver-pad"');
    expect(tag(html, 'refund-part-confirm')).toContain('disabled');
    expect(text(html, 'refund-part-confirm')).toBe('Refund');
    expect(html).not.toContain('data-testid="refund-part-error"');
    expect(html).not.toContain('data-testid="refund-part-done"');
  });

  it('shows the typed amount grouped and names it on the button once all is there', () => {
    screen.session = { setup: true, staff: null };
    const html = draw({ typed: '20000', reason: 'cold soup' });
    // In setup there is no manager to ask: no PIN pad, the narrow dialog.
    expect(html).not.toContain('data-testid="refund-part-approver-pad"');
    expect(tag(html, 'refund-part-dialog')).toContain('class="dialog"');
    expect(tag(html, 'refund-part-amount')).toContain('value="20,000"');
    expect(tag(html, 'refund-part-confirm')).not.toContain('disabled');
    expect(text(html, 'refund-part-confirm')).toBe('Refund ₫20,000');
  });

  it('waits for the manager’s PIN and the reason', () => {
    expect(tag(draw({ typed: '20000', reason: 'cold soup' }), 'refund-part-confirm')).toContain('disabled');
    screen.session = { setup: true, staff: null };
    expect(tag(draw({ typed: '20000', reason: '  ' }), 'refund-part-confirm')).toContain('disabled');
  });

  it('refuses more than is left, saying how much is', () => {
    screen.session = { setup: true, staff: null };
    const html = draw({ typed: '40000', reason: 'cold soup' });
    expect(tag(html, 'refund-part-confirm')).toContain('disabled');
    expect(tag(html, 'refund-part-amount-hint')).toMatch(/class="hint bad"/);
    expect(text(html, 'refund-part-confirm')).toBe('Refund');
  });

  it('shows a refusal beside the buttons, not over them', () => {
    const message = 'Say why the money is given back.';
    const html = draw({ typed: '20000', failure: message });
    const actions = /<div class="actions">([\s\S]*?)<\/div><\/div><\/div>$/.exec(html)?.[1] ?? '';
    expect(text(actions, 'refund-part-error')).toBe(message);
    expect(tag(actions, 'refund-part-error')).toContain('role="alert"');
    expect(actions.indexOf('refund-part-error')).toBeLessThan(actions.indexOf('refund-part-confirm'));
  });

  it('shows the refund’s state once done, with only Close', () => {
    const done: PartRefunded = { key: 'r1', state: 'approved', amount: money(20000, '₫20,000'), label: 'MoMo', payments: [] };
    const html = draw({ done });
    expect(tag(html, 'refund-part-done')).toContain('data-state="approved"');
    expect(tag(html, 'refund-part-done')).toContain('role="status"');
    expect(text(html, 'refund-part-state')).toBe('Refund approved');
    expect(html).toContain('₫20,000 goes back to the customer through MoMo.');
    expect(html).toContain('data-testid="refund-part-close"');
    expect(html).not.toContain('data-testid="refund-part-confirm"');
    expect(html).not.toContain('data-testid="refund-part-amount"');
    expect(tag(html, 'refund-part-dialog')).toContain('class="dialog"');
  });

  it('draws every string from the locales in every language', () => {
    const done: PartRefunded = { key: 'r1', state: 'approved', amount: money(20000, '20.000 ₫'), label: 'MoMo', payments: [] };
    for (const lang of ['en', 'vi', 'ar', 'el', 'zh-CN'] as Lang[]) {
      i18n.lang = lang;
      if (lang !== 'en') expect(draw(), lang).not.toContain('Left to refund');
      for (const html of [draw({ typed: '40000', reason: 'x', failure: 'no' }), draw({ done })]) {
        // A message missing in a language would show its id (refund-part-paid, …).
        expect(words(html), lang).not.toMatch(/[a-z]+-[a-z]+-[a-z]+/);
      }
    }
  });
});
