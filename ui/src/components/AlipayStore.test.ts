// The technician's Alipay smart-store screen: the calls it makes (the backend mocked at
// Tauri's invoke), and the screen as first drawn (server-rendered) for the checklist, the
// product report, a publish under way, the confirmations and the order syncs — with the
// test ids the window tests use, every string from the locales.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { api, type AlipayPublishReport, type AlipayStatus } from '../lib/api';
import { format } from '../lib/fluent';
import AlipayStore, { type Initial } from './AlipayStore.svelte';

/** The screen as first drawn, without Svelte's hydration comments and scoping classes. */
const draw = (initial: Initial = {}) =>
  render(AlipayStore, { props: { initial } }).body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
/** The text of the element with `testid` (no nested elements). */
const text = (html: string, testid: string) =>
  new RegExp(`data-testid="${testid}"[^>]*>([^<]*)<`).exec(html)?.[1].trim();

const unconfigured: AlipayStatus = {
  steps: [
    { id: 'keys', ok: false, detail: 'The keys do not work yet: Alipay is not configured.' },
    { id: 'store', ok: false, detail: 'The shop is not published yet.' },
    { id: 'products', ok: false, detail: '0 of 12 products are published as they are on the menu.' },
    { id: 'trade_switch', ok: true, detail: 'Confirmed in the merchant portal by Tuấn at 2026-03-02T09:15:00+08:00.' },
    { id: 'coupons', ok: false, detail: 'Set up the coupons in Alipay’s merchant portal, then confirm it here.' },
    { id: 'test_payment', ok: false, detail: 'Payments taken with Alipay so far: 0.' },
  ],
  ready: false,
  pending_syncs: 3,
};

const preview: AlipayPublishReport = {
  sent: ['i-phobo', 'i-banhmi'],
  unchanged: 4,
  not_publishable: [
    { item_id: 'i-tea', name: 'Tea', reason: 'No SKU: Alipay needs the merchant’s SKU code. Add one on the menu.' },
    { item_id: 'i-x', name: 'X', reason: 'The name “X” must have 3 to 60 characters for Alipay.' },
  ],
  refused: [],
  dry_run: true,
};

describe('AlipayStore calls', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue({});
  });

  it('names the window’s commands and their arguments', async () => {
    await api.alipayStatus();
    await api.alipayStorePublish();
    await api.alipayProductsPublish(true);
    await api.alipayProductsPublish(false);
    await api.alipayConfirm('trade_switch');
    await api.alipayConfirm('coupons');
    await api.alipaySync();
    expect(invoke.mock.calls).toEqual([
      ['alipay_status', undefined],
      ['alipay_store_publish', undefined],
      ['alipay_products_publish', { dryRun: true }],
      ['alipay_products_publish', { dryRun: false }],
      ['alipay_confirm', { what: 'trade_switch' }],
      ['alipay_confirm', { what: 'coupons' }],
      ['alipay_sync', undefined],
    ]);
  });

  it('passes the backend’s refusal on as it is', async () => {
    const refusal = { code: 'err-auth-not-allowed', message: 'A cashier may not do this.' };
    invoke.mockRejectedValue(refusal);
    const got = await api.alipayStatus().then(() => null, (e: unknown) => e);
    expect(got).toEqual(refusal);
  });
});

describe('AlipayStore', () => {
  it('draws without a checklist yet: the buttons, no error page', () => {
    const html = draw();
    expect(html).toContain('data-testid="alipay-store"');
    expect(text(html, 'alipay-check')).toBe('Check again');
    for (const id of ['alipay-shop-publish', 'alipay-products-preview', 'alipay-products-publish', 'alipay-confirm-trade_switch', 'alipay-confirm-coupons', 'alipay-sync']) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('data-testid="alipay-report"');
    expect(html).not.toContain('data-testid="alipay-products-progress"');
  });

  it('shows each step ✓/✗ with its name and the backend’s detail, and what is left', () => {
    const html = draw({ status: unconfigured });
    const steps = [...html.matchAll(/<li[^>]*data-step="([a-z_]+)"[^>]*data-ok="(true|false)"/g)].map((m) => [m[1], m[2]]);
    expect(steps).toEqual([['keys', 'false'], ['store', 'false'], ['products', 'false'], ['trade_switch', 'true'], ['coupons', 'false'], ['test_payment', 'false']]);
    for (const name of ['Keys', 'Shop', 'Products', 'Trade switch', 'Coupons', 'Test payment']) expect(html).toContain(`<strong>${name}</strong>`);
    expect(html).toContain('The shop is not published yet.');
    expect(html).toMatch(/aria-label="Done"[^>]*>✓</);
    expect(html).toMatch(/aria-label="Still to do"[^>]*>✗</);
    expect(html).toMatch(/data-ready="false"/);
    expect(text(html, 'alipay-ready')).toBe('\u20685\u2069 of \u20686\u2069 steps still to do.');
    // The order syncs waiting, on their button.
    expect(text(html, 'alipay-sync')).toBe('Send order syncs now (\u20683\u2069 waiting)');
  });

  it('says when every step is done', () => {
    const html = draw({ status: { steps: unconfigured.steps.map((s) => ({ ...s, ok: true })), ready: true, pending_syncs: 0 } });
    expect(text(html, 'alipay-ready')).toBe('Ready: every step is done.');
  });

  it('shows the checklist’s error in place, with Check again', () => {
    const html = draw({ errors: { status: 'Alipay could not be asked: timed out' } });
    expect(text(html, 'alipay-status-error')).toBe('Alipay could not be asked: timed out');
    expect(html).toContain('data-testid="alipay-check"');
  });

  it('lists a preview: what would be sent, what cannot be published and why, in boxes that scroll', () => {
    const html = draw({ status: unconfigured, report: preview });
    expect(html).toContain('data-dry-run="true"');
    expect(text(html, 'alipay-report-preview')).toBe('Preview: nothing was sent.');
    expect(text(html, 'alipay-report-sent')).toBe('Would be sent: \u20682\u2069');
    expect(text(html, 'alipay-report-unchanged')).toBe('Unchanged since last published: \u20684\u2069');
    expect(html).not.toContain('data-testid="alipay-report-refused"');
    expect(html).toContain('No SKU: Alipay needs the merchant’s SKU code. Add one on the menu.');
    expect(html).toMatch(/data-item="i-tea"/);
    expect(html).toContain('<bdi>i-phobo</bdi>');
    for (const id of ['alipay-not-publishable', 'alipay-sent']) {
      expect(html).toMatch(new RegExp(`<div class="list[^"]*" role="region" aria-label="[^"]+" data-scrolls=""[^>]*data-testid="${id}"`));
    }
  });

  it('draws a long list in part and counts the rest', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `i-${i}`);
    const html = draw({ report: { ...preview, sent: many, not_publishable: [] } });
    expect(html.match(/<bdi>i-\d+<\/bdi>/g)?.length).toBe(500);
    expect(html).toContain('… and \u206819,500\u2069 more');
  });

  it('shows a publish’s progress under its buttons, and what Alipay refused', () => {
    const running = draw({ busy: 'publish', progress: { done: 1200, total: 20000 } });
    expect(running).toMatch(/class="progress[^"]*" role="status" data-testid="alipay-products-progress"/);
    expect(running).toContain('Sending products: \u20681,200\u2069 of \u206820,000\u2069');
    expect(running).toMatch(/<progress max="20000" value="1200"><\/progress>/);
    // One action at a time.
    expect(running).toMatch(/<button[^>]*disabled[^>]*data-testid="alipay-shop-publish"/);
    // Before the first item is sent: the menu is being read.
    expect(draw({ busy: 'publish' })).toContain('Reading the menu…');

    const done = draw({ report: { ...preview, dry_run: false, refused: [{ item_id: 'i-y', name: 'Bánh mì', reason: 'Alipay refused it: ITEM_INVALID' }] } });
    expect(done).toContain('data-dry-run="false"');
    expect(text(done, 'alipay-report-sent')).toBe('Sent: \u20682\u2069');
    expect(text(done, 'alipay-report-refused')).toBe('Refused by Alipay: \u20681\u2069');
    expect(done).toContain('Alipay refused it: ITEM_INVALID');
    expect(done).not.toContain('data-testid="alipay-products-progress"');
  });

  it('shows who confirmed and when, in the screen’s date style', () => {
    const html = draw({ confirmed: { coupons: { what: 'coupons', by: 'Tuấn', at: '2026-03-02T09:15:00.000+08:00' } } });
    expect(text(html, 'alipay-confirm-trade_switch')).toBe('Confirm: trade switch is on');
    expect(text(html, 'alipay-confirm-coupons')).toBe('Confirm: coupons are set up');
    expect(html).not.toContain('data-testid="alipay-confirmed-trade_switch"');
    expect(text(html, 'alipay-confirmed-coupons')).toBe('Confirmed by \u2068Tuấn\u2069 at \u206803/02/2026 09:15\u2069.');
  });

  it('shows the shop as Alipay has it, and the order syncs sent', () => {
    const html = draw({
      status: unconfigured,
      shop: { store_id: 'QUAY-01', order_id: 'ORD1', shop_id: null, status: '031', message: 'Shop QUAY-01 is under Alipay’s review (request ORD1).' },
      synced: { synced: 2, failed: 1, pending: 1 },
    });
    expect(text(html, 'alipay-shop-result')).toBe('Shop QUAY-01 is under Alipay’s review (request ORD1).');
    expect(text(html, 'alipay-sync-result')).toBe('Sent: \u20682\u2069. Failed: \u20681\u2069. Still waiting: \u20681\u2069.');
    // The checklist's count is on the button; without one yet, the sync's.
    expect(text(html, 'alipay-sync')).toBe('Send order syncs now (\u20683\u2069 waiting)');
    expect(text(draw({ synced: { synced: 2, failed: 1, pending: 1 } }), 'alipay-sync')).toBe('Send order syncs now (\u20681\u2069 waiting)');
  });

  it('takes every string from the locales, in every language', () => {
    const source = readFileSync(join(__dirname, 'AlipayStore.svelte'), 'utf8');
    const ids = new Set([...source.matchAll(/'(smartstore-[a-z-]+)'/g)].map((m) => m[1]));
    for (const s of ['keys', 'store', 'products', 'trade-switch', 'coupons', 'test-payment']) ids.add(`smartstore-step-${s}`);
    ids.add('smartstore-confirm-trade-switch').add('smartstore-confirm-coupons').add('smartstore-nav');
    expect(ids.size).toBeGreaterThan(30);
    const root = join(__dirname, '../../../locales');
    for (const lang of ['en', 'vi', 'ar', 'el', 'zh-CN']) {
      const ftl = readFileSync(join(root, lang, 'smartstore.ftl'), 'utf8');
      for (const id of ids) expect(ftl, `${lang}: ${id}`).toMatch(new RegExp(`^${id} = `, 'm'));
    }
    expect(format).toBeTypeOf('function');
  });

  it('writes its layout with logical properties (right to left works)', () => {
    const source = readFileSync(join(__dirname, 'AlipayStore.svelte'), 'utf8');
    const css = /<style>([\s\S]*)<\/style>/.exec(source)![1];
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)|[^-](left|right)\s*:|text-align:\s*(left|right)|float:/);
  });
});
