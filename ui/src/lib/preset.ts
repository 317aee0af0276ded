// The mapping screen's form for a new bank's file: which column holds which field, how
// amounts and times are written, what the type words mean. The backend guesses a mapping
// from a sample of the file (`FileSample.suggested`) and checks every preset again when
// it previews or saves one; this only turns its guess into a form and the form back into
// a preset, and says what still keeps the form from making a usable one.
import type { AmountFormat, BankColumn, BankColumns, BankPreset, DateFormat, FileSample, LineKind, SampleColumn } from './api';

export type FieldKey = keyof BankColumns;

/** The fields of a bank line, in the order the screen shows them; date and amount are required. */
export const FIELDS: readonly { key: FieldKey; required: boolean }[] = [
  { key: 'transaction_id', required: false },
  { key: 'merchant_reference', required: false },
  { key: 'order_code', required: false },
  { key: 'merchant_id', required: false },
  { key: 'terminal_id', required: false },
  { key: 'date_time', required: true },
  { key: 'scheme', required: false },
  { key: 'masked_pan', required: false },
  { key: 'amount', required: true },
  { key: 'currency', required: false },
  { key: 'auth_code', required: false },
  { key: 'rrn', required: false },
  { key: 'stan', required: false },
  { key: 'kind', required: false },
];

/** The amount select's values: decimal with a point or a comma, or whole minor units. */
export type AmountChoice = 'decimal-.' | 'decimal-,' | 'minor';
export const AMOUNT_CHOICES: readonly AmountChoice[] = ['decimal-.', 'decimal-,', 'minor'];
export type DateChoice = 'iso8601' | 'pattern';
export const DATE_CHOICES: readonly DateChoice[] = ['iso8601', 'pattern'];
/** The delimiter select's values ('tab' for the tab character, as the backend takes it). */
export const DELIMITER_OPTIONS = [',', ';', 'tab', '|'] as const;
export type DelimiterOption = (typeof DELIMITER_OPTIONS)[number];

export interface PresetForm {
  /** Field → the index of the column holding it, or null when the file does not have it. */
  columns: Record<FieldKey, number | null>;
  amount: AmountChoice;
  date: DateChoice;
  /** The chrono pattern of a local date and time ("%d.%m.%Y %H:%M"), when `date` is 'pattern'. */
  pattern: string;
  /** The pattern's offset from UTC as typed: "+07:00". */
  offset: string;
  /** Type cell value → what it means; '' leaves it unmapped (its lines are refused). */
  types: Record<string, LineKind | ''>;
}

/** The delimiter select's value for a delimiter character. */
export function delimiterOption(d: string): DelimiterOption {
  if (d === '\t' || d === 'tab') return 'tab';
  return (DELIMITER_OPTIONS as readonly string[]).includes(d) ? (d as DelimiterOption) : ',';
}

/** The delimiter character for a select value. */
export function delimiterOf(option: string): string {
  return option === 'tab' ? '\t' : option;
}

/** Minutes east of UTC as ±HH:MM: 420 → "+07:00", -210 → "-03:30". */
export function offsetText(minutes: number): string {
  const abs = Math.abs(Math.trunc(minutes));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Minutes east of UTC from "+07:00", "-03:30", "+0530", "7" (a typographic minus too);
 *  null for anything else or a day or more away. */
export function parseOffset(text: string): number | null {
  const m = /^([+\-\u2212])?(\d{1,2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return (m[1] === '-' || m[1] === '\u2212') && total !== 0 ? -total : total;
}

/** Header names as the backend compares them: no case, no spaces, '_' or '-'. */
export function foldHeader(s: string): string {
  return s.replace(/[\s_-]/g, '').toLowerCase();
}

/** The sample column a preset's column names, as the backend would resolve it in this
 *  file: the first of its names present in the header, else its index. */
export function columnIndexOf(col: BankColumn | null, sample: FileSample): number | null {
  if (!col) return null;
  if (sample.has_header) {
    for (const name of col.names) {
      const want = foldHeader(name);
      const hit = sample.columns.find((c) => foldHeader(c.header) === want);
      if (hit) return hit.index;
    }
  }
  return col.index !== null && col.index < sample.columns.length ? col.index : null;
}

/** A picked column as the preset stores it: by header name when the file has a header
 *  that names it alone (the bank may reorder its columns), else by position. */
export function columnOf(sample: FileSample, index: number): BankColumn {
  const header = sample.columns[index]?.header ?? '';
  const folded = foldHeader(header);
  const unique = folded !== '' && sample.columns.filter((c) => foldHeader(c.header) === folded).length === 1;
  if (sample.has_header && unique) return { names: [header], index: null, required: true };
  return { names: [], index, required: true };
}

/** The form as the backend suggests it for this file. A local pattern's offset comes with
 *  the suggestion (the counter's own); `fallbackOffset` (minutes) serves when the
 *  suggestion is ISO 8601 and the manager switches to a pattern. */
export function formFromSample(sample: FileSample, fallbackOffset = 0): PresetForm {
  const s = sample.suggested;
  const columns = {} as Record<FieldKey, number | null>;
  for (const f of FIELDS) columns[f.key] = columnIndexOf(s.columns[f.key], sample);
  const amount: AmountChoice = s.amount.format === 'minor' ? 'minor' : s.amount.separator === ',' ? 'decimal-,' : 'decimal-.';
  const pattern = s.date_time.format === 'pattern' ? s.date_time : null;
  return {
    columns,
    amount,
    date: pattern ? 'pattern' : 'iso8601',
    pattern: pattern?.pattern ?? '',
    offset: offsetText(pattern ? pattern.utc_offset_minutes : fallbackOffset),
    types: { ...s.types },
  };
}

/** The required fields no column is picked for yet. */
export function missingRequired(form: PresetForm): FieldKey[] {
  return FIELDS.filter((f) => f.required && form.columns[f.key] === null).map((f) => f.key);
}

/** The column mapped to the transaction type, if any. */
export function kindColumn(form: PresetForm, sample: FileSample): SampleColumn | null {
  const i = form.columns.kind;
  return i === null ? null : (sample.columns[i] ?? null);
}

/** What a type word means in the form: its own entry, else one differing only in case
 *  (the backend compares without case). */
function kindOf(types: PresetForm['types'], value: string): LineKind | '' {
  if (value in types) return types[value];
  const low = value.toLowerCase();
  const key = Object.keys(types).find((k) => k.toLowerCase() === low);
  return key === undefined ? '' : types[key];
}

/** The distinct values of the type column, each with the kind chosen for it. */
export function typeValues(form: PresetForm, sample: FileSample): { value: string; kind: LineKind | '' }[] {
  const col = kindColumn(form, sample);
  return col ? col.values.map((value) => ({ value, kind: kindOf(form.types, value) })) : [];
}

/** What keeps the form from making a preset the backend could read a file with. */
export type Problem = 'required' | 'pattern' | 'offset' | 'separator';

export function problems(form: PresetForm, sample: FileSample): Problem[] {
  const out: Problem[] = [];
  if (missingRequired(form).length) out.push('required');
  if (form.date === 'pattern') {
    if (!form.pattern.trim()) out.push('pattern');
    if (parseOffset(form.offset) === null) out.push('offset');
  }
  // Unquoted "12,50" in a comma-separated file splits in two: the backend refuses it.
  if (form.amount === 'decimal-,' && sample.delimiter === ',') out.push('separator');
  return out;
}

function amountFormat(choice: AmountChoice): AmountFormat {
  if (choice === 'minor') return { format: 'minor' };
  return { format: 'decimal', separator: choice === 'decimal-,' ? ',' : '.' };
}

/** The preset the form describes for `sample`'s file, or null while the date pattern or
 *  its offset cannot make one. An unmapped required field stays without name or index,
 *  as the suggestion sends it (the backend refuses to save it so). Only the type words of
 *  the mapped type column are kept, and only those given a meaning. */
export function presetFromForm(form: PresetForm, sample: FileSample, name: string): BankPreset | null {
  let date_time: DateFormat = { format: 'iso8601' };
  if (form.date === 'pattern') {
    const minutes = parseOffset(form.offset);
    const pattern = form.pattern.trim();
    if (minutes === null || !pattern) return null;
    date_time = { format: 'pattern', pattern, utc_offset_minutes: minutes };
  }
  const col = (key: FieldKey) => {
    const i = form.columns[key];
    return i === null ? null : columnOf(sample, i);
  };
  const unmapped: BankColumn = { names: [], index: null, required: true };
  const columns = {} as BankColumns;
  for (const f of FIELDS) (columns as Record<FieldKey, BankColumn | null>)[f.key] = col(f.key);
  columns.date_time = col('date_time') ?? unmapped;
  columns.amount = col('amount') ?? { ...unmapped };
  const types: Record<string, LineKind> = {};
  for (const t of typeValues(form, sample)) if (t.kind) types[t.value] = t.kind;
  return {
    name: name.trim(),
    delimiter: sample.delimiter,
    has_header: sample.has_header,
    columns,
    amount: amountFormat(form.amount),
    date_time,
    types,
  };
}

/** A value as an option shows it: at most `max` characters. */
export function clip(text: string, max = 24): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/** The first example values of a column, clipped, for its option in a field's select. */
export function examplesText(c: SampleColumn, count = 2): string {
  return c.examples.slice(0, count).map((e) => clip(e)).join(', ');
}

/** The first example of the column mapped to the date, to show next to the pattern. */
export function dateExample(form: PresetForm, sample: FileSample): string | null {
  const i = form.columns.date_time;
  return i === null ? null : (sample.columns[i]?.examples[0] ?? null);
}

/** The kind counts of a preview, in the usual order, zero counts left out. */
export function kindCounts(kinds: Partial<Record<LineKind, number>>): [LineKind, number][] {
  const order: LineKind[] = ['sale', 'refund', 'fee', 'chargeback'];
  return order.filter((k) => (kinds[k] ?? 0) > 0).map((k) => [k, kinds[k]!]);
}

/** Whether `name` is a saved mapping already (saving replaces it); built-ins are the
 *  backend's to refuse. */
export function replacesSaved(name: string, names: readonly string[], builtins: readonly string[]): boolean {
  const n = name.trim();
  return n !== '' && names.includes(n) && !builtins.includes(n);
}
