// The technician's Nhanh.vn screen: the commands it calls (the backend mocked at Tauri's
// invoke) and the screen as first drawn (server-rendered): the numbered checklist with what
// is set, the links to copy, the access code, a product sync under way and its result, the
// status panel (expiry warning, missing permissions, webhook, last error) and Disconnect.
import { render } from 'svelte/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { api, type NhanhGuide, type NhanhStatus } from '../lib/api';
import NhanhConnect, { type Initial } from './NhanhConnect.svelte';

const draw = (initial: Initial = {}, onsettings?: () => void) =>
  render(NhanhConnect, { props: { initial, onsettings } }).body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
const text = (html: string, testid: string) => new RegExp(`data-testid="${testid}"[^>]*>([^<]*)<`).exec(html)?.[1].trim();

const blank: NhanhGuide = { oauth_url: null, redirect_url: null, webhook_url: null, app_id_set: false, secret_set: false, webhook_token_set: false };
const guide: NhanhGuide = {
  oauth_url: 'https://nhanh.vn/oauth?version=2.0&appId=4321&returnLink=https%3A%2F%2Fpos.example.vn%2Fnhanh%2Freturn',
  redirect_url: 'https://pos.example.vn/nhanh/return',
  webhook_url: 'https://pos.example.vn/nhanh/webhook',
  app_id_set: true, secret_set: true, webhook_token_set: false,
};
const disconnected: NhanhStatus = {
  connected: false, business_id: null, depot_id: null, depots: [], token_expires_at: null, days_left: null, token_warning: false,
  permissions: [], missing: [], last_product_sync: null, products: 0, skipped: [], pending_sales: 0, rejected_sales: 0, open_orders: 0,
  webhook: { listening: false, address: null, last_delivery_at: null, rejected: 0 }, last_error: null, syncing: false, menu_source: 'hub',
};
const connected: NhanhStatus = {
  ...disconnected,
  connected: true, business_id: '98765', depot_id: 12, depots: [12, 13], token_expires_at: '2026-12-20T00:00:00+07:00', days_left: 17, token_warning: true,
  permissions: ['product', 'order'], missing: [{ permission: 'customer', job: 'Customers are not matched by phone number.' }],
  last_product_sync: '2026-12-03T09:00:00+07:00', products: 41, pending_sales: 3, rejected_sales: 1, open_orders: 2,
  webhook: { listening: true, address: '0.0.0.0:8089', last_delivery_at: '2026-12-03T10:15:00+07:00', rejected: 2 },
  last_error: { code: 'err-nhanh-http', message: 'Nhanh.vn did not answer in time.' }, menu_source: 'nhanh',
};

describe('NhanhConnect calls', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue({});
  });

  it('names the window’s commands and their arguments', async () => {
    await api.nhanhStatus();
    await api.nhanhGuide();
    await api.nhanhConnect('code-123');
    await api.nhanhSyncProducts();
    await api.nhanhOpenOauth();
    await api.nhanhDisconnect();
    expect(invoke.mock.calls).toEqual([
      ['nhanh_status', undefined],
      ['nhanh_guide', undefined],
      ['nhanh_connect', { accessCode: 'code-123' }],
      ['nhanh_sync_products', undefined],
      ['nhanh_open_oauth', undefined],
      ['nhanh_disconnect', undefined],
    ]);
  });

  it('passes the backend’s refusal on as it is', async () => {
    const refusal = { code: 'err-nhanh-other-business', message: 'Another business is already connected to this counter.' };
    invoke.mockRejectedValue(refusal);
    expect(await api.nhanhConnect('x').then(() => null, (e: unknown) => e)).toEqual(refusal);
  });
});

describe('NhanhConnect', () => {
  it('draws the seven steps, numbered, each ✗ on a counter with nothing set', () => {
    const html = draw({ status: disconnected, guide: blank });
    expect(html).toContain('data-testid="nhanh-connect"');
    const steps = [...html.matchAll(/<li data-step="([a-z]+)">/g)].map((m) => m[1]);
    expect(steps).toEqual(['app', 'redirect', 'keys', 'grant', 'code', 'webhook', 'sync']);
    expect(html).toMatch(/<ol class="steps"/);
    expect([...html.matchAll(/data-ok="(true|false)" data-testid="nhanh-step-/g)].every((m) => m[1] === 'false')).toBe(true);
    expect(text(html, 'nhanh-redirect-url-missing')).toBe('Not known yet: fill in the Nhanh.vn settings first.');
    expect(text(html, 'nhanh-oauth-url-missing')).toBe('The link is ready once the App ID and the redirect URL are set.');
    expect(html).not.toContain('data-testid="nhanh-open-oauth"');
    expect(text(html, 'nhanh-app-id-set')).toBe('✗ App ID: not set');
    // Connect waits for a code; Sync for a connection; no Disconnect when not connected.
    expect(html).toMatch(/<button[^>]*disabled[^>]*data-testid="nhanh-connect"/);
    expect(html).toMatch(/<button[^>]*disabled[^>]*data-testid="nhanh-sync"/);
    expect(html).toContain('data-testid="nhanh-access-code"');
    expect(html).not.toContain('data-testid="nhanh-disconnect"');
    expect(text(html, 'nhanh-connected')).toBe('Not connected');
    expect(html).not.toContain('role="alert"');
  });

  it('shows the URLs to copy, what is set, the link to open and the settings button', () => {
    const html = draw({ status: disconnected, guide }, () => {});
    expect(text(html, 'nhanh-redirect-url')).toBe('https://pos.example.vn/nhanh/return');
    expect(text(html, 'nhanh-webhook-url')).toBe('https://pos.example.vn/nhanh/webhook');
    expect(text(html, 'nhanh-oauth-url')).toBe(guide.oauth_url!.replaceAll('&', '&amp;'));
    for (const id of ['nhanh-copy-redirect', 'nhanh-copy-webhook', 'nhanh-copy-oauth', 'nhanh-open-oauth', 'nhanh-open-settings']) expect(html, id).toContain(`data-testid="${id}"`);
    expect(text(html, 'nhanh-app-id-set')).toBe('✓ App ID: set');
    expect(text(html, 'nhanh-secret-set')).toBe('✓ Secret Key: set');
    expect(text(html, 'nhanh-webhook-token-set')).toBe('✗ Verify token: not set');
    expect(html).toMatch(/data-ok="true" data-testid="nhanh-step-keys"/);
    expect(html).toMatch(/data-ok="false" data-testid="nhanh-step-webhook"/);
    // Without a way to the settings (tests, setup), no button.
    expect(draw({ status: disconnected, guide })).not.toContain('data-testid="nhanh-open-settings"');
  });

  it('shows a refused connection in place', () => {
    const html = draw({ status: disconnected, guide, errors: { connect: 'Another business is already connected to this counter.' } });
    expect(text(html, 'nhanh-connect-error')).toBe('Another business is already connected to this counter.');
  });

  it('shows the status: business, depots, expiry warning, counts, webhook, permissions, last error', () => {
    const html = draw({ status: connected, guide });
    expect(html).toMatch(/data-testid="nhanh-status" data-connected="true"/);
    expect(text(html, 'nhanh-connected')).toBe('Connected');
    expect(text(html, 'nhanh-business')).toBe('98765');
    expect(html).toContain('(depots: \u206812, 13\u2069)');
    expect(html).toMatch(/data-state="expiring" data-testid="nhanh-token" class="\s*warning"/);
    expect(text(html, 'nhanh-token')).toBe('Expires in \u206817\u2069 days (\u206812/20/2026 00:00\u2069): the merchant must grant access again before then.');
    expect(text(html, 'nhanh-products')).toBe('\u206841\u2069 products, last synced: \u206812/03/2026 09:00\u2069');
    expect(text(html, 'nhanh-pending-sales')).toBe('\u20683\u2069 waiting to be sent');
    expect(text(html, 'nhanh-rejected-sales')).toBe('\u20681\u2069 refused by Nhanh.vn');
    expect(text(html, 'nhanh-open-orders')).toBe('\u20682\u2069 open');
    expect(html).toMatch(/data-testid="nhanh-webhook" data-listening="true" data-state="listening"/);
    expect(text(html, 'nhanh-webhook-state')).toBe('Listening');
    expect(html).toContain('Last delivery: \u206812/03/2026 10:15\u2069');
    expect(html).toContain('\u20682\u2069 deliveries refused');
    expect(html).toMatch(/data-testid="nhanh-permissions"><li class="ltr">product<\/li><li class="ltr">order<\/li>/);
    expect(html).toContain('data-permission="customer"');
    expect(html).toContain('<li data-permission="customer">\u2068customer\u2069: \u2068Customers are not matched by phone number.\u2069</li>');
    expect(html).toMatch(/data-code="err-nhanh-http" data-testid="nhanh-last-error"/);
    expect(text(html, 'nhanh-last-error')).toBe('Last error: \u2068Nhanh.vn did not answer in time.\u2069');
    expect(html).toMatch(/<button class="danger"(?![^>]*disabled)[^>]*data-testid="nhanh-disconnect"/);
    expect(html).toMatch(/data-ok="true" data-testid="nhanh-step-grant"/);
  });

  it('tells a webhook that is off (polling) from one that is down, and a business on all depots', () => {
    const off = draw({ status: { ...connected, depot_id: null, webhook: { ...connected.webhook, listening: false, address: null } }, guide });
    expect(off).toMatch(/data-state="off"/);
    expect(text(off, 'nhanh-webhook-state')).toBe('Off: orders and products are polled');
    expect(off).toContain('All depots');
    const down = draw({ status: { ...connected, webhook: { ...connected.webhook, listening: false } }, guide });
    expect(down).toMatch(/data-state="down"/);
    expect(down).toMatch(/data-testid="nhanh-webhook-state" class="\s*bad"/);
  });

  it('says an expiry far off plainly, and an expired access as such', () => {
    const ok = draw({ status: { ...connected, days_left: 200, token_warning: false }, guide });
    expect(ok).toMatch(/data-state="ok" data-testid="nhanh-token"/);
    expect(ok).toMatch(/data-testid="nhanh-token"(?: class="\s*")?>/);
    const expired = draw({ status: { ...connected, days_left: 0, token_warning: true }, guide });
    expect(text(expired, 'nhanh-token')).toBe('Expired on \u206812/20/2026 00:00\u2069: the merchant must grant access again.');
  });

  it('shows a sync’s progress under its button and disables what would conflict', () => {
    const running = draw({ status: connected, guide, busy: 'sync', progress: { done: 120, total: 400 } });
    expect(running).toMatch(/class="progress" role="status" data-testid="nhanh-sync-progress"/);
    expect(running).toContain('Products: \u2068120\u2069 of \u2068400\u2069');
    expect(running).toMatch(/<progress max="400" value="120"><\/progress>/);
    expect(text(running, 'nhanh-sync')).toBe('Syncing…');
    for (const id of ['nhanh-sync', 'nhanh-connect', 'nhanh-disconnect', 'nhanh-open-oauth']) {
      expect(running, id).toMatch(new RegExp(`<button[^>]*disabled[^>]*data-testid="${id}"`));
    }
    expect(draw({ status: connected, guide, busy: 'sync' })).toContain('Reading products from Nhanh.vn…');
    // A sync the backend runs by itself counts too.
    expect(draw({ status: { ...connected, syncing: true }, guide })).toMatch(/<button[^>]*disabled[^>]*data-testid="nhanh-sync"/);
  });

  it('shows a sync’s result with each skipped product and why', () => {
    const html = draw({
      status: connected, guide,
      report: { items: 40, categories: 6, hidden: 2, sold_out: 1, skipped: [{ product_id: 5501, name: 'Combo gia đình', message: 'A combo cannot be sold at the counter.' }] },
    });
    expect(text(html, 'nhanh-sync-items')).toBe('\u206840\u2069 items on the menu');
    expect(text(html, 'nhanh-sync-categories')).toBe('\u20686\u2069 categories');
    expect(text(html, 'nhanh-sync-hidden')).toBe('\u20682\u2069 hidden');
    expect(text(html, 'nhanh-sync-sold-out')).toBe('\u20681\u2069 sold out');
    expect(text(html, 'nhanh-sync-skipped')).toBe('\u20681\u2069 product skipped');
    expect(html).toMatch(/role="region" aria-label="[^"]+" data-scrolls=""[^>]*data-testid="nhanh-sync-skipped-list"/);
    expect(html).toContain('data-product="5501"');
    expect(html).toContain('A combo cannot be sold at the counter.');
  });

  it('asks before disconnecting, saying the history is kept', () => {
    const html = draw({ status: connected, guide, confirming: true });
    expect(html).toMatch(/class="dialog[^"]*"[^>]*data-testid="nhanh-disconnect-dialog"/);
    expect(html).toContain('The history (sales sent, orders) is kept.');
    expect(html).toContain('data-testid="nhanh-disconnect-confirm"');
    expect(html).toContain('data-testid="nhanh-disconnect-cancel"');
  });
});
