// Nhanh.vn's screens' decisions, case by case: the buttons each stage offers, when an
// order can be rung up, the lists' order and grouping, the register's badge, the access's
// expiry, and every message the two screens use present in every language.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NhanhStatus, OnlineOrder, OnlineStage, OrderAct } from './api';
import { LANGS, buildBundles, format } from './fluent';
import {
  ACT_IDS, OPEN_STAGES, STAGES, actionsFor, badgeCount, canRing, cleanAccessCode, expiryMessage, groupByStage, isOpen,
  orderNumber, progressShare, replaceOrder, ringBlock, showsOnlineOrders, stageId, tokenState, visibleOrders, webhookState,
} from './online';

const order = (id: number, stage: OnlineStage, created_at: string, more: Partial<OnlineOrder> = {}): OnlineOrder => ({
  id, stage, nhanh_status: 42, channel: 'Facebook', created_at, updated_at: created_at,
  customer: { name: 'Lan', mobile: '0912345678', address: '12 Lý Thường Kiệt, Hà Nội' },
  lines: [{ product_id: 7, item_id: 'i-pho', name: 'Phở bò', quantity: 2, price: 50000, total: 100000 }],
  total: 100000, note: null, rung_sale: null, unknown_products: 0, ...more,
});

const status = (more: Partial<NhanhStatus> = {}): NhanhStatus => ({
  connected: true, business_id: '1234', depot_id: 5, depots: [5], token_expires_at: '2027-06-01T00:00:00+07:00',
  days_left: 180, token_warning: false, permissions: ['product', 'order'], missing: [], last_product_sync: null,
  products: 0, skipped: [], pending_sales: 0, rejected_sales: 0, open_orders: 0,
  webhook: { listening: true, address: '0.0.0.0:8089', last_delivery_at: null, rejected: 0 },
  last_error: null, syncing: false, menu_source: 'nhanh', ...more,
});

describe('the acts a stage offers', () => {
  const cases: [OnlineStage, OrderAct[]][] = [
    ['new', ['confirm', 'cancel']],
    ['confirmed', ['prepare', 'done', 'cancel']],
    ['preparing', ['done', 'cancel']],
    ['handed_over', []],
    ['cancelled', []],
    ['returned', []],
    ['other', []],
  ];
  it.each(cases)('%s → %j', (stage, acts) => {
    expect(actionsFor(stage)).toEqual(acts);
  });

  it('offers nothing for a stage it does not know', () => {
    expect(actionsFor('shipping')).toEqual([]);
  });

  it('cancels only what is open, and has a button name for every act', () => {
    for (const stage of STAGES) expect(actionsFor(stage).includes('cancel'), stage).toBe(isOpen(stage));
    expect(Object.keys(ACT_IDS).sort()).toEqual(['cancel', 'confirm', 'done', 'prepare']);
  });

  it('calls new, confirmed and preparing open', () => {
    expect(STAGES.filter(isOpen)).toEqual([...OPEN_STAGES]);
  });
});

describe('ringing an order up', () => {
  const cases: [string, Partial<OnlineOrder> & { stage: OnlineStage }, ReturnType<typeof ringBlock>][] = [
    ['a new order', { stage: 'new' }, null],
    ['a confirmed order', { stage: 'confirmed' }, null],
    ['an order being prepared', { stage: 'preparing' }, null],
    ['an order handed over', { stage: 'handed_over' }, 'stage'],
    ['an order with a product not on the menu', { stage: 'confirmed', unknown_products: 1 }, 'unknown-products'],
    ['unknown products, even rung', { stage: 'confirmed', unknown_products: 2, rung_sale: 's-1' }, 'unknown-products'],
    ['an order rung up already', { stage: 'preparing', rung_sale: 's-1' }, 'rung'],
    ['a cancelled order', { stage: 'cancelled' }, 'stage'],
    ['a returned order', { stage: 'returned' }, 'stage'],
    ['another stage', { stage: 'other' }, 'stage'],
  ];
  it.each(cases)('%s', (_, o, block) => {
    const full = order(1, o.stage, '2026-12-03T10:00:00+07:00', o);
    expect(ringBlock(full)).toBe(block);
    expect(canRing(full)).toBe(block === null);
  });
});

describe('the lists', () => {
  const orders = [
    order(5, 'preparing', '2026-12-03T09:00:00+07:00'),
    order(3, 'new', '2026-12-03T10:30:00+07:00'),
    order(4, 'handed_over', '2026-12-03T11:00:00+07:00'),
    order(1, 'new', '2026-12-03T10:00:00+07:00'),
    order(2, 'confirmed', '2026-12-03T10:05:00+07:00'),
    order(6, 'cancelled', '2026-12-03T08:00:00+07:00'),
    order(7, 'new', '2026-12-03T10:00:00+07:00'),
  ];

  it('shows the open ones by stage, new first, oldest first (ties by number)', () => {
    expect(visibleOrders(orders, 'open').map((o) => o.id)).toEqual([1, 7, 3, 2, 5]);
  });

  it('shows all of them newest first', () => {
    expect(visibleOrders(orders, 'all').map((o) => o.id)).toEqual([4, 3, 2, 7, 1, 5, 6]);
  });

  it('takes an order without a time as the oldest', () => {
    const a = order(1, 'new', '2026-12-03T10:00:00+07:00');
    const b = { ...order(2, 'new', ''), created_at: null };
    expect(visibleOrders([a, b], 'open').map((o) => o.id)).toEqual([2, 1]);
    expect(visibleOrders([b, a], 'all').map((o) => o.id)).toEqual([1, 2]);
  });

  it('compares instants, not text, across offsets', () => {
    const a = order(1, 'new', '2026-12-03T10:00:00+07:00'); // 03:00Z
    const b = order(2, 'new', '2026-12-03T04:00:00+00:00'); // 04:00Z
    expect(visibleOrders([b, a], 'open').map((o) => o.id)).toEqual([1, 2]);
  });

  it('groups the open ones by stage, leaving out empty stages', () => {
    expect(groupByStage(orders).map((g) => [g.stage, g.orders.map((o) => o.id)])).toEqual([
      ['new', [1, 7, 3]],
      ['confirmed', [2]],
      ['preparing', [5]],
    ]);
    expect(groupByStage([order(9, 'handed_over', '2026-12-03T10:00:00+07:00')])).toEqual([]);
  });

  it('does not change the list it is given', () => {
    const copy = orders.map((o) => o.id);
    visibleOrders(orders, 'all');
    visibleOrders(orders, 'open');
    expect(orders.map((o) => o.id)).toEqual(copy);
  });

  it('puts an acted-on order back where it was, or adds it', () => {
    const updated = { ...orders[1], stage: 'confirmed' as const };
    const next = replaceOrder(orders, updated);
    expect(next.map((o) => o.id)).toEqual(orders.map((o) => o.id));
    expect(next[1].stage).toBe('confirmed');
    expect(orders[1].stage).toBe('new');
    expect(replaceOrder(orders.slice(0, 2), order(8, 'new', '2026-12-03T12:00:00+07:00')).map((o) => o.id)).toEqual([5, 3, 8]);
  });
});

describe('the register’s entry', () => {
  const cases: [string, Partial<NhanhStatus> | null, boolean][] = [
    ['no status (no Nhanh, or not answered)', null, false],
    ['the hub’s menu, not connected', { connected: false, menu_source: 'hub' }, false],
    ['the hub’s menu, connected', { connected: true, menu_source: 'hub' }, true],
    ['Nhanh’s menu, disconnected meanwhile', { connected: false, menu_source: 'nhanh' }, true],
    ['Nhanh’s menu, connected', { connected: true, menu_source: 'nhanh' }, true],
  ];
  it.each(cases)('%s', (_, s, shown) => {
    expect(showsOnlineOrders(s ? status(s) : null)).toBe(shown);
  });

  it('counts the open orders: the list read last, else the status', () => {
    expect(badgeCount(null)).toBe(0);
    expect(badgeCount(status({ open_orders: 4 }))).toBe(4);
    expect(badgeCount(status({ open_orders: -1 }))).toBe(0);
    const list = [order(1, 'new', 'x'), order(2, 'preparing', 'x'), order(3, 'handed_over', 'x')];
    expect(badgeCount(status({ open_orders: 9 }), list)).toBe(2);
    expect(badgeCount(status({ open_orders: 9 }), [])).toBe(0);
  });
});

describe('the access’s expiry', () => {
  const cases: [string, Partial<NhanhStatus>, string, string | null, Record<string, string | number> | null][] = [
    ['not connected', { connected: false, days_left: null, token_expires_at: null }, 'none', null, null],
    ['connected, no expiry known', { days_left: null, token_expires_at: null }, 'none', null, null],
    ['half a year left', { days_left: 180, token_warning: false }, 'ok', 'nhanh-ui-token-ok', { days: 180, date: 'D' }],
    ['30 days left: warned', { days_left: 30, token_warning: true }, 'expiring', 'nhanh-ui-token-warning', { days: 30, date: 'D' }],
    ['one day left', { days_left: 1, token_warning: true }, 'expiring', 'nhanh-ui-token-warning', { days: 1, date: 'D' }],
    ['expired today', { days_left: 0, token_warning: true }, 'expired', 'nhanh-ui-token-expired', { date: 'D' }],
    ['expired long ago', { days_left: -12, token_warning: true }, 'expired', 'nhanh-ui-token-expired', { date: 'D' }],
  ];
  it.each(cases)('%s', (_, s, state, id, args) => {
    const full = status(s);
    expect(tokenState(full)).toBe(state);
    const m = expiryMessage(full, 'D');
    expect(m?.id ?? null).toBe(id);
    expect(m?.args ?? null).toEqual(args);
  });
});

describe('the webhook', () => {
  it.each([
    [{ listening: true, address: '0.0.0.0:8089' }, 'listening'],
    [{ listening: false, address: null }, 'off'],
    [{ listening: false, address: '0.0.0.0:8089' }, 'down'],
  ] as const)('%j → %s', (w, state) => {
    expect(webhookState(w)).toBe(state);
  });
});

describe('small things', () => {
  it('writes order numbers as digits, never grouped', () => {
    expect(orderNumber(123456789)).toBe('#123456789');
  });

  it('cleans a pasted access code', () => {
    expect(cleanAccessCode('  AbC-123_x\n')).toBe('AbC-123_x');
    expect(cleanAccessCode('\u200bcode\u00a0')).toBe('code');
    expect(cleanAccessCode(' \n ')).toBe('');
  });

  it('shares a sync’s progress, none before the first count', () => {
    expect(progressShare(null)).toBeNull();
    expect(progressShare({ done: 0, total: 0 })).toBeNull();
    expect(progressShare({ done: 50, total: 200 })).toBe(0.25);
    expect(progressShare({ done: 300, total: 200 })).toBe(1);
  });

  it('names each stage', () => {
    expect(STAGES.map(stageId)).toEqual([
      'online-stage-new', 'online-stage-confirmed', 'online-stage-preparing', 'online-stage-handed-over',
      'online-stage-cancelled', 'online-stage-returned', 'online-stage-other',
    ]);
    expect(stageId('shipping')).toBe('online-stage-other');
  });
});

describe('the screens’ messages', () => {
  const src = join(__dirname, '..');
  const sources = ['components/OnlineOrders.svelte', 'components/NhanhConnect.svelte', 'components/Register.svelte', 'components/TechnicianHome.svelte', 'components/CustomerDialog.svelte', 'App.svelte', 'lib/online.ts']
    .map((f) => readFileSync(join(src, f), 'utf8'))
    .join('\n');
  const ids = new Set([...sources.matchAll(/'((?:online|nhanh-ui)-[a-z-]+)'/g)].map((m) => m[1]).filter((id) => !id.endsWith('-')));
  for (const stage of STAGES) ids.add(stageId(stage));

  it('are all in online.ftl, in every language, and online.ftl holds nothing else', () => {
    expect(ids.size).toBeGreaterThan(100);
    const root = join(__dirname, '../../../locales');
    const en = readFileSync(join(root, 'en', 'online.ftl'), 'utf8');
    const defined = [...en.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]);
    expect(defined.filter((id) => !/^(online|nhanh-ui)-/.test(id))).toEqual([]);
    for (const lang of ['en', 'vi', 'ar', 'el', 'zh-CN']) {
      const ftl = readFileSync(join(root, lang, 'online.ftl'), 'utf8');
      for (const id of ids) expect(ftl, `${lang}: ${id}`).toMatch(new RegExp(`^${id} =`, 'm'));
      // Same messages in every language (compare-locales checks the same on `make test-locales`).
      expect([...ftl.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]).sort(), lang).toEqual([...defined].sort());
    }
  });

  it('collide with no other locale file', () => {
    const root = join(__dirname, '../../../locales/en');
    const online = new Set([...readFileSync(join(root, 'online.ftl'), 'utf8').matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]));
    for (const f of readdirSync(root).filter((n) => n.endsWith('.ftl') && n !== 'online.ftl')) {
      const other = [...readFileSync(join(root, f), 'utf8').matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]);
      expect(other.filter((id) => online.has(id)), f).toEqual([]);
    }
  });

  it('parse and format in every language, each count in each plural form, without errors', () => {
    const root = join(__dirname, '../../../locales');
    const files: Record<string, string> = {};
    for (const lang of LANGS) files[`../../../locales/${lang}/online.ftl`] = readFileSync(join(root, lang, 'online.ftl'), 'utf8');
    const bundles = buildBundles(files);
    const args = { count: 0, days: 0, done: 1, total: 2, quantity: 2, number: '#1', name: 'Lan', note: 'x', stage: 'New', act: 'confirm', date: 'D', when: 'W', list: '1, 2', source: 'nhanh', set: 'yes', state: 'off', listening: 'yes', permission: 'p', job: 'j', message: 'm', mobile: '0912345678' };
    for (const lang of LANGS) {
      const bundle = bundles.get(lang)!;
      const ids = [...(bundle as unknown as { _messages: Map<string, unknown> })._messages.keys()];
      // Nothing dropped as junk: every message written is parsed.
      const written = [...files[`../../../locales/${lang}/online.ftl`].matchAll(/^[a-z][a-z0-9-]* =/gm)].length;
      expect(ids.length, lang).toBe(written);
      for (const id of ids) {
        for (const n of [0, 1, 2, 3, 11, 100, 1000]) {
          const errors: Error[] = [];
          const message = bundle.getMessage(id)!;
          const text = bundle.formatPattern(message.value!, { ...args, count: n, days: n }, errors);
          expect(errors, `${lang}: ${id} (${n})`).toEqual([]);
          expect(text.length, `${lang}: ${id}`).toBeGreaterThan(0);
        }
      }
    }
    expect(format(bundles, 'vi', 'online-act-ring')).toBe('Tính tiền');
    expect(format(bundles, 'ar', 'online-orders-badge', { count: 2 })).toBe('طلبان مفتوحان عبر الإنترنت');
    expect(format(bundles, 'el', 'nhanh-ui-token-warning', { days: 1, date: 'D' })).toContain('1\u2069 ημέρα');
  });
});
