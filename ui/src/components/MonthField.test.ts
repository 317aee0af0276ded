// The month picker as first drawn (server-rendered) with a last month: no later year, the
// months after it disabled in its year, no "next" from it; a value that is not a month,
// is before 2000 or after the last month is drawn as the month it becomes.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import MonthField from './MonthField.svelte';

const draw = (props: { value?: string; max?: string }) =>
  render(MonthField, { props: { label: 'Month', testid: 'mf', ...props } }).body
    .replace(/<!--[^>]*-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');

const options = (html: string, part: 'month' | 'year') => {
  const select = new RegExp(`<select[^>]*data-testid="mf-${part}"[^>]*>([\\s\\S]*?)</select>`).exec(html)![1];
  return [...select.matchAll(/<option value="(\d+)"([^>]*)>/g)].map((o) => ({ value: Number(o[1]), disabled: o[2].includes('disabled') }));
};
const now = new Date();
const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;

describe('MonthField', () => {
  i18n.lang = 'en';

  it('offers no year after the last month’s, nor a month after it in its year', () => {
    const html = draw({ value: '2026-11', max: '2026-11' });
    expect(html).toContain('data-value="2026-11"');
    expect(options(html, 'year').map((o) => o.value)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(options(html, 'month').filter((o) => o.disabled).map((o) => o.value)).toEqual([12]);
    expect(html).toMatch(/disabled=""[^>]*data-testid="mf-next"/);
    expect(html).not.toMatch(/disabled=""[^>]*data-testid="mf-prev"/);
  });

  it('lets every month of an earlier year be chosen, and "next" from it', () => {
    const html = draw({ value: '2025-12', max: '2026-02' });
    expect(options(html, 'month').some((o) => o.disabled)).toBe(false);
    expect(html).not.toMatch(/disabled=""[^>]*data-testid="mf-next"/);
  });

  it('draws a month to come as the last month', () => {
    expect(draw({ value: '2027-03', max: '2026-11' })).toContain('data-value="2026-11"');
    expect(draw({ value: '2026-12', max: '2026-11' })).toContain('data-value="2026-11"');
  });

  it('draws a value that is not a month, or before 2000, as this month', () => {
    expect(draw({ value: 'soon', max: thisMonth })).toContain(`data-value="${thisMonth}"`);
    expect(draw({ value: '1999-07', max: thisMonth })).toContain(`data-value="${thisMonth}"`);
    expect(draw({ value: '', max: thisMonth })).toContain(`data-value="${thisMonth}"`);
    const years = options(draw({ value: '2000-01', max: '2003-05' }), 'year').map((o) => o.value);
    expect(years).toEqual([2000, 2001, 2002, 2003]);
    expect(draw({ value: '2000-01', max: '2003-05' })).toMatch(/disabled=""[^>]*data-testid="mf-prev"/);
  });
});
