// The partner connections screen's pure helpers: test ids, the status chip, the month-end
// picker's months, what each next step marks as required, and the request a step sends.
import { describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import {
  addMonths, chipClass, clampMonth, monthLabel, chipKind, connApi, currentMonth, defaultMonth, detailsEdit, emptyForm, keptForm, mayDisable,
  monthYears, nextMonth, parseMonth, partnerTestId, previousMonth, recordRequest, requiredFor, shownMonth, showsPointCode, statusId, type PartnerRow,
} from './connections';

const details = { point_name: 'Quay Café Lê Lợi', address: '1 Lê Lợi, Q1, HCMC', contact_name: 'Lan', contact_phone: '0901 234 567', point_code: null, notes: null };
const momo: PartnerRow = {
  partner: 'momo', name: 'MoMo', status: 'requested', next: 'confirmed', confirmations_required: ['leader', 'merchant'],
  needs_point_code: false, details, steps: [], has_proof: false,
};
const giftpop: PartnerRow = { ...momo, partner: 'giftpop', name: 'GiftPop', confirmations_required: ['merchant'], needs_point_code: true };

describe('connections helpers', () => {
  it('makes test ids of partner names', () => {
    expect(partnerTestId('momo')).toBe('momo');
    expect(partnerTestId('vpos:Akbank')).toBe('vpos-Akbank');
  });

  it('draws each status as its chip', () => {
    expect(chipKind(null)).toBe('never');
    for (const s of ['requested', 'confirmed', 'deployed', 'approved']) expect(chipKind(s)).toBe('progress');
    expect(chipKind('connected')).toBe('connected');
    expect(chipKind('disabled')).toBe('disabled');
    expect(chipClass(null)).toBe('chip never');
    expect(chipClass('connected')).toBe('chip connected');
    expect(statusId(null)).toBe('conn-ui-status-never');
    expect(statusId('approved')).toBe('conn-ui-step-approved');
  });

  it('defaults to the previous month and steps across years', () => {
    expect(defaultMonth('2026-12-03')).toBe('2026-11');
    expect(defaultMonth('2027-01-15')).toBe('2026-12');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-03')).toBe('2026-04');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('2026-1')).toBeNull();
    expect(parseMonth('2026-02')).toEqual({ year: 2026, month: 2 });
    expect(monthLabel('2026-11', 'en')).toBe('November 2026');
    expect(monthLabel('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(monthLabel('soon', 'en')).toBe('soon');
    expect(defaultMonth()).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
  });

  it('keeps the month picker between 2000 and its last month', () => {
    expect(currentMonth('2026-11-20')).toBe('2026-11');
    expect(clampMonth({ year: 2026, month: 12 }, '2026-11')).toBe('2026-11');
    expect(clampMonth({ year: 2027, month: 1 }, '2026-11')).toBe('2026-11');
    expect(clampMonth({ year: 2026, month: 3 }, '2026-11')).toBe('2026-03');
    expect(clampMonth({ year: 2030, month: 3 })).toBe('2030-03');
    // The month shown: the value when it is one, else this month; never after the last.
    expect(shownMonth('2026-10', '2026-11', '2026-11')).toBe('2026-10');
    expect(shownMonth('2026-12', '2026-11', '2026-11')).toBe('2026-11');
    expect(shownMonth('2031-01', '2026-11', '2026-11')).toBe('2026-11');
    expect(shownMonth('soon', '2026-11', '2026-11')).toBe('2026-11');
    expect(shownMonth('', '2026-11')).toBe('2026-11');
    expect(shownMonth('2026-13', '2026-11', '2026-11')).toBe('2026-11');
    expect(shownMonth('1999-12', '2026-11', '2026-11')).toBe('2026-11');
    expect(shownMonth('0001-01', '2026-11', '2026-11')).toBe('2026-11');
    expect(shownMonth('2000-01', '2026-11', '2026-11')).toBe('2000-01');
    // The years: five back, up to the last month's year, none before 2000.
    expect(monthYears({ year: 2026, month: 5 }, 2026, '2026-11')).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(monthYears({ year: 2015, month: 5 }, 2026, '2026-11')[0]).toBe(2015);
    expect(monthYears({ year: 2015, month: 5 }, 2026, '2026-11').at(-1)).toBe(2026);
    expect(monthYears({ year: 2001, month: 5 }, 2003, '2003-02')).toEqual([2000, 2001, 2002, 2003]);
    expect(monthYears({ year: 2026, month: 5 }, 2026)).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
  });

  it('marks what each next step asks for', () => {
    expect(requiredFor(momo, 'requested')).toEqual({ reference: true, note: false, confirmations: [], details: [] });
    expect(requiredFor(momo, 'confirmed')).toEqual({ reference: false, note: false, confirmations: ['leader', 'merchant'], details: [] });
    expect(requiredFor(giftpop, 'confirmed').confirmations).toEqual(['merchant']);
    expect(requiredFor(momo, 'deployed').details).toEqual(['point_name', 'address', 'contact_name', 'contact_phone']);
    expect(requiredFor(momo, 'approved')).toEqual({ reference: true, note: false, confirmations: [], details: [] });
    expect(requiredFor(giftpop, 'approved')).toEqual({ reference: true, note: false, confirmations: [], details: ['point_code'] });
    expect(requiredFor(momo, 'connected')).toEqual({ reference: false, note: false, confirmations: [], details: [] });
    expect(requiredFor(momo, 'disabled')).toEqual({ reference: false, note: true, confirmations: [], details: [] });
    expect(requiredFor(momo, null)).toEqual({ reference: false, note: false, confirmations: [], details: [] });
  });

  it('offers Disable once started and not disabled; the point code where the partner gives one', () => {
    expect(mayDisable({ status: null })).toBe(false);
    expect(mayDisable({ status: 'disabled' })).toBe(false);
    expect(mayDisable({ status: 'connected' })).toBe(true);
    expect(showsPointCode(momo)).toBe(false);
    expect(showsPointCode(giftpop)).toBe(true);
    expect(showsPointCode({ ...momo, details: { ...details, point_code: 'X1' } })).toBe(true);
  });

  it('sends only the changed note fields, "" to clear', () => {
    const typed = { ...emptyForm(momo).details, contact_name: ' Lan ', address: '', notes: 'Back door' };
    expect(detailsEdit(details, typed)).toEqual({ point_name: null, address: '', contact_name: null, contact_phone: null, point_code: null, notes: 'Back door' });
  });

  it('builds the request: confirmations only for `confirmed`, in the partner’s order; empty text is none', () => {
    const form = { ...emptyForm(momo), reference: '  ', note: 'by phone', confirmations: ['merchant', 'leader'] };
    expect(recordRequest(momo, 'confirmed', form)).toEqual({
      reference: null, confirmations: ['leader', 'merchant'], note: 'by phone',
      details: { point_name: null, address: null, contact_name: null, contact_phone: null, point_code: null, notes: null },
    });
    expect(recordRequest(momo, 'disabled', form).confirmations).toEqual([]);
  });

  it('disables with the note alone: no reference, no confirmations, no field of the note', () => {
    const form = { ...emptyForm(momo), reference: 'R-9', note: ' Closed ', confirmations: ['leader', 'merchant'] };
    form.details.address = '2 Hai Bà Trưng';
    expect(recordRequest(momo, 'disabled', form)).toEqual({
      reference: null, confirmations: [], note: 'Closed',
      details: { point_name: null, address: null, contact_name: null, contact_phone: null, point_code: null, notes: null },
    });
    expect(recordRequest(momo, 'disabled', { ...form, note: '  ' }).note).toBeNull();
  });

  it('keeps what was typed across a new view of the same partner', () => {
    const form = { ...emptyForm(momo), reference: 'R-9', note: 'typed', confirmations: ['merchant'] };
    form.details.address = '2 Hai Bà Trưng';
    const after = { ...momo, details: { ...details, contact_name: 'Hoa', address: '3 Pasteur' } };
    const kept = keptForm(form, momo, after);
    expect(kept.reference).toBe('R-9');
    expect(kept.note).toBe('typed');
    expect(kept.confirmations).toEqual(['merchant']);
    // Edited: as typed; not edited: the new view's.
    expect(kept.details.address).toBe('2 Hai Bà Trưng');
    expect(kept.details.contact_name).toBe('Hoa');
    expect(kept.details.point_code).toBe('');
  });

  it('names the backend’s commands and their arguments', async () => {
    invoke.mockReset().mockResolvedValue({});
    const request = recordRequest(momo, 'confirmed', emptyForm(momo));
    await connApi.view();
    await connApi.record('vpos:Akbank', 'requested', request);
    await connApi.note('momo');
    await connApi.proof('momo');
    await connApi.points('2026-11');
    expect(invoke.mock.calls).toEqual([
      ['connections_view', undefined],
      ['connection_record', { partner: 'vpos:Akbank', step: 'requested', request }],
      ['connection_note', { partner: 'momo' }],
      ['connection_proof', { partner: 'momo' }],
      ['connection_points', { month: '2026-11' }],
    ]);
  });
});
