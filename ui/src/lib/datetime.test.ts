import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATE_ORDER, addDays, daysInMonth, formatDate, formatDateTime, formatDay, formatTime, intlDateOrder, monthNames, parseDay,
  todayText, wallClock, withPart, yearChoices,
} from './datetime';
import { LANGS, type Lang } from './fluent';

// The backend's own cases: the window must print every date exactly as receipts and PDFs do.
interface Case { at: string; lang: Lang; date: string; date_time: string; time: string }
const cases: Case[] = JSON.parse(readFileSync(join(__dirname, '../../../crates/quay-i18n/src/date_cases.json'), 'utf8'));

describe('one date style and one date-time style per language', () => {
  it('prints what the backend prints, for every case it is tested with', () => {
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(LANGS));
    for (const c of cases) {
      expect(formatDate(c.at, c.lang), `${c.lang} ${c.at}`).toBe(c.date);
      expect(formatDateTime(c.at, c.lang), `${c.lang} ${c.at}`).toBe(c.date_time);
      expect(formatTime(c.at, c.lang), `${c.lang} ${c.at}`).toBe(c.time);
    }
  });

  it('has four-digit years, Latin digits and no direction marks in every language', () => {
    for (const lang of LANGS) {
      const text = formatDateTime('2026-12-02T04:37:19+00:00', lang);
      expect(text, lang).toContain('2026');
      expect(text, lang).toMatch(/^[0-9/: ]+$/);
      expect(text, lang).not.toContain(':19');
    }
  });

  it('writes a plain day in the same style (a business day, a dialog title)', () => {
    expect(formatDay('2026-12-02', 'en')).toBe('12/02/2026');
    expect(formatDay('2026-12-02', 'vi')).toBe('02/12/2026');
    expect(formatDay('2026-12-02', 'el')).toBe('02/12/2026');
    expect(formatDay('2026-12-02', 'ar')).toBe('02/12/2026');
    expect(formatDay('2026-12-02', 'zh-CN')).toBe('2026/12/02');
    expect(formatDateTime('2026-12-02', 'vi')).toBe('02/12/2026');
    expect(formatDay({ year: 2026, month: 1, day: 5 }, 'zh-CN')).toBe('2026/01/05');
  });

  it('keeps the instant’s own offset, or converts to a zone when one is given', () => {
    expect(formatDateTime('2026-12-02T23:30:00-05:00', 'vi')).toBe('02/12/2026 23:30');
    expect(formatDateTime('2025-12-31T16:59:00Z', 'vi', 'Asia/Ho_Chi_Minh')).toBe('31/12/2025 23:59');
    expect(formatDateTime('2025-12-31T16:59:00Z', 'en', 'UTC')).toBe('12/31/2025 16:59');
    expect(wallClock('2026-12-02T04:37:19.250+07:00')).toEqual({ year: 2026, month: 12, day: 2, hour: 4, minute: 37 });
  });

  it('shows text that is not a date as it came', () => {
    for (const text of ['soon', '', '2026-02-30', '2026-13-01T00:00:00Z', '12/02/2026']) {
      expect(formatDateTime(text, 'en'), text).toBe(text);
      expect(formatDate(text, 'el'), text).toBe(text);
    }
  });

  it('orders the fields as Intl (CLDR) orders the language’s numeric dates', () => {
    for (const lang of LANGS) expect(intlDateOrder(lang), lang).toEqual(DATE_ORDER[lang]);
  });
});

describe('the date field’s arithmetic', () => {
  it('reads only real days', () => {
    expect(parseDay('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-1-5')).toBeNull();
    expect(parseDay('')).toBeNull();
  });

  it('moves by days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('keeps the day within the month when the month or year changes', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(withPart({ year: 2026, month: 1, day: 31 }, 'month', 2)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(withPart({ year: 2028, month: 2, day: 29 }, 'year', 2027)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(withPart({ year: 2026, month: 4, day: 3 }, 'day', 30)).toEqual({ year: 2026, month: 4, day: 30 });
  });

  it('offers recent years and always the chosen one', () => {
    expect(yearChoices(2026, 2026)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(yearChoices(2015, 2026)[0]).toBe(2015);
  });

  it('knows today on the machine’s clock', () => {
    expect(todayText(new Date(2026, 11, 2, 23, 59))).toBe('2026-12-02');
  });

  it('names the months in the app’s language, not the machine’s', () => {
    const en = monthNames('en');
    expect(en).toHaveLength(12);
    expect(en[11]).toBe('December');
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const names = monthNames(lang);
      expect(new Set(names).size, lang).toBe(12);
      expect(names[11], lang).not.toBe('December');
    }
    expect(monthNames('el')[11]).toMatch(/^Δεκ/);
    expect(monthNames('zh-CN')[11]).toBe('十二月');
    expect(monthNames('vi')[11]).toMatch(/^tháng 12$/i);
  });
});
