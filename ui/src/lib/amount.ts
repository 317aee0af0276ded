// An amount typed into a text field, shown with the locale's grouping as it is typed
// ("100000" reads "100,000" in English, "100.000" in Vietnamese and Greek) while the
// backend still receives the plain decimal it parses exactly ("100000", "12.5"). No
// arithmetic on money here: only characters move. Money the backend did not format (the
// day-end figures arrive as minor units) is written here too, as the backend writes it.
import { cleanAmount } from './dayend';
import { intlLocale, type Lang } from './fluent';

export interface Separators { group: string; decimal: string }

/** The locale's group and decimal separators, as Intl (CLDR, like the backend) writes them. */
export function separators(lang: Lang): Separators {
  const parts = new Intl.NumberFormat(intlLocale(lang), { minimumFractionDigits: 1, useGrouping: true }).formatToParts(12345.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** A plain decimal ("1234567.5", "12.") with the locale's grouping: "1,234,567.5", "12.". */
export function groupAmount(plain: string, lang: Lang): string {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(plain);
  if (!m || plain === '') return plain;
  const sep = separators(lang);
  const int = m[1] ?? '';
  const grouped = int === '' ? '' : new Intl.NumberFormat(intlLocale(lang), { useGrouping: true }).format(BigInt(int));
  return m[2] === undefined ? grouped : `${grouped || '0'}${sep.decimal}${m[2]}`;
}

/** Spaces a locale may group with (none of ours does, but a pasted amount may carry them). */
const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** What a grouped field holds as the plain decimal the backend parses: the locale's group
 *  separators dropped, its decimal separator a point, at most `digits` decimals (as
 *  `cleanAmount` keeps). In Vietnamese and Greek "." groups and "," is the decimal point. */
export function plainAmount(text: string, lang: Lang, digits: number): string {
  const sep = separators(lang);
  const ungrouped = text.replace(SPACES, '').split(sep.group).join('');
  const pointed = sep.decimal === '.' ? ungrouped : ungrouped.split(sep.decimal).join('.');
  // "007" is 7, as the field shows it.
  return cleanAmount(pointed, digits).replace(/^0+(?=\d)/, '');
}

/** How many characters that carry the amount (digits, the decimal separator) precede `caret`. */
function significantBefore(text: string, caret: number, sep: Separators): number {
  let n = 0;
  for (const ch of text.slice(0, caret)) if ((ch >= '0' && ch <= '9') || ch === sep.decimal) n++;
  return n;
}

/** The position in `text` after its `n`th significant character (0: the start). */
function positionAfter(text: string, n: number, sep: Separators): number {
  if (n <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch >= '0' && ch <= '9') || ch === sep.decimal) seen++;
    if (seen === n) return i + 1;
  }
  return text.length;
}

/** One keystroke in a grouped amount field: what was typed (`text`, the caret at `caret`)
 *  becomes the plain amount to keep, the grouped text to show and where the caret goes —
 *  after the same digit it followed, however many separators moved around it. */
export function regroup(text: string, caret: number, lang: Lang, digits: number): { plain: string; text: string; caret: number } {
  const sep = separators(lang);
  const plain = plainAmount(text, lang, digits);
  const shown = groupAmount(plain, lang);
  // Counted on what was kept: a refused character (a letter, a third decimal) does not count.
  const before = Math.min(significantBefore(text, caret, sep), significantBefore(shown, shown.length, sep));
  return { plain, text: shown, caret: positionAfter(shown, before, sep) };
}


/** Decimals of `currency` as Intl knows them (VND 0, EUR 2, KWD 3). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as an exact decimal string in major units: 123456, 2 → "1234.56". */
export function majorText(minor: number, digits: number): string {
  const neg = minor < 0;
  const abs = String(Math.abs(Math.trunc(minor)));
  if (digits <= 0) return (neg ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** The currency signs the backend prints (crates/quay-i18n/src/format.rs, `symbol`). */
function symbol(currency: string, lang: Lang): string {
  switch (currency) {
    case 'VND': return '₫';
    case 'EUR': return '€';
    case 'USD': return '$';
    case 'CNY': return '¥';
    case 'JPY': return lang === 'zh-CN' ? 'JP¥' : '¥';
    case 'EGP': return 'E£';
    case 'TRY': return '₺';
    case 'GBP': return '£';
    default: return currency;
  }
}

/** An amount in minor units of `currency`, written as the backend writes money (the
 *  `text` of its `{ minor, text }`): the currency's decimals (`digits`, by default the
 *  currency's), the locale's grouping, Latin digits in Arabic, the sign before the number
 *  in English and Chinese (`₫125,000`, `-€1.50`) and after it, past a no-break space, in
 *  Vietnamese, Greek and Arabic (`125.000 ₫`, `1.234,50 €`). Exact: no floats. */
export function formatMoney(minor: number, currency: string, lang: Lang, digits = currencyDigits(currency)): string {
  const neg = minor < 0;
  const number = groupAmount(majorText(Math.abs(Math.trunc(minor)), digits), lang);
  const sign = symbol(currency, lang);
  if (lang === 'en' || lang === 'zh-CN') return `${neg ? '-' : ''}${sign}${number}`;
  return `${neg ? '-' : ''}${number}\u00a0${sign}`;
}

/** An amount with its sign always shown (differences): +€1.50, -€2.00, €0.00. */
export function formatSigned(minor: number, currency: string, lang: Lang, digits = currencyDigits(currency)): string {
  const text = formatMoney(minor, currency, lang, digits);
  return minor > 0 ? `+${text}` : text;
}
