// The online orders' screen: the commands it calls (the backend mocked at Tauri's invoke)
// and the screen as first drawn (server-rendered) — tabs, rows, the buttons each stage
// offers, an order that cannot be rung up, the empty and error states — with the test ids
// the window tests use, and its layout in logical properties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { api, type OnlineOrder } from '../lib/api';
import OnlineOrders, { type Initial } from './OnlineOrders.svelte';

const draw = (initial: Initial = {}) =>
  render(OnlineOrders, { props: { initial } }).body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
const text = (html: string, testid: string) => new RegExp(`data-testid="${testid}"[^>]*>([^<]*)<`).exec(html)?.[1].trim();

const order = (id: number, stage: OnlineOrder['stage'], more: Partial<OnlineOrder> = {}): OnlineOrder => ({
  id, stage, nhanh_status: 42, channel: 'Facebook', created_at: '2026-12-03T10:05:00+07:00', updated_at: '2026-12-03T10:05:00+07:00',
  customer: { name: 'Nguyễn Thị Lan', mobile: '0912345678', address: '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội' },
  lines: [
    { product_id: 7, item_id: 'i-pho', name: 'Phở bò', quantity: 2, price: 50000, total: 100000 },
    { product_id: 8, item_id: 'i-tra', name: 'Trà đá', quantity: 1, price: 5000, total: 5000 },
  ],
  total: 105000, note: 'Ít hành', rung_sale: null, unknown_products: 0, ...more,
});

describe('OnlineOrders calls', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue({});
  });

  it('names the window’s commands and their arguments', async () => {
    await api.nhanhOrders(false);
    await api.nhanhOrders(true);
    await api.nhanhOrderAct(881, 'confirm');
    await api.nhanhOrderAct(881, 'cancel');
    await api.nhanhOrderRing(881);
    await api.nhanhStatus();
    expect(invoke.mock.calls).toEqual([
      ['nhanh_orders', { all: false }],
      ['nhanh_orders', { all: true }],
      ['nhanh_order_act', { id: 881, act: 'confirm' }],
      ['nhanh_order_act', { id: 881, act: 'cancel' }],
      ['nhanh_order_ring', { id: 881 }],
      ['nhanh_status', undefined],
    ]);
  });
});

describe('OnlineOrders', () => {
  it('draws the tabs and a loading line before the list arrives', () => {
    const html = draw();
    expect(html).toContain('data-testid="online-orders"');
    expect(html).toMatch(/role="tab" aria-selected="true"[^>]*data-testid="online-orders-open-tab"/);
    expect(html).toMatch(/role="tab" aria-selected="false"[^>]*data-testid="online-orders-all-tab"/);
    expect(html).toContain('data-testid="online-orders-loading"');
    expect(html).not.toContain('role="alert"');
  });

  it('says when there is nothing open, and nothing at all', () => {
    expect(text(draw({ orders: [] }), 'online-orders-empty')).toBe('No open online orders. New orders from Nhanh.vn appear here by themselves.');
    expect(text(draw({ tab: 'all', orders: [] }), 'online-orders-empty')).toBe('No online orders yet.');
    // Only closed orders: the open tab is empty.
    expect(draw({ orders: [order(1, 'handed_over')] })).toContain('data-testid="online-orders-empty"');
  });

  it('shows each order: number, time, channel, customer, lines, total, stage', () => {
    const html = draw({ orders: [order(881, 'new')] });
    expect(html).toMatch(/data-testid="online-order-881" data-stage="new"/);
    expect(html).toContain('#881');
    expect(html).toContain('12/03/2026 10:05');
    expect(html).toContain('<bdi>Facebook</bdi>');
    expect(html).toContain('Nguyễn Thị Lan');
    expect(html).toContain('0912345678');
    expect(html).toContain('12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội');
    expect(html).toContain('Phở bò');
    expect(html).toContain('\u20682\u2069 ×');
    expect(html).toContain('Note: \u2068Ít hành\u2069');
    expect(text(html, 'online-order-881-total')).toBe('₫105,000');
    expect(text(html, 'online-order-881-stage')).toBe('New');
    expect(text(html, 'online-orders-open-tab')).toBe('Open (\u20681\u2069)');
    expect(text(html, 'online-orders-group-new')).toBe('\u2068New\u2069 (\u20681\u2069)');
  });

  it('offers the buttons each stage allows, and Ring up', () => {
    const html = draw({ tab: 'all', orders: [order(1, 'new'), order(2, 'confirmed'), order(3, 'preparing'), order(4, 'handed_over'), order(5, 'cancelled')] });
    const ids = (id: number) => [...html.matchAll(new RegExp(`data-testid="online-order-${id}-(confirm|prepare|done|cancel|ring)"`, 'g'))].map((m) => m[1]);
    expect(ids(1)).toEqual(['confirm', 'cancel', 'ring']);
    expect(ids(2)).toEqual(['prepare', 'done', 'cancel', 'ring']);
    expect(ids(3)).toEqual(['done', 'cancel', 'ring']);
    expect(ids(4)).toEqual([]);
    expect(ids(5)).toEqual([]);
    expect(text(html, 'online-order-2-prepare')).toBe('Start preparing');
    expect(text(html, 'online-order-2-done')).toBe('Handed over');
    expect(text(html, 'online-order-2-cancel')).toBe('Cancel order');
    expect(text(html, 'online-order-2-ring')).toBe('Ring up');
  });

  it('warns of products not on the menu and does not ring such an order up', () => {
    const html = draw({ orders: [order(7, 'confirmed', { unknown_products: 1, lines: [{ product_id: 99, item_id: null, name: 'Bánh flan', quantity: 1, price: 15000, total: 15000 }] })] });
    expect(html).toMatch(/role="note" data-testid="online-order-7-unknown"/);
    expect(html).toContain('1\u2069 product is not on the menu');
    expect(html).toMatch(/<button[^>]*disabled[^>]*data-testid="online-order-7-ring"/);
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*data-testid="online-order-7-confirm|<button(?![^>]*disabled)[^>]*data-testid="online-order-7-prepare"/);
  });

  it('shows an order rung up already without Ring up', () => {
    const html = draw({ orders: [order(8, 'preparing', { rung_sale: 'sale-1' })] });
    expect(html).toContain('data-testid="online-order-8-rung"');
    expect(html).not.toContain('data-testid="online-order-8-ring"');
  });

  it('disables every act while one runs, and says it works', () => {
    const html = draw({ orders: [order(1, 'new'), order(2, 'confirmed')], busy: { id: 1, act: 'confirm' } });
    expect(text(html, 'online-order-1-confirm')).toBe('Working…');
    for (const id of ['online-order-2-prepare', 'online-order-2-ring', 'online-order-1-cancel']) {
      expect(html, id).toMatch(new RegExp(`<button[^>]*disabled[^>]*data-testid="${id}"`));
    }
  });

  it('shows the backend’s refusal on its error line', () => {
    const html = draw({ orders: [order(1, 'new')], error: 'This order was cancelled on Nhanh.vn.' });
    expect(html).toMatch(/role="alert"[^>]*data-testid="online-orders-error"/);
    expect(text(html, 'online-orders-error')).toBe('This order was cancelled on Nhanh.vn.');
  });

  it('asks before cancelling', () => {
    const o = order(12, 'confirmed');
    const html = draw({ orders: [o], cancelling: o });
    expect(html).toMatch(/class="dialog[^"]*"[^>]*data-testid="online-cancel-dialog"/);
    expect(html).toContain('Cancel order \u2068#12\u2069?');
    expect(html).toContain('data-testid="online-cancel-keep"');
    expect(html).toContain('data-testid="online-cancel-confirm"');
  });

  it('lists in a box marked to scroll', () => {
    expect(draw({ orders: [order(1, 'new')] })).toMatch(/data-scrolls=""[^>]*data-testid="online-orders-list"/);
  });

  it('writes its layout with logical properties (right to left works)', () => {
    for (const f of ['OnlineOrders.svelte', 'NhanhConnect.svelte', 'Register.svelte']) {
      const source = readFileSync(join(__dirname, f), 'utf8');
      const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];
      expect(css, f).not.toMatch(/(margin|padding|border)-(left|right)|[^-](left|right)\s*:|text-align:\s*(left|right)|float:/);
    }
  });
});
