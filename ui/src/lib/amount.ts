// An amount typed into a text field, shown with the locale's grouping as it is typed
// ("100000" reads "100,000" in English, "100.000" in Vietnamese and Greek) while the
// backend still receives the plain decimal it parses exactly ("100000", "12.5"). No
// arithmetic on money here: only characters move.
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
