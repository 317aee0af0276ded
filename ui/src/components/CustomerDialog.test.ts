// The sale's customer by mobile number (issue 16): the command the dialog calls (the
// backend mocked at Tauri's invoke), the dialog as first drawn (server-rendered) — the
// field, the touch pad, Save, Remove only when there is a customer, the backend's refusal
// under the field — and the cart panel's line and button, with the test ids the window
// tests use, and the layout in logical properties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { api, type CartView } from '../lib/api';
import { screen } from '../lib/state.svelte';
import CustomerDialog, { type Initial } from './CustomerDialog.svelte';
import Register from './Register.svelte';

const clean = (html: string) => html.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
const text = (html: string, testid: string) => new RegExp(`data-testid="${testid}"[^>]*>([^<]*)<`).exec(html)?.[1].trim();
const tag = (html: string, testid: string) => new RegExp(`<[a-z]+[^>]*data-testid="${testid}"[^>]*>`).exec(html)?.[0] ?? '';

const lan = { mobile: '0912345678', name: 'Nguyễn Thị Lan', address: null };
const money = (text: string, minor: number) => ({ minor, major: text, text });
const cart = (more: Partial<CartView> = {}): CartView => ({
  lines: [], item_count: 0, total: money('₫0', 0), vat: [], quick_cash: [], customer: null, online_order: null, ...more,
});

const dialog = (customer: CartView['customer'] = null, initial: Initial = {}) =>
  clean(render(CustomerDialog, { props: { customer, initial, onclose: () => {} } }).body);
const register = (c: CartView | null) => {
  screen.cart = c;
  return clean(render(Register, { props: {} }).body);
};

describe('cart_customer', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue(cart());
  });

  it('sends the number, or null to take the customer off', async () => {
    await api.cartCustomer('0912 345 678');
    await api.cartCustomer(null);
    expect(invoke.mock.calls).toEqual([
      ['cart_customer', { mobile: '0912 345 678' }],
      ['cart_customer', { mobile: null }],
    ]);
  });

  it('passes the backend’s refusal on as it came', async () => {
    const refusal = { code: 'err-nhanh-invalid-mobile', message: '“12345” is not a Vietnamese mobile number.' };
    invoke.mockRejectedValueOnce(refusal);
    const r = await screen.attempt(() => api.cartCustomer('12345'));
    expect(r).toEqual({ ok: false, error: refusal });
  });
});

describe('CustomerDialog', () => {
  it('asks for the number in a phone field that has the focus', () => {
    const html = dialog();
    expect(html).toMatch(/class="dialog[^"]*"[^>]*data-testid="cart-customer-dialog"/);
    expect(html).toContain('aria-labelledby="cart-customer-title"');
    expect(html).toContain('Customer\'s mobile number');
    const field = tag(html, 'cart-customer-mobile');
    expect(field).toContain('inputmode="tel"');
    expect(field).toContain('type="tel"');
    expect(field).toContain('autofocus');
    expect(field).toContain('placeholder="e.g. 0912 345 678"');
    expect(field).toContain('value=""');
    expect(html).toContain('>Mobile number<');
  });

  it('offers Save (not on a blank field) and Cancel, and no Remove without a customer', () => {
    const html = dialog();
    expect(tag(html, 'cart-customer-save')).toContain('disabled');
    expect(text(html, 'cart-customer-save')).toBe('Save');
    expect(text(html, 'cart-customer-cancel')).toBe('Cancel');
    expect(html).not.toContain('data-testid="cart-customer-remove"');
  });

  it('starts on the customer’s number, with Remove', () => {
    const html = dialog(lan);
    expect(tag(html, 'cart-customer-mobile')).toContain('value="0912345678"');
    expect(tag(html, 'cart-customer-save')).not.toContain('disabled');
    expect(text(html, 'cart-customer-remove')).toBe('Remove customer');
    // Remove first: at the start of the row, apart from Save.
    expect(html.indexOf('cart-customer-remove')).toBeLessThan(html.indexOf('cart-customer-save'));
  });

  it('has a touch pad, left to right in every language', () => {
    const html = dialog();
    expect(html).toMatch(/class="pad ltr"[^>]*data-testid="cart-customer-pad"/);
    for (const k of ['0', '1', '9', 'back', 'clear']) expect(html, k).toContain(`data-testid="cart-customer-pad-${k}"`);
    expect(tag(html, 'cart-customer-pad-back')).toContain('aria-label="Delete the last digit"');
  });

  it('shows the backend’s refusal under the field, the field marked', () => {
    const message = '“12345” is not a Vietnamese mobile number (10 digits starting 03, 05, 07, 08 or 09). Correct the number.';
    const html = dialog(null, { typed: '12345', error: { code: 'err-nhanh-invalid-mobile', message } });
    const line = tag(html, 'cart-customer-error');
    expect(line).toContain('role="alert"');
    expect(line).toContain('data-code="err-nhanh-invalid-mobile"');
    expect(text(html, 'cart-customer-error')).toBe(message);
    expect(tag(html, 'cart-customer-mobile')).toContain('aria-describedby="cart-customer-error"');
    expect(tag(html, 'cart-customer-mobile')).toContain('aria-invalid="true"');
    // Under the field, above the pad and the buttons.
    const at = (id: string) => html.indexOf(`data-testid="${id}"`);
    expect(at('cart-customer-mobile')).toBeLessThan(at('cart-customer-error'));
    expect(at('cart-customer-error')).toBeLessThan(at('cart-customer-pad'));
    expect(at('cart-customer-pad')).toBeLessThan(at('cart-customer-save'));
  });

  it('disables everything while saving, and says so', () => {
    const html = dialog(lan, { typed: '0912345678', busy: true });
    for (const id of ['cart-customer-save', 'cart-customer-remove', 'cart-customer-cancel', 'cart-customer-pad-1']) {
      expect(tag(html, id), id).toContain('disabled');
    }
    expect(text(html, 'cart-customer-save')).toBe('Saving…');
  });
});

describe('the cart panel’s customer', () => {
  it('offers the Customer button on a sale without a customer', () => {
    const html = register(cart());
    expect(text(html, 'cart-customer-button')).toBe('Customer');
    expect(html).not.toContain('data-testid="cart-customer"');
  });

  it('shows the customer, name then number, with the button to change it', () => {
    const html = register(cart({ customer: lan }));
    expect(text(html, 'cart-customer')).toBe('Customer: \u2068Nguyễn Thị Lan\u2069 (\u20680912345678\u2069)');
    expect(tag(html, 'cart-customer')).toContain('dir="auto"');
    expect(text(html, 'cart-customer-button')).toBe('Change');
    expect(text(register(cart({ customer: { ...lan, name: null } })), 'cart-customer')).toBe('Customer: \u20680912345678\u2069');
  });

  it('offers no button on an online order (its customer is the order’s)', () => {
    const html = register(cart({ online_order: 881, customer: lan }));
    expect(html).toContain('data-testid="cart-online-order"');
    expect(html).not.toContain('data-testid="cart-customer-button"');
    expect(html).not.toContain('data-testid="cart-customer"');
  });

  it('offers nothing before the cart is read', () => {
    expect(register(null)).not.toContain('cart-customer');
  });

  it('writes its layout with logical properties (right to left works)', () => {
    for (const f of ['CustomerDialog.svelte', 'Register.svelte']) {
      const source = readFileSync(join(__dirname, f), 'utf8');
      const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];
      expect(css, f).not.toMatch(/(margin|padding|border|inset)-(left|right)|[^-](left|right)\s*:|text-align:\s*(left|right)|float:/);
    }
  });
});
