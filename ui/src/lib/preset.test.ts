import { describe, expect, it } from 'vitest';
import type { BankColumn, BankPreset, FileSample, SampleColumn } from './api';
import {
  FIELDS, clip, columnIndexOf, columnOf, dateExample, delimiterOf, delimiterOption, examplesText, formFromSample, kindCounts,
  missingRequired, offsetText, parseOffset, presetFromForm, problems, replacesSaved, typeValues, type PresetForm,
} from './preset';

const col = (index: number, header: string, values: string[], more_values = false): SampleColumn =>
  ({ index, header, examples: values.slice(0, 3), values, more_values });
const named = (name: string): BankColumn => ({ names: [name], index: null, required: true });
const at = (index: number): BankColumn => ({ names: [], index, required: true });
const unmapped: BankColumn = { names: [], index: null, required: true };

function preset(extra: Partial<BankPreset> = {}, columns: Partial<BankPreset['columns']> = {}): BankPreset {
  return {
    name: '', delimiter: ';', has_header: true,
    columns: {
      transaction_id: null, merchant_reference: null, order_code: null, merchant_id: null, terminal_id: null,
      date_time: unmapped, scheme: null, masked_pan: null, amount: unmapped, currency: null, auth_code: null, rrn: null,
      stan: null, kind: null, ...columns,
    },
    amount: { format: 'decimal', separator: ',' }, date_time: { format: 'iso8601' }, types: {}, ...extra,
  };
}

// The backend's sample of a semicolon file: "Datum;Terminal ID;Betrag;Währung;Auth Code;Transaction Type;Reference".
const german: FileSample = {
  delimiter: ';', has_header: true, rows: 2,
  columns: [
    col(0, 'Datum', ['21.11.2026 19:45', '21.11.2026 20:01']),
    col(1, 'Terminal ID', ['T1']),
    col(2, 'Betrag', ['12,50', '3,00']),
    col(3, 'Währung', ['EUR']),
    col(4, 'Auth Code', ['A1B2C3', 'D4E5F6']),
    col(5, 'Transaction Type', ['Purchase', 'Refund', 'Fee']),
    col(6, 'Reference', ['q-1', 'q-2']),
  ],
  suggested: preset(
    { date_time: { format: 'pattern', pattern: '%d.%m.%Y %H:%M', utc_offset_minutes: 60 }, types: { Purchase: 'sale', Refund: 'refund' } },
    {
      date_time: named('Datum'), terminal_id: named('Terminal ID'), amount: named('Betrag'), currency: named('Währung'),
      auth_code: named('Auth Code'), kind: named('Transaction Type'), merchant_reference: named('Reference'),
    },
  ),
};

// Without a header: "2026-11-21 19:45:03|45000|AB12".
const bare: FileSample = {
  delimiter: '|', has_header: false, rows: 2,
  columns: [col(0, '', ['2026-11-21 19:45:03', '2026-11-21 20:00:00']), col(1, '', ['45000', '30000']), col(2, '', ['AB12', 'CD34'])],
  suggested: preset(
    { delimiter: '|', has_header: false, amount: { format: 'decimal', separator: '.' }, date_time: { format: 'pattern', pattern: '%Y-%m-%d %H:%M:%S', utc_offset_minutes: 420 } },
    { date_time: at(0), amount: at(1) },
  ),
};

// Nothing recognised: "foo,bar".
const unknown: FileSample = {
  delimiter: ',', has_header: true, rows: 1, columns: [col(0, 'foo', ['x']), col(1, 'bar', ['y'])],
  suggested: preset({ delimiter: ',', amount: { format: 'decimal', separator: '.' } }),
};

describe('fields', () => {
  it('lists the 14 preset columns in display order, date and amount required', () => {
    expect(FIELDS.map((f) => f.key)).toEqual([
      'transaction_id', 'merchant_reference', 'order_code', 'merchant_id', 'terminal_id', 'date_time', 'scheme',
      'masked_pan', 'amount', 'currency', 'auth_code', 'rrn', 'stan', 'kind',
    ]);
    expect(FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(['date_time', 'amount']);
    expect(Object.keys(german.suggested.columns).sort()).toEqual(FIELDS.map((f) => f.key).sort());
  });
});

describe('the form from the suggestion', () => {
  const cases: { name: string; sample: FileSample; fallback: number; want: Omit<PresetForm, 'columns'>; mapped: Partial<PresetForm['columns']> }[] = [
    {
      name: 'a header file: columns by name, comma decimals, local pattern at the suggested offset',
      sample: german, fallback: 0,
      want: { amount: 'decimal-,', date: 'pattern', pattern: '%d.%m.%Y %H:%M', offset: '+01:00', types: { Purchase: 'sale', Refund: 'refund' } },
      mapped: { date_time: 0, terminal_id: 1, amount: 2, currency: 3, auth_code: 4, kind: 5, merchant_reference: 6 },
    },
    {
      name: 'a file without header: columns by position',
      sample: bare, fallback: 0,
      want: { amount: 'decimal-.', date: 'pattern', pattern: '%Y-%m-%d %H:%M:%S', offset: '+07:00', types: {} },
      mapped: { date_time: 0, amount: 1 },
    },
    {
      name: 'nothing recognised: required fields unmapped, ISO with the fallback offset ready',
      sample: unknown, fallback: -210,
      want: { amount: 'decimal-.', date: 'iso8601', pattern: '', offset: '-03:30', types: {} },
      mapped: {},
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = formFromSample(c.sample, c.fallback);
      const { columns, ...rest } = f;
      expect(rest).toEqual(c.want);
      const expected = Object.fromEntries(FIELDS.map((x) => [x.key, c.mapped[x.key] ?? null]));
      expect(columns).toEqual(expected);
    });
  }

  it('reads minor units', () => {
    const s = { ...bare, suggested: { ...bare.suggested, amount: { format: 'minor' as const } } };
    expect(formFromSample(s).amount).toBe('minor');
  });

  it('finds a suggested column as the backend would: folded header, else index', () => {
    const cases: [BankColumn | null, FileSample, number | null][] = [
      [named('Terminal ID'), german, 1],
      [named('terminal_id'), german, 1],
      [named('TERMINAL-ID'), german, 1],
      [{ names: ['nope', 'Betrag'], index: null, required: true }, german, 2],
      [named('nope'), german, null],
      [{ names: ['nope'], index: 4, required: true }, german, 4],
      [at(2), bare, 2],
      [at(9), bare, null],
      [named('Datum'), bare, null],
      [unmapped, german, null],
      [null, german, null],
    ];
    for (const [c, s, want] of cases) expect(columnIndexOf(c, s), JSON.stringify(c)).toBe(want);
  });
});

describe('picked columns', () => {
  const twins: FileSample = { ...unknown, columns: [col(0, 'Ref', ['a']), col(1, 'ref', ['b']), col(2, '', ['c']), col(3, 'Amount', ['1'])] };
  const cases: [string, FileSample, number, BankColumn][] = [
    ['by its header name', german, 2, named('Betrag')],
    ['by position without header', bare, 1, at(1)],
    ['by position when two headers read the same', twins, 1, at(1)],
    ['by position when the header cell is empty', twins, 2, at(2)],
    ['by name when the header is unique', twins, 3, named('Amount')],
  ];
  for (const [name, s, i, want] of cases) it(name, () => expect(columnOf(s, i)).toEqual(want));
});

describe('the preset from the form', () => {
  it('gives back the suggestion it came from, named', () => {
    const p = presetFromForm(formFromSample(german), german, '  Bank DE ');
    expect(p).toEqual({ ...german.suggested, name: 'Bank DE' });
    const q = presetFromForm(formFromSample(bare), bare, 'b');
    expect(q).toEqual({ ...bare.suggested, name: 'b' });
  });

  it('sends the manager\'s choices', () => {
    const f = formFromSample(german);
    f.columns.transaction_id = 6;
    f.columns.merchant_reference = null;
    f.columns.currency = null;
    f.amount = 'minor';
    f.offset = '-03:30';
    f.types = { ...f.types, Fee: 'fee', Refund: '' };
    const p = presetFromForm(f, german, 'x')!;
    expect(p.columns.transaction_id).toEqual(named('Reference'));
    expect(p.columns.merchant_reference).toBeNull();
    expect(p.columns.currency).toBeNull();
    expect(p.amount).toEqual({ format: 'minor' });
    expect(p.date_time).toEqual({ format: 'pattern', pattern: '%d.%m.%Y %H:%M', utc_offset_minutes: -210 });
    expect(p.types).toEqual({ Purchase: 'sale', Fee: 'fee' });
    expect(p.delimiter).toBe(';');
    expect(p.has_header).toBe(true);
  });

  it('keeps unmapped required fields as placeholders, never null', () => {
    const p = presetFromForm(formFromSample(unknown), unknown, 'x')!;
    expect(p.columns.date_time).toEqual(unmapped);
    expect(p.columns.amount).toEqual(unmapped);
    expect(p.columns.kind).toBeNull();
    expect(p.date_time).toEqual({ format: 'iso8601' });
  });

  it('drops the type words when no column holds the type', () => {
    const f = formFromSample(german);
    f.columns.kind = null;
    expect(presetFromForm(f, german, 'x')!.types).toEqual({});
  });

  it('makes none while the pattern or its offset is not usable', () => {
    const cases: [Partial<PresetForm>, boolean][] = [
      [{ offset: '+25:00' }, false],
      [{ offset: 'UTC' }, false],
      [{ pattern: '  ' }, false],
      [{ offset: ' +0530 ' }, true],
      [{ date: 'iso8601', offset: 'junk', pattern: '' }, true],
    ];
    for (const [change, ok] of cases) {
      const p = presetFromForm({ ...formFromSample(german), ...change }, german, 'x');
      expect(p !== null, JSON.stringify(change)).toBe(ok);
    }
  });
});

describe('what keeps the form from a usable preset', () => {
  const base = formFromSample(german);
  const cases: [string, PresetForm, FileSample, string[]][] = [
    ['nothing on the suggestion', base, german, []],
    ['unmapped date and amount', formFromSample(unknown), unknown, ['required']],
    ['an empty pattern', { ...base, pattern: '' }, german, ['pattern']],
    ['a bad offset', { ...base, offset: '7:60' }, german, ['offset']],
    ['ISO ignores pattern and offset', { ...base, date: 'iso8601', pattern: '', offset: '' }, german, []],
    ['a decimal comma in a comma file', { ...formFromSample(unknown), amount: 'decimal-,' }, unknown, ['required', 'separator']],
    ['a decimal comma in a semicolon file', base, german, []],
  ];
  for (const [name, f, s, want] of cases) it(name, () => expect(problems(f, s)).toEqual(want));

  it('names the required fields still unmapped', () => {
    expect(missingRequired(formFromSample(unknown))).toEqual(['date_time', 'amount']);
    expect(missingRequired({ ...base, columns: { ...base.columns, amount: null } })).toEqual(['amount']);
    expect(missingRequired(base)).toEqual([]);
  });
});

describe('type words', () => {
  it('lists the type column\'s values with their chosen kind', () => {
    expect(typeValues(formFromSample(german), german)).toEqual([
      { value: 'Purchase', kind: 'sale' },
      { value: 'Refund', kind: 'refund' },
      { value: 'Fee', kind: '' },
    ]);
  });

  it('takes a word given in another case, as the backend compares', () => {
    const f = { ...formFromSample(german), types: { purchase: 'sale' as const, REFUND: 'chargeback' as const } };
    expect(typeValues(f, german).map((t) => t.kind)).toEqual(['sale', 'chargeback', '']);
    expect(presetFromForm(f, german, 'x')!.types).toEqual({ Purchase: 'sale', Refund: 'chargeback' });
  });

  it('lists nothing without a type column, and follows the column picked', () => {
    const f = formFromSample(german);
    expect(typeValues({ ...f, columns: { ...f.columns, kind: null } }, german)).toEqual([]);
    expect(typeValues({ ...f, columns: { ...f.columns, kind: 1 } }, german)).toEqual([{ value: 'T1', kind: '' }]);
  });
});

describe('offsets', () => {
  const texts: [number, string][] = [[420, '+07:00'], [-210, '-03:30'], [0, '+00:00'], [330, '+05:30'], [-720, '-12:00'], [345, '+05:45']];
  for (const [min, text] of texts) {
    it(`${min} minutes is ${text} and back`, () => {
      expect(offsetText(min)).toBe(text);
      expect(parseOffset(text)).toBe(min);
    });
  }

  const typed: [string, number | null][] = [
    ['-03:30', -210], ['+0700', 420], ['7', 420], ['07:00', 420], ['\u221205:00', -300], [' +02:00 ', 120], ['-0', 0],
    ['', null], ['+24:00', null], ['+07:60', null], ['+7:5', null], ['UTC+7', null], ['+07:00:00', null], ['abc', null], ['++07', null],
  ];
  for (const [text, want] of typed) it(`reads ${JSON.stringify(text)} as ${want}`, () => expect(parseOffset(text)).toBe(want));
});

describe('delimiters', () => {
  const cases: [string, string][] = [[',', ','], [';', ';'], ['\t', 'tab'], ['|', '|']];
  for (const [char, option] of cases) {
    it(`${JSON.stringify(char)} is the option ${option}`, () => {
      expect(delimiterOption(char)).toBe(option);
      expect(delimiterOf(option)).toBe(char);
    });
  }
  it('takes "tab" as the tab too', () => expect(delimiterOption('tab')).toBe('tab'));
});

describe('what the screen shows', () => {
  it('clips long values', () => {
    expect(clip('short')).toBe('short');
    expect(clip('x'.repeat(30), 10)).toBe('xxxxxxxxx…');
    expect(clip('ééééé', 5)).toBe('ééééé');
  });

  it('shows the first two examples of a column', () => {
    expect(examplesText(german.columns[5])).toBe('Purchase, Refund');
    expect(examplesText(col(0, 'x', []))).toBe('');
  });

  it('shows the first date of the mapped date column', () => {
    const f = formFromSample(german);
    expect(dateExample(f, german)).toBe('21.11.2026 19:45');
    expect(dateExample(formFromSample(unknown), unknown)).toBeNull();
  });

  it('counts a preview\'s kinds in order, zeros left out', () => {
    expect(kindCounts({ fee: 1, sale: 12, refund: 0 })).toEqual([['sale', 12], ['fee', 1]]);
    expect(kindCounts({})).toEqual([]);
  });

  it('warns when a name would replace a saved mapping', () => {
    const names = ['generic', 'viva', 'Bank DE'];
    const cases: [string, boolean][] = [['Bank DE', true], [' Bank DE ', true], ['bank de', false], ['viva', false], ['', false], ['New', false]];
    for (const [name, want] of cases) expect(replacesSaved(name, names, ['generic', 'viva']), name).toBe(want);
  });
});
