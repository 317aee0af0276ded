// Partner connection records (issue 18) on the technician's screen: the backend's views,
// its commands, and the few pure helpers the screen needs — test ids, the status chip, the
// month-end picker's months, which fields the next step asks for (marked only: the backend
// checks every rule) and the request a step sends.
import { call } from './api';
import { todayText } from './datetime';
import { intlLocale, type Lang } from './fluent';

/** A record's steps, in the order they come (`disabled` may follow any but itself). */
export const STAGES = ['requested', 'confirmed', 'deployed', 'approved', 'connected', 'disabled'] as const;
export type Stage = (typeof STAGES)[number];

/** The deployment note's fields, in the order the screen shows them. */
export const DETAIL_FIELDS = ['point_name', 'address', 'contact_name', 'contact_phone', 'point_code', 'notes'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type PointDetails = Record<DetailField, string | null>;

export interface StepView {
  step: Stage | string;
  /** RFC 3339. */
  at: string;
  /** The date and time in the counter's language. */
  at_text: string;
  by: string;
  reference: string | null;
  /** `leader`, `merchant`. */
  confirmations: string[];
  note: string | null;
  /** A proof (PDF and image of the connection test) was kept with this step. */
  proof: boolean;
}

export interface PartnerRow {
  /** `momo`, `giftpop`, … `vpos:Akbank`. */
  partner: string;
  /** What people call it: "MoMo", "Akbank". */
  name: string;
  /** The last step; null: never started. */
  status: Stage | string | null;
  /** The step that may come next; null after `connected`. */
  next: Stage | string | null;
  /** The confirmations a `confirmed` step needs (MoMo: leader and merchant). */
  confirmations_required: string[];
  /** The partner gives the point a code of its own (GiftPop). */
  needs_point_code: boolean;
  details: PointDetails;
  steps: StepView[];
  has_proof: boolean;
}

export interface ConnectionsView {
  partners: PartnerRow[];
  key1_present: boolean;
  key2_present: boolean;
  pos_parent: string | null;
  pos_id: string | null;
  /** Records waiting for the hub. */
  queued: number;
  /** Record revisions the hub refused (kept, not resent). */
  refused: number;
}

/** A field of the deployment note: null unchanged, "" cleared, else the new text. */
export type DetailsEdit = Record<DetailField, string | null>;

/** What `connection_record` takes as `request` (snake_case keys, as the backend reads them). */
export interface RecordStep {
  reference: string | null;
  confirmations: string[];
  note: string | null;
  details: DetailsEdit;
}

export interface NoteView { text: string; pdf_path: string }
export interface ProofView { pdf_path: string; png_path: string; png_data_url: string; at_text: string }
export type PointsSource = 'hub' | 'counter' | 'mixed';
export interface PointRow {
  pos_parent: string; pos_id: string; point_name: string | null; address: string | null;
  partner: string; partner_name: string; point_code: string | null;
  /** RFC 3339. */
  connected_at: string;
  connected_text: string;
  request_ref: string | null; approval_ref: string | null;
  contact_name: string | null; contact_phone: string | null;
  status: string; source: 'hub' | 'counter';
}
export interface PointsExport {
  month: string; source: PointsSource | string; rows: PointRow[]; xlsx_path: string; csv_path: string;
  /** Why the hub's list is missing (`counter`, `mixed`), in the counter's language; null: read. */
  hub_error: string | null;
}

export const connApi = {
  view: () => call<ConnectionsView>('connections_view'),
  /** Records `step` for `partner`; a `connected` step runs the partner's connection test
   *  first (seconds). Answers the whole view again. */
  record: (partner: string, step: string, request: RecordStep) => call<ConnectionsView>('connection_record', { partner, step, request }),
  note: (partner: string) => call<NoteView>('connection_note', { partner }),
  proof: (partner: string) => call<ProofView>('connection_proof', { partner }),
  /** `month` "YYYY-MM". */
  points: (month: string) => call<PointsExport>('connection_points', { month }),
};

// ---- Test ids and the status chip. -------------------------------------------------------

/** The partner as a test id part: `vpos:Akbank` → `vpos-Akbank`. */
export function partnerTestId(partner: string): string {
  return partner.replace(/[^A-Za-z0-9_-]/g, '-');
}

export type ChipKind = 'never' | 'progress' | 'connected' | 'disabled';

/** How a status is drawn: never started, on its way, connected, disabled. */
export function chipKind(status: string | null | undefined): ChipKind {
  if (!status) return 'never';
  if (status === 'connected') return 'connected';
  if (status === 'disabled') return 'disabled';
  return 'progress';
}

/** The chip's classes: `chip` and its kind. */
export function chipClass(status: string | null | undefined): string {
  return `chip ${chipKind(status)}`;
}

/** The status's Fluent id: `conn-ui-status-never`, or the step's name. */
export function statusId(status: string | null | undefined): string {
  return status ? stepId(status) : 'conn-ui-status-never';
}

export function stepId(step: string): string {
  return `conn-ui-step-${step}`;
}

/** The last step recorded, if any. */
export function lastStep(row: PartnerRow): StepView | null {
  return row.steps.length ? row.steps[row.steps.length - 1] : null;
}

// ---- Months (the month-end list). ----------------------------------------------------------

export interface Month { year: number; month: number }

/** "YYYY-MM" as a month, or null. */
export function parseMonth(text: string): Month | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const month = { year: Number(m[1]), month: Number(m[2]) };
  return month.year >= 1 && month.month >= 1 && month.month <= 12 ? month : null;
}

export function monthText(m: Month): string {
  return `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}`;
}

/** `text` ("YYYY-MM") moved by `months`, across years; other text as it is. */
export function addMonths(text: string, months: number): string {
  const m = parseMonth(text);
  if (!m) return text;
  const n = m.year * 12 + (m.month - 1) + months;
  return monthText({ year: Math.floor(n / 12), month: (n % 12) + 1 });
}

export const previousMonth = (text: string) => addMonths(text, -1);
export const nextMonth = (text: string) => addMonths(text, 1);

/** A month for people, in `lang` ("November 2026", "2026年11月"); other text as it is. */
export function monthLabel(text: string, lang: Lang): string {
  const m = parseMonth(text);
  if (!m) return text;
  return new Intl.DateTimeFormat(intlLocale(lang), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(m.year, m.month - 1, 1)));
}

/** The first year the month picker offers. */
export const FIRST_YEAR = 2000;

/** This month, "YYYY-MM". */
export function currentMonth(today: string = todayText()): string {
  return today.slice(0, 7);
}

/** -1, 0 or 1 as `a` comes before, with or after `b`. */
export function compareMonths(a: Month, b: Month): number {
  const d = a.year * 12 + a.month - (b.year * 12 + b.month);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** `m` no later than `max` ("YYYY-MM"; unparsable: no limit), as text. */
export function clampMonth(m: Month, max?: string | null): string {
  const top = parseMonth(max ?? '');
  return monthText(top && compareMonths(m, top) > 0 ? top : m);
}

/** The month a picker shows for `value`: the value itself when it is a month from
 *  FIRST_YEAR on and no later than `max`; `max` when later; else `fallback` ("YYYY-MM",
 *  this month), itself no later than `max`. */
export function shownMonth(value: string, fallback: string, max?: string | null): string {
  const v = parseMonth(value);
  const m = v && v.year >= FIRST_YEAR ? v : (parseMonth(fallback) ?? { year: FIRST_YEAR, month: 1 });
  return clampMonth(m, max);
}

/** The years a month picker offers for `shown`: five back from the last one (at least
 *  FIRST_YEAR), up to `max`'s year, or without a `max` to next year. */
export function monthYears(shown: Month, thisYear: number, max?: string | null): number[] {
  const top = parseMonth(max ?? '');
  const to = top ? Math.max(top.year, FIRST_YEAR) : Math.max(shown.year, thisYear + 1);
  const from = Math.max(FIRST_YEAR, Math.min(shown.year, to - 5));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The month the list is usually made for: the one before `today` ("YYYY-MM-DD"). */
export function defaultMonth(today: string = todayText()): string {
  return previousMonth(today.slice(0, 7));
}

// ---- The next step's form. ---------------------------------------------------------------

/** What a step asks for, as the screen marks it (the backend checks it). */
export interface Required {
  reference: boolean;
  note: boolean;
  /** The confirmations to tick (only for `confirmed`). */
  confirmations: string[];
  /** The deployment note's fields. */
  details: DetailField[];
}

const NOTHING: Required = { reference: false, note: false, confirmations: [], details: [] };

/** What recording `step` for `row` asks for: a reference for `requested` and `approved`,
 *  the partner's confirmations for `confirmed`, the point's name, address and contact for
 *  `deployed`, the partner's point code for `approved` where the partner gives one, a note
 *  for `disabled`. */
export function requiredFor(row: Pick<PartnerRow, 'confirmations_required' | 'needs_point_code'>, step: string | null | undefined): Required {
  switch (step) {
    case 'requested':
      return { ...NOTHING, reference: true };
    case 'confirmed':
      return { ...NOTHING, confirmations: [...row.confirmations_required] };
    case 'deployed':
      return { ...NOTHING, details: ['point_name', 'address', 'contact_name', 'contact_phone'] };
    case 'approved':
      return { ...NOTHING, reference: true, details: row.needs_point_code ? ['point_code'] : [] };
    case 'disabled':
      return { ...NOTHING, note: true };
    default:
      return NOTHING;
  }
}

/** A partner's steps may be disabled: started and not disabled already. */
export function mayDisable(row: Pick<PartnerRow, 'status'>): boolean {
  return !!row.status && row.status !== 'disabled';
}

/** The point code is shown where the partner gives one, or one is set already. */
export function showsPointCode(row: Pick<PartnerRow, 'needs_point_code' | 'details'>): boolean {
  return row.needs_point_code || !!row.details.point_code;
}

/** The form's text: the step's fields and the deployment note as typed. */
export interface StepForm {
  reference: string;
  note: string;
  /** Ticked confirmations. */
  confirmations: string[];
  details: Record<DetailField, string>;
}

export function emptyForm(row: PartnerRow | null): StepForm {
  const details = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, row?.details[f] ?? ''])) as Record<DetailField, string>;
  return { reference: '', note: '', confirmations: [], details };
}

const trimmed = (s: string) => {
  const v = s.trim();
  return v === '' ? null : v;
};

/** The note's fields that changed: null unchanged, "" cleared, else the new text. */
export function detailsEdit(original: PointDetails, typed: Record<DetailField, string>): DetailsEdit {
  return Object.fromEntries(
    DETAIL_FIELDS.map((f) => {
      const was = (original[f] ?? '').trim();
      const now = (typed[f] ?? '').trim();
      return [f, now === was ? null : now];
    }),
  ) as DetailsEdit;
}

/** The `request` of `connection_record` for `step`: the reference and note (empty: none),
 *  the ticked confirmations (a `confirmed` step only, in the partner's order) and the
 *  note's changed fields; for `disabled`, the note alone. */
export function recordRequest(row: PartnerRow, step: string, form: StepForm): RecordStep {
  // Disabling sends its note only: the next step's reference and ticks, and the note's
  // fields being edited, are not part of it.
  if (step === 'disabled') {
    return { reference: null, confirmations: [], note: trimmed(form.note), details: detailsEdit(row.details, emptyForm(row).details) };
  }
  return {
    reference: trimmed(form.reference),
    confirmations: step === 'confirmed' ? row.confirmations_required.filter((c) => form.confirmations.includes(c)) : [],
    note: trimmed(form.note),
    details: detailsEdit(row.details, form.details),
  };
}

/** The form kept across a new view of the same partner: what was typed stays; a field of
 *  the deployment note not edited (as `before` had it) takes the new view's value. */
export function keptForm(form: StepForm, before: PartnerRow | null, after: PartnerRow): StepForm {
  const details = Object.fromEntries(
    DETAIL_FIELDS.map((f) => {
      const typed = form.details[f] ?? '';
      const edited = typed.trim() !== (before?.details[f] ?? '').trim();
      return [f, edited ? typed : (after.details[f] ?? '')];
    }),
  ) as Record<DetailField, string>;
  return { ...form, confirmations: [...form.confirmations], details };
}
