// The phone payment screen as first drawn (server-rendered): the card inputs (empty, no
// autofill, numeric, no spell check), the order's fields, the sale's amount due, the day's
// log with who took each payment, Cancel for a manager only, "Ask the bank" when answers
// were lost, and the payment link's dialog. The card's life (emptied after every pay) is
// tested on lib/vpos-card in lib/vpos.test.ts.
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { screen } from '../lib/state.svelte';
import { choice, logRow } from '../lib/vpos-fixtures';
import PhonePayment, { type Initial } from './PhonePayment.svelte';
import type { CartView, PaymentView } from '../lib/api';

const draw = (initial: Initial) =>
  render(PhonePayment, { props: { initial, onback: () => {} } }).body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
const input = (html: string, testid: string) => new RegExp(`<input[^>]*data-testid="${testid}"[^>]*>`).exec(html)?.[0] ?? '';
const as = (role: 'cashier' | 'manager') => {
  const may = role === 'manager' ? ['ring-sale', 'view-sales', 'approve-void', 'approve-refund', 'settle-payment'] : ['ring-sale', 'view-sales'];
  screen.session = { setup: false, staff: { id: 'u1', name: 'Lan', role, may } };
};
const money = (minor: number, text: string) => ({ minor, major: '', text });

describe('PhonePayment', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue([]);
    as('cashier');
  });
  afterEach(() => {
    screen.session = null;
    screen.cart = null;
    screen.payment = null;
  });

  it('draws empty card inputs that nothing fills, remembers or checks the spelling of', () => {
    const html = draw({ choices: [choice], log: [] });
    expect(html).toContain('data-testid="phone-payment"');
    for (const id of ['phone-card-number', 'phone-card-expiry', 'phone-card-cvv']) {
      const tag = input(html, id);
      expect(tag, id).toContain('value=""');
      expect(tag, id).toContain('autocomplete="off"');
      expect(tag, id).toContain('inputmode="numeric"');
      expect(tag, id).toContain('spellcheck="false"');
    }
    expect(html).toMatch(/<form class="form" autocomplete="off"/);
    // Pay waits for an amount and the card.
    expect(html).toMatch(/<button type="submit" class="primary" disabled[^>]*data-testid="phone-pay"/);
    expect(html).toMatch(/<option value="Akbank"[^>]*>Akbank · NestPay \(EST\)<\/option>/);
  });

  it('takes an amount, a reference, the customer’s phone and a note when no sale is on the register', () => {
    const html = draw({ choices: [choice], log: [] });
    expect(html).toContain('data-testid="phone-amount"');
    expect(html).toMatch(/<button type="button" aria-pressed="false" disabled[^>]*data-testid="phone-use-sale"/);
    for (const id of ['phone-reference', 'phone-customer-phone', 'phone-note']) expect(html).toContain(`data-testid="${id}"`);
    expect(html).not.toContain('data-testid="phone-due"');
  });

  it('offers the sale on the register with its amount due', () => {
    screen.cart = { lines: [{ line_id: 1 }], item_count: 1, total: money(15000, '₺150.00'), vat: [], quick_cash: [] } as unknown as CartView;
    screen.payment = { total: money(15000, '₺150.00'), card_paid: money(0, '₺0.00'), vouchers: [], due: money(12550, '₺125.50') } as PaymentView;
    const html = draw({ choices: [choice], log: [] });
    expect(html).toMatch(/<p class="due field" data-testid="phone-due">.*₺125\.50/);
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="phone-use-sale"/);
    expect(html).not.toContain('data-testid="phone-amount"');
  });

  it('says a definition requiring 3-D Secure takes payment links only', () => {
    const html = draw({ choices: [{ ...choice, moto: false }], log: [] });
    expect(html).toContain('data-testid="phone-three-d-required"');
  });

  it('says when no virtual POS is defined', () => {
    const html = draw({ choices: [], log: [] });
    expect(html).toContain('data-testid="phone-no-definitions"');
    expect(html).toMatch(/<select disabled[^>]*data-testid="phone-definition"/);
  });

  it('lists the day’s payments with state, code, masked number and who; no Cancel for a cashier', () => {
    const html = draw({ choices: [choice], log: [logRow('approved'), logRow('declined', { order_id: 'o-2' })] });
    const rows = [...html.matchAll(/data-testid="phone-log-row" data-order="([^"]+)" data-state="([a-z]+)" data-kind="sale" data-code="(\d*)"/g)].map((m) => m.slice(1));
    expect(rows).toEqual([['0f1e2d3c4b5a69788796a5b4c3d2e1f0-1', 'approved', '00'], ['o-2', 'declined', '51']]);
    expect(html).toContain('450803******4509');
    expect(html).toMatch(/data-testid="phone-log-message">Insufficient funds \(51\)</);
    expect(html).toMatch(/data-testid="phone-log-who">Taken by \u2068Lan\u2069</);
    expect(html).not.toContain('data-testid="phone-log-cancel"');
    expect(html).not.toContain('data-testid="phone-resolve"');
  });

  it('gives a manager Cancel on an approved collection, and Ask the bank when an answer was lost', () => {
    as('manager');
    const log = [logRow('approved'), logRow('approved', { order_id: 'o-4', for_sale: true }), logRow('declined', { order_id: 'o-2' }), logRow('unknown', { order_id: 'o-3' })];
    const html = draw({ choices: [choice], log });
    expect([...html.matchAll(/data-testid="phone-log-cancel"/g)].length).toBe(1);
    expect(html).toMatch(/data-testid="phone-resolve">Ask the bank \(1 answer lost\)</);
  });

  it('asks before cancelling, saying void or refund is the counter’s choice', () => {
    as('manager');
    const html = draw({ choices: [choice], log: [logRow('approved')], cancelling: logRow('approved') });
    expect(html).toMatch(/role="dialog"[^>]*data-testid="phone-cancel-confirm"/);
    expect(html).toContain('voided if the bank');
  });

  it('shows a payment link as text and QR code, waiting for the customer', () => {
    const link = { order_id: 'o-9', url: 'http://127.0.0.1:9100/fim/page/tok123', qr_svg: '<svg xmlns="http://www.w3.org/2000/svg" data-qr="1"></svg>', expires_at: '2026-12-03T09:27:00Z' };
    const html = draw({ choices: [choice], log: [], link });
    expect(html).toMatch(/role="dialog"[^>]*data-testid="vpos-link-dialog"/);
    expect(html).toMatch(/<code class="url" dir="ltr" data-testid="vpos-link-url">http:\/\/127\.0\.0\.1:9100\/fim\/page\/tok123<\/code>/);
    expect(html).toContain('data-qr="1"');
    expect(html).toMatch(/data-state="pending" data-testid="vpos-link-progress"/);
    expect(html).toContain('Waiting for the customer to pay');
  });
});
