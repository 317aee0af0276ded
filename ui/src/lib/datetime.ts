// Dates and times for people: one date style and one date-time style per language, the
// same table as the backend's (crates/quay-i18n/src/format.rs), so the window, a printed
// receipt and a PDF report show a date identically — numeric, day and month with two
// digits, the year with four, the 24-hour clock, Latin digits, "/" between the fields in
// the order the language writes a date (CLDR's yMd). Both sides are checked against the
// same cases (crates/quay-i18n/src/date_cases.json). Machine formats (ISO in attributes,
// files, the backend's input) stay as they are; this is only for what a person reads.
import type { Lang } from './fluent';
import { intlLocale } from './fluent';

export type DatePart = 'day' | 'month' | 'year';

/** The order of a date's fields in each language. */
export const DATE_ORDER: Readonly<Record<Lang, readonly DatePart[]>> = {
  en: ['month', 'day', 'year'],
  vi: ['day', 'month', 'year'],
  ar: ['day', 'month', 'year'],
  el: ['day', 'month', 'year'],
  'zh-CN': ['year', 'month', 'day'],
};

/** A calendar day. */
export interface Day { year: number; month: number; day: number }
/** A day and a time of day on a wall clock. */
export interface WallClock extends Day { hour: number; minute: number }

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(d: Day): boolean {
  return Number.isInteger(d.year) && d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

// "2026-12-02", or an RFC 3339 instant "2026-12-02T04:37:19.250+07:00" / "…Z".
const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/** A plain "YYYY-MM-DD" as a day, or null. */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return validDay(d) ? d : null;
}

/** A day as the backend reads it: "YYYY-MM-DD". */
export function dayText(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Today on this machine's clock, "YYYY-MM-DD" (the counter's local day, as the backend's). */
export function todayText(now: Date = new Date()): string {
  return dayText({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** `text` ("YYYY-MM-DD") moved by `days`; across months and years. */
export function addDays(text: string, days: number): string {
  const d = parseDay(text);
  if (!d) return text;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return dayText({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** The machine's time zone (the counter's clock). */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The wall clock of `text`: an RFC 3339 instant in its own offset, as written (the
 *  backend stamps the counter's local time and formats it so), or in `timeZone` when one
 *  is given (an instant from elsewhere: a voucher's expiry). A plain date is midnight.
 *  Null when `text` is not a date. */
export function wallClock(text: string, timeZone?: string): WallClock | null {
  const m = STAMP.exec(text.trim());
  if (!m) return null;
  const own: WallClock = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]), minute: m[5] === undefined ? 0 : Number(m[5]),
  };
  if (!validDay(own) || own.hour > 23 || own.minute > 59) return null;
  if (!timeZone || m[4] === undefined || m[7] === undefined) return own;
  const instant = new Date(text.trim().replace(' ', 'T'));
  if (Number.isNaN(instant.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/** A day in `lang`'s date style: en 12/02/2026, vi/el/ar 02/12/2026, zh-CN 2026/12/02. */
export function formatDay(day: Day | string, lang: Lang): string {
  const d = typeof day === 'string' ? wallClock(day) : day;
  if (!d) return typeof day === 'string' ? day : '';
  const field = { day: pad(d.day), month: pad(d.month), year: pad(d.year, 4) };
  return DATE_ORDER[lang].map((p) => field[p]).join('/');
}

/** The date of an instant (or of a plain "YYYY-MM-DD") in `lang`; other text as it is. */
export function formatDate(text: string, lang: Lang, timeZone?: string): string {
  const w = wallClock(text, timeZone);
  return w ? formatDay(w, lang) : text;
}

/** The time of day of an instant, 24-hour ("04:37"); other text as it is. */
export function formatTime(text: string, _lang: Lang, timeZone?: string): string {
  const w = wallClock(text, timeZone);
  return w ? `${pad(w.hour)}:${pad(w.minute)}` : text;
}

/** An instant in `lang`'s date-time style: its date, a space, the time ("02/12/2026 04:37").
 *  A plain date is the date alone; text that is not a date is shown as it came. */
export function formatDateTime(text: string, lang: Lang, timeZone?: string): string {
  const w = wallClock(text, timeZone);
  if (!w) return text;
  const date = formatDay(w, lang);
  return /[Tt ]\d{2}:\d{2}/.test(text) ? `${date} ${pad(w.hour)}:${pad(w.minute)}` : date;
}

/** The months' names in `lang`, January first (CLDR's, through Intl). */
export function monthNames(lang: Lang): string[] {
  const f = new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2024, i, 1))));
}

/** The order `Intl` gives `lang`'s numeric date fields (checks DATE_ORDER against CLDR). */
export function intlDateOrder(lang: Lang): DatePart[] {
  const parts = new Intl.DateTimeFormat(intlLocale(lang), { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 11, 2)));
  return parts.map((p) => p.type).filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
}

/** The years a date field offers: a few back from this year, one ahead, and the chosen one. */
export function yearChoices(chosen: number, thisYear: number, back = 5): number[] {
  const from = Math.min(chosen, thisYear - back);
  const to = Math.max(chosen, thisYear + 1);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** `d` with one field changed, the day kept within the new month (31 Jan → Feb: 28/29). */
export function withPart(d: Day, part: DatePart, value: number): Day {
  const next = { ...d, [part]: value };
  return { ...next, day: Math.min(next.day, daysInMonth(next.year, next.month)) };
}
