import { describe, expect, it } from 'vitest';
import {
  categoriesText, draftChanges, draftProblem, editDraftOf, hasReceiptPrinter, jobActions, newStationDraft, printerArgs,
  printerKeys, printerSlug, problemLines, redirectTargets, removeChanges, savedAfter, stationOfKey, validStation,
  type PrinterView,
} from './printing';

const printer = (name: string, over: Partial<PrinterView> = {}): PrinterView => ({
  name, address: `tcp://10.0.0.${name.length}:9100`, waiting: 0, problem_code: null, problem: null, ...over,
});
const printers = [
  printer('receipt'),
  printer('kitchen.hot', { waiting: 2, problem_code: 'err-print-paper-out', problem: 'The printer is out of paper.' }),
  printer('kitchen.bar', { waiting: 1 }),
  printer('kitchen.old', { address: '', waiting: 3, problem_code: 'err-print-no-printer', problem: 'There is no printer.' }),
];

describe('the status line', () => {
  it('names the printers with waiting jobs and a problem', () => {
    expect(problemLines(printers)).toEqual([
      { name: 'kitchen.hot', slug: 'kitchen-hot', waiting: 2, code: 'err-print-paper-out', problem: 'The printer is out of paper.' },
      { name: 'kitchen.old', slug: 'kitchen-old', waiting: 3, code: 'err-print-no-printer', problem: 'There is no printer.' },
    ]);
    expect(problemLines([printer('receipt', { problem: 'x', problem_code: 'err-print-offline' })])).toEqual([]);
  });

  it('words a printer’s name and slug', () => {
    expect(printerArgs('receipt')).toEqual({ kind: 'receipt', station: '' });
    expect(printerArgs('kitchen.hot')).toEqual({ kind: 'kitchen', station: 'hot' });
    expect(printerArgs('lobby')).toEqual({ kind: 'other', station: 'lobby' });
    expect(printerSlug('kitchen.hot.x')).toBe('kitchen-hot-x');
  });

  it('knows whether a receipt printer is configured', () => {
    expect(hasReceiptPrinter(printers)).toBe(true);
    expect(hasReceiptPrinter(printers.slice(1))).toBe(false);
    expect(hasReceiptPrinter([printer('receipt', { address: '' })])).toBe(false);
  });
});

describe('what a job offers', () => {
  it('an open job is sent now or elsewhere; a printed one again', () => {
    expect(jobActions({ state: 'queued', printer: 'kitchen.hot' }, printers)).toEqual({ retry: true, redirect: true, again: false });
    expect(jobActions({ state: 'sending', printer: 'kitchen.hot' }, printers)).toEqual({ retry: true, redirect: true, again: false });
    expect(jobActions({ state: 'done', printer: 'kitchen.hot' }, printers)).toEqual({ retry: false, redirect: false, again: true });
    expect(jobActions({ state: 'cancelled', printer: 'kitchen.hot' }, printers)).toEqual({ retry: false, redirect: false, again: false });
    expect(jobActions({ state: 'done', printer: 'receipt', kind: 'drawer' }, printers).again).toBe(false);
  });

  it('sends elsewhere only to another configured printer', () => {
    expect(redirectTargets({ printer: 'kitchen.hot' }, printers)).toEqual(['receipt', 'kitchen.bar']);
    expect(jobActions({ state: 'queued', printer: 'receipt' }, [printer('receipt')]).redirect).toBe(false);
  });
});

describe('station keys', () => {
  it('validates a station name as the backend does', () => {
    for (const ok of ['hot', 'bar', 'a', 'grill_2', 'cold-1', 'x'.repeat(20)]) expect(validStation(ok)).toBe(true);
    for (const bad of ['', 'Hot', 'hot bar', 'hot.bar', 'x'.repeat(21), 'bếp']) expect(validStation(bad)).toBe(false);
  });

  it('builds the keys of the receipt printer and of a station', () => {
    expect(printerKeys('receipt')).toEqual({ address: 'printer.receipt', width: 'printer.receipt.width', mode: 'printer.receipt.mode', categories: null });
    const hot = { address: 'printer.kitchen.hot', width: 'printer.kitchen.hot.width', mode: 'printer.kitchen.hot.mode', categories: 'printer.kitchen.hot.categories' };
    expect(printerKeys('kitchen.hot')).toEqual(hot);
    expect(printerKeys('hot')).toEqual(hot);
    expect(stationOfKey('printer.kitchen.hot.width')).toBe('hot');
    expect(stationOfKey('printer.kitchen.bar')).toBe('bar');
    expect(stationOfKey('printer.receipt')).toBeNull();
  });

  it('writes categories as stored', () => {
    expect(categoriesText(' c-food, c-drinks ,,')).toBe('c-food,c-drinks');
    expect(categoriesText('')).toBe('');
  });

  it('saves a new station whole', () => {
    const d = { ...newStationDraft(), station: 'hot', address: ' tcp://10.0.0.5:9100 ', categories: 'c-food, c-soup' };
    expect(draftProblem(d)).toBeNull();
    expect(draftChanges(d, null)).toEqual([
      ['printer.kitchen.hot', 'tcp://10.0.0.5:9100'],
      ['printer.kitchen.hot.width', '80'],
      ['printer.kitchen.hot.mode', 'raster'],
      ['printer.kitchen.hot.categories', 'c-food,c-soup'],
    ]);
    expect(draftProblem({ ...d, station: 'Hot' })).toBe('print-ui-station-invalid');
    expect(draftProblem({ ...d, address: ' ' })).toBe('print-ui-address-missing');
  });

  it('saves only what changed of a known station, an emptied category list included', () => {
    const saved = { address: 'tcp://h:9100', width: '80', mode: 'raster', categories: 'c-food' };
    const d = { ...editDraftOf('kitchen.hot', saved), width: '58', categories: '' };
    expect(d.station).toBe('hot');
    expect(draftChanges(d, saved)).toEqual([
      ['printer.kitchen.hot', 'tcp://h:9100'],
      ['printer.kitchen.hot.width', '58'],
      ['printer.kitchen.hot.categories', ''],
    ]);
  });

  it('keeps what is not known of a station set up elsewhere when left empty', () => {
    const saved = { address: 'tcp://h:9100', width: null, mode: null, categories: null };
    const d = editDraftOf('kitchen.bar', saved);
    expect(d.width).toBe('');
    expect(draftChanges(d, saved)).toEqual([['printer.kitchen.bar', 'tcp://h:9100']]);
    expect(draftChanges({ ...d, mode: 'text', categories: 'c-drinks' }, saved)).toEqual([
      ['printer.kitchen.bar', 'tcp://h:9100'], ['printer.kitchen.bar.mode', 'text'], ['printer.kitchen.bar.categories', 'c-drinks'],
    ]);
  });

  it('edits the receipt printer without categories', () => {
    const saved = { address: 'tcp://r:9100', width: '80', mode: 'raster', categories: null };
    const d = { ...editDraftOf('receipt', saved), mode: 'text' };
    expect(draftProblem(d)).toBeNull();
    expect(draftChanges(d, saved)).toEqual([['printer.receipt', 'tcp://r:9100'], ['printer.receipt.mode', 'text']]);
  });

  it('removes a station by emptying its address, and remembers what was saved', () => {
    expect(removeChanges('kitchen.hot')).toEqual([['printer.kitchen.hot', '']]);
    const keys = printerKeys('kitchen.hot');
    expect(savedAfter(null, [['printer.kitchen.hot', 'tcp://h:9100'], ['printer.kitchen.hot.width', '58']], keys)).toEqual({
      address: 'tcp://h:9100', width: '58', mode: null, categories: null,
    });
  });
});
