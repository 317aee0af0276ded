// The day end's virtual POS section as first drawn (server-rendered): per definition where
// the bank's side came from, the file import where there is no report call, the counts and
// rows by order id (what needs a look first), the totals, and "Enter by hand" on a row
// missing at the counter for a manager who may.
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { screen } from '../lib/state.svelte';
import type { VposDayRow, VposSectionView } from '../lib/vpos';
import DayEndVpos, { type Initial } from './DayEndVpos.svelte';

const draw = (initial: Initial) =>
  render(DayEndVpos, { props: { date: '2026-12-03', initial } }).body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
const m = (minor: number) => ({ minor, major: (minor / 100).toFixed(2), text: `₺${(minor / 100).toFixed(2)}` });
const row = (order_id: string, status: VposDayRow['status'], counter: number | null, bank: number | null, more: Partial<VposDayRow> = {}): VposDayRow => ({
  order_id, status, counter_amount: counter === null ? null : m(counter), bank_amount: bank === null ? null : m(bank),
  counter_net: counter === null ? null : m(counter), bank_net: bank === null ? null : m(bank),
  at: '2026-12-03T09:12:00Z', auth_code: 'A1B2C3', hand: null, ...more,
});
const view: VposSectionView = {
  date: '2026-12-03',
  definitions: [
    {
      name: 'Akbank', kind: 'nestpay', source: 'file', has_report: false,
      rows: [
        row('o-1', 'matched', 12550, 12550),
        row('o-2', 'different_amount', 10000, 10500),
        row('o-3', 'missing_at_counter', null, 2000),
        row('o-4', 'missing_at_bank', 3000, null),
        row('o-5', 'entered_by_hand', null, 700, { hand: { reason: 'Taken on paper', who: 'Minh' } }),
        row('o-6', 'refunded', 5000, 5000, { counter_net: m(3000), bank_net: m(3000) }),
      ],
      totals: { counter_net: m(28550), bank_net: m(28750), difference: m(200), matched: 3, problems: 3 },
    },
    {
      name: 'Garanti', kind: 'garanti', source: 'none', has_report: true, rows: [],
      totals: { counter_net: m(0), bank_net: m(0), difference: m(0), matched: 0, problems: 0 },
    },
  ],
};

describe('DayEndVpos', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue(view);
    screen.session = { setup: false, staff: { id: 'm1', name: 'Minh', role: 'manager', may: ['reconcile', 'close-day', 'manual-bank-entry'] } };
  });
  afterEach(() => {
    screen.session = null;
  });

  it('draws each definition with where the bank’s side came from', () => {
    const html = draw({ view });
    const defs = [...html.matchAll(/data-testid="dayend-vpos-def" data-name="([^"]+)" data-source="([a-z]+)"/g)].map((x) => x.slice(1));
    expect(defs).toEqual([['Akbank', 'file'], ['Garanti', 'none']]);
    expect(html).toContain('From the file exported by the bank.');
    expect(html).toContain("The bank's day report has not been fetched yet.");
    // The file import for the bank without a report call, the report's fetch for the other.
    expect([...html.matchAll(/data-testid="dayend-vpos-import"/g)].length).toBe(1);
    expect(html).toContain('data-testid="dayend-vpos-file-Akbank"');
    expect([...html.matchAll(/data-testid="dayend-vpos-fetch"/g)].length).toBe(1);
  });

  it('lists the rows by order id, what needs a look first, with the totals', () => {
    const html = draw({ view });
    const rows = [...html.matchAll(/data-testid="dayend-vpos-row" data-order="([^"]+)" data-status="([a-z_]+)"/g)].map((x) => x.slice(1));
    expect(rows).toEqual([
      ['o-3', 'missing_at_counter'], ['o-4', 'missing_at_bank'], ['o-2', 'different_amount'], ['o-5', 'entered_by_hand'], ['o-6', 'refunded'],
      ['o-1', 'matched'],
    ]);
    expect(html).toMatch(/data-testid="dayend-vpos-total-counter"><bdi dir="ltr">₺285\.50</);
    expect(html).toMatch(/data-testid="dayend-vpos-total-bank"><bdi dir="ltr">₺287\.50</);
    expect(html).toContain('Difference \u2068₺2.00\u2069');
    expect(html).toMatch(/data-testid="dayend-vpos-summary" data-matched="3" data-problems="3"/);
    expect(html).toMatch(/data-status="missing_at_counter" data-count="1"/);
    expect(html).toContain('Entered by \u2068Minh\u2069: \u2068Taken on paper\u2069');
    expect(html).toContain('net \u2068₺30.00\u2069');
  });

  it('offers Enter by hand on a row missing at the counter not yet entered, for a manager who may', () => {
    const html = draw({ view });
    expect([...html.matchAll(/data-testid="dayend-vpos-hand-open"/g)].length).toBe(1);
    screen.session = { setup: false, staff: { id: 'm1', name: 'Minh', role: 'manager', may: ['reconcile'] } };
    expect(draw({ view })).not.toContain('data-testid="dayend-vpos-hand-open"');
  });

  it('shows the backend’s refusal in place', () => {
    const html = draw({ error: 'The bank did not answer.' });
    expect(html).toMatch(/role="alert" data-testid="dayend-vpos-error">The bank did not answer\.</);
  });
});
