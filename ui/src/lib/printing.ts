// Printers (issue 19): the status line of printers with waiting jobs, which actions a
// print job offers, and the settings keys of a printer (the receipt printer and kitchen
// stations). The backend owns every rule (what an address looks like, which job prints
// where); these only word the line and work out what to send.
import type { SettingChange } from './api';

export type JobKind = 'receipt' | 'kitchen' | 'kitchen_cancel' | 'drawer' | 'test';
export type JobState = 'queued' | 'sending' | 'done' | 'cancelled';

/** A configured printer (or one jobs still wait for) and its queue. */
/** A printer as configured (`printers_config`, technicians). */
export interface PrinterConfig {
  name: string;
  address: string;
  /** 576 (80 mm) or 384 (58 mm). */
  width_dots: number;
  text: boolean;
  categories: string[];
}

/** What the Printers screen knows of a configured printer. */
export function savedOf(p: PrinterConfig): PrinterSaved {
  return {
    address: p.address,
    width: p.width_dots <= 384 ? '58' : '80',
    mode: p.text ? 'text' : 'raster',
    categories: p.categories.join(','),
  };
}

export interface PrinterView {
  /** `receipt` or `kitchen.<station>`. */
  name: string;
  /** The address as set ('' for a printer no longer configured). */
  address: string;
  waiting: number;
  /** A Fluent id (err-print-paper-out …) and its text in the counter's language. */
  problem_code: string | null;
  problem: string | null;
}

export interface JobView {
  id: number; kind: JobKind | string; printer: string; sale_id: string | null; payload: string;
  state: JobState; attempts: number;
  /** Printed again (a copy, or a ticket that may have printed before a crash). */
  reprint: boolean;
  last_code: string | null; last_error: string | null;
  /** RFC 3339. */
  created_at: string; sent_at: string | null; done_at: string | null;
  /** Why it waits, in the counter's language. */
  problem: string | null;
}

export const RECEIPT = 'receipt';
export const KITCHEN = 'kitchen.';
export const WIDTHS = ['80', '58'] as const;
export const MODES = ['raster', 'text'] as const;

/** A printer's name in a data-testid: dots become dashes (`kitchen.hot` → `kitchen-hot`). */
export function printerSlug(name: string): string {
  return name.replace(/\./g, '-');
}

/** The arguments of `print-ui-printer`: what kind of printer and its station. */
export function printerArgs(name: string): { kind: 'receipt' | 'kitchen' | 'other'; station: string } {
  if (name === RECEIPT) return { kind: 'receipt', station: '' };
  if (name.startsWith(KITCHEN)) return { kind: 'kitchen', station: name.slice(KITCHEN.length) };
  return { kind: 'other', station: name };
}

/** One piece of the status line: a printer with waiting jobs and a problem. */
export interface ProblemLine { name: string; slug: string; waiting: number; code: string; problem: string }

/** The printers the status line names: jobs waiting and a problem said. */
export function problemLines(printers: readonly PrinterView[]): ProblemLine[] {
  return printers
    .filter((p) => p.waiting > 0 && !!p.problem)
    .map((p) => ({ name: p.name, slug: printerSlug(p.name), waiting: p.waiting, code: p.problem_code ?? '', problem: p.problem as string }));
}

/** Whether the counter has a receipt printer configured. */
export function hasReceiptPrinter(printers: readonly PrinterView[]): boolean {
  return printers.some((p) => p.name === RECEIPT && !!p.address);
}

export function isOpenJob(job: Pick<JobView, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'sending';
}

/** What a job offers: an open one is sent now or to another printer, a printed one again. */
export interface JobActions { retry: boolean; redirect: boolean; again: boolean }

export function jobActions(job: Pick<JobView, 'state' | 'printer'> & { kind?: JobView['kind'] }, printers: readonly PrinterView[]): JobActions {
  const open = isOpenJob(job);
  // A drawer pulse again is opening the drawer: that is the manager's "Open drawer" (the
  // backend refuses it here).
  return { retry: open, redirect: open && redirectTargets(job, printers).length > 0, again: job.state === 'done' && job.kind !== 'drawer' };
}

/** The configured printers an open job may be sent to instead (not its own). */
export function redirectTargets(job: Pick<JobView, 'printer'>, printers: readonly PrinterView[]): string[] {
  return printers.filter((p) => p.name !== job.printer && !!p.address).map((p) => p.name);
}

/** Whether `s` may name a kitchen station: 1 to 20 of a-z, 0-9, _ and -. */
export function validStation(s: string): boolean {
  return /^[a-z0-9_-]{1,20}$/.test(s);
}

/** The settings keys of a printer: `receipt` or a station's (`kitchen.hot` or `hot`). */
export interface PrinterKeys { address: string; width: string; mode: string; categories: string | null }

export function printerKeys(name: string): PrinterKeys {
  if (name === RECEIPT) return { address: 'printer.receipt', width: 'printer.receipt.width', mode: 'printer.receipt.mode', categories: null };
  const station = name.startsWith(KITCHEN) ? name.slice(KITCHEN.length) : name;
  const base = `printer.kitchen.${station}`;
  return { address: base, width: `${base}.width`, mode: `${base}.mode`, categories: `${base}.categories` };
}

/** The station a settings key belongs to (`printer.kitchen.hot.width` → `hot`), or null. */
export function stationOfKey(key: string): string | null {
  if (!key.startsWith('printer.kitchen.')) return null;
  const station = key.slice('printer.kitchen.'.length).split('.')[0];
  return validStation(station) ? station : null;
}

/** A list of category ids as typed ("c-food, c-drinks,") written as stored ("c-food,c-drinks"). */
export function categoriesText(typed: string): string {
  return typed.split(',').map((s) => s.trim()).filter(Boolean).join(',');
}

/** A printer as the form edits it. `null` fields are not known (a station set up
 *  elsewhere): left empty they are kept as they are. */
export interface PrinterDraft {
  /** `receipt`, or the station's name (without `kitchen.`). */
  station: string;
  receipt: boolean;
  /** Adding a new station: its name is typed. */
  adding: boolean;
  address: string;
  width: string;
  mode: string;
  categories: string;
}

export interface PrinterSaved { address: string; width: string | null; mode: string | null; categories: string | null }

export function newStationDraft(): PrinterDraft {
  return { station: '', receipt: false, adding: true, address: '', width: '80', mode: 'raster', categories: '' };
}

export function editDraftOf(name: string, saved: PrinterSaved): PrinterDraft {
  const receipt = name === RECEIPT;
  return {
    station: receipt ? RECEIPT : name.startsWith(KITCHEN) ? name.slice(KITCHEN.length) : name,
    receipt, adding: false, address: saved.address,
    width: saved.width ?? '', mode: saved.mode ?? '', categories: saved.categories ?? '',
  };
}

/** What keeps the form from being saved, as a Fluent id, or null. */
export function draftProblem(d: PrinterDraft): string | null {
  if (!d.receipt && !validStation(d.station)) return 'print-ui-station-invalid';
  if (!d.address.trim()) return 'print-ui-address-missing';
  return null;
}

/** The changes to save for the form: the address always, the rest when changed (a field
 *  not known and left empty keeps what is stored). */
export function draftChanges(d: PrinterDraft, before: PrinterSaved | null): SettingChange[] {
  const keys = printerKeys(d.receipt ? RECEIPT : d.station);
  const out: SettingChange[] = [[keys.address, d.address.trim()]];
  const put = (key: string | null, value: string, was: string | null | undefined) => {
    if (!key) return;
    if (was === null || was === undefined) {
      if (value !== '') out.push([key, value]);
    } else if (value !== was) out.push([key, value]);
  };
  put(keys.width, d.width, before ? before.width : undefined);
  put(keys.mode, d.mode, before ? before.mode : undefined);
  if (keys.categories) {
    const cats = categoriesText(d.categories);
    // A station added, or one whose categories are known: an empty list is a change too.
    if (!before || before.categories !== null) {
      if (cats !== (before?.categories ?? '')) out.push([keys.categories, cats]);
    } else if (cats) out.push([keys.categories, cats]);
  }
  return out;
}

/** Removing a station: its address emptied. */
export function removeChanges(name: string): SettingChange[] {
  return [[printerKeys(name).address, '']];
}

/** The saved values of `changes` for the form's own list of stations. */
export function savedAfter(before: PrinterSaved | null, changes: readonly SettingChange[], keys: PrinterKeys): PrinterSaved {
  const out: PrinterSaved = before ? { ...before } : { address: '', width: null, mode: null, categories: null };
  for (const [k, v] of changes) {
    if (k === keys.address) out.address = v;
    else if (k === keys.width) out.width = v;
    else if (k === keys.mode) out.mode = v;
    else if (k === keys.categories) out.categories = v;
  }
  return out;
}
