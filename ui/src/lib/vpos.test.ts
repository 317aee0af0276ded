// The virtual POS calls (the backend mocked at Tauri's invoke), the card held while typed
// and emptied after every pay whatever the outcome, the per-kind definition form and the
// day-end rows' order.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { api } from './api';
import { CardEntry, cardDigits, cvvText, expiryText } from './vpos-card.svelte';
import {
  canEnterByHand, cancelledAs, definitionInput, editDraft, fieldId, isCancellable, isFinal, isUnknown, matchId, missingFields, newDraft,
  outcomeArgs, sortedRows, switchKind, vposApi, withDay, type LogRow, type VposDayRow, type VposDayView, type VposPaymentView,
} from './vpos';
import { GARANTI, NESTPAY, POSNET, definition, payment } from './vpos-fixtures';

const CARD = '4508034508034509';

describe('vpos calls', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue({});
  });

  it('names the commands and their arguments', async () => {
    const input = definitionInput(newDraft(NESTPAY, 'TRY'), NESTPAY);
    const order = { name: 'Akbank', amount: '125.50', reference: 'R1', phone: null, note: null, use_sale: false };
    await vposApi.definitions();
    await vposApi.choices();
    await vposApi.kinds();
    await vposApi.save(input);
    await vposApi.remove('Akbank');
    await vposApi.moto({ ...order, number: '4', expiry: '12/30', cvv: '000' });
    await vposApi.linkStart(order);
    await vposApi.linkStatus('oid-1');
    await vposApi.cancel('oid-1');
    await vposApi.resolve();
    await vposApi.log(null);
    await vposApi.dayend('2026-12-03');
    await vposApi.dayendFetch(null, 'Garanti');
    await vposApi.dayendImport('2026-12-03', 'Akbank', 'OrderId,Date\n', 'export.csv');
    await vposApi.dayendHand('2026-12-03', 'Akbank', 'oid-2', 'Taken on paper');
    await api.connectionTest('vpos:Akbank');
    expect(invoke.mock.calls).toEqual([
      ['vpos_definitions', undefined],
      ['vpos_choices', undefined],
      ['vpos_kinds', undefined],
      ['vpos_save', { input }],
      ['vpos_remove', { name: 'Akbank' }],
      ['vpos_moto', { req: { ...order, number: '4', expiry: '12/30', cvv: '000' } }],
      ['vpos_link_start', { req: order }],
      ['vpos_link_status', { orderId: 'oid-1' }],
      ['vpos_cancel', { orderId: 'oid-1' }],
      ['vpos_resolve', undefined],
      ['vpos_log', { date: null }],
      ['vpos_dayend', { date: '2026-12-03' }],
      ['vpos_dayend_fetch', { date: null, name: 'Garanti' }],
      ['vpos_dayend_import', { date: '2026-12-03', name: 'Akbank', content: 'OrderId,Date\n', fileName: 'export.csv', preset: null }],
      ['vpos_dayend_hand', { date: '2026-12-03', name: 'Akbank', orderId: 'oid-2', reason: 'Taken on paper' }],
      ['connection_test', { target: 'vpos:Akbank' }],
    ]);
  });
});

describe('the card typed for a phone payment', () => {
  const order = { name: 'Akbank', amount: '125.50', reference: 'R1', phone: '0532 000 00 00', note: 'Deposit', use_sale: false };
  const typed = () => {
    const c = new CardEntry();
    c.number = CARD;
    c.expiry = '12/30';
    c.cvv = '000';
    return c;
  };

  beforeEach(() => {
    invoke.mockReset();
  });

  it('sends the card once and empties the fields when approved', async () => {
    invoke.mockResolvedValue(payment('approved'));
    const c = typed();
    expect(c.complete).toBe(true);
    const r = await c.pay(order);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke.mock.calls[0]).toEqual(['vpos_moto', { req: { ...order, number: CARD, expiry: '12/30', cvv: '000' } }]);
    expect(r).toEqual({ ok: true, payment: payment('approved') });
    expect([c.number, c.expiry, c.cvv]).toEqual(['', '', '']);
    expect(c.complete).toBe(false);
    expect(c.busy).toBe(false);
  });

  it('empties the fields when declined', async () => {
    invoke.mockResolvedValue(payment('declined'));
    const c = typed();
    const r = await c.pay(order);
    expect(r?.ok && r.payment.state).toBe('declined');
    expect([c.number, c.expiry, c.cvv]).toEqual(['', '', '']);
  });

  it('empties the fields when the backend refuses, and keeps only its error', async () => {
    invoke.mockRejectedValue({ code: 'err-vpos-card-luhn', message: 'The card number is not valid.' });
    const c = typed();
    const r = await c.pay(order);
    expect(r).toEqual({ ok: false, error: { code: 'err-vpos-card-luhn', message: 'The card number is not valid.' } });
    expect([c.number, c.expiry, c.cvv]).toEqual(['', '', '']);
    expect(JSON.stringify(r)).not.toContain(CARD);
  });

  it('sends nothing on a second tap while one runs, and empties the fields after', async () => {
    let answer: (v: VposPaymentView) => void = () => {};
    invoke.mockReturnValue(new Promise((res) => (answer = res)));
    const c = typed();
    const first = c.pay(order);
    expect(c.busy).toBe(true);
    expect(await c.pay(order)).toBeNull();
    answer(payment('approved'));
    await first;
    expect(invoke).toHaveBeenCalledTimes(1);
    expect([c.number, c.expiry, c.cvv, c.busy]).toEqual(['', '', '', false]);
  });

  it('empties the fields when the call fails with anything', async () => {
    invoke.mockRejectedValue(new Error(`connection reset while sending ${CARD}`));
    const c = typed();
    const r = await c.pay(order);
    expect(r?.ok).toBe(false);
    expect([c.number, c.expiry, c.cvv]).toEqual(['', '', '']);
  });

  it('keeps only what a card field may hold as it is typed', () => {
    expect(cardDigits('4508 0345-0803 4509x')).toBe('4508 0345-0803 4509');
    expect(cardDigits('abc')).toBe('');
    expect(expiryText('1230')).toBe('12/30');
    expect(expiryText('12/3')).toBe('12/3');
    expect(expiryText('1')).toBe('1');
    expect(cvvText('12a34 5')).toBe('1234');
  });
});

describe('the definition form', () => {
  it('starts a new definition with the kind’s fields, empty', () => {
    const d = newDraft(GARANTI, 'TRY');
    expect(d.original_name).toBeNull();
    expect(Object.keys(d.fields)).toEqual(['merchant_id', 'terminal_id', 'prov_user', 'prov_password', 'refund_user', 'refund_password', 'store_key']);
    expect(Object.values(d.fields).every((v) => v === '')).toBe(true);
  });

  it('edits a definition with its values and its secrets empty (kept)', () => {
    const d = editDraft(definition);
    expect(d.original_name).toBe('Akbank');
    expect(d.fields).toEqual({ client_id: '100200300', username: 'QUAYAPI', password: '', store_key: '' });
    expect(d.gate_url).toBe('http://127.0.0.1:9100/fim/est3Dgate');
    expect(d.static_ip).toBe('203.0.113.7');
  });

  it('keeps what was typed in a field both kinds have when the kind changes', () => {
    const d = newDraft(GARANTI, 'TRY');
    d.fields.merchant_id = '7000679';
    d.fields.store_key = 'k';
    const p = switchKind(d, POSNET);
    expect(p.kind).toBe('posnet');
    expect(p.fields).toEqual({ merchant_id: '7000679', terminal_id: '', posnet_id: '', store_key: 'k' });
  });

  it('sends trimmed text, secrets as typed, nulls for what is empty, only the kind’s fields', () => {
    const d = editDraft(definition);
    d.name = '  Akbank ';
    d.currency = 'try';
    d.gate_url = ' ';
    d.static_ip = '';
    d.fields.username = ' QUAYAPI ';
    d.fields.password = ' s3cret ';
    d.fields.extra = 'x';
    expect(definitionInput(d, NESTPAY)).toEqual({
      original_name: 'Akbank', name: 'Akbank', kind: 'nestpay', mode: 'test', api_url: 'http://127.0.0.1:9100/fim/api', gate_url: null,
      currency: 'TRY', three_d: 'optional', static_ip: null,
      fields: { client_id: '100200300', username: 'QUAYAPI', password: ' s3cret ', store_key: '' },
    });
  });

  it('needs every field on a new definition, not the secrets on an edit', () => {
    const d = newDraft(NESTPAY, 'TRY');
    expect(missingFields(d, NESTPAY)).toEqual(['name', 'api_url', 'client_id', 'username', 'password', 'store_key']);
    expect(missingFields(editDraft(definition), NESTPAY)).toEqual([]);
  });

  it('names each credential field’s label', () => {
    expect(fieldId('client_id')).toBe('vpos-ui-field-client-id');
    expect(fieldId('prov_password')).toBe('vpos-ui-field-prov-password');
  });
});

describe('payments and the log', () => {
  it('knows which states end a link and which ask the bank', () => {
    expect(['approved', 'declined', 'cancelled'].every((s) => isFinal(s as VposPaymentView['state']))).toBe(true);
    expect(['pending', 'sent', 'unknown'].some((s) => isFinal(s as VposPaymentView['state']))).toBe(false);
    expect(isUnknown(payment('unknown'))).toBe(true);
    expect(isUnknown(payment('declined'))).toBe(false);
  });

  it('offers to cancel an approved collection only (a sale’s payment goes back with the sale’s void)', () => {
    const row = (p: VposPaymentView, kind: LogRow['kind'] = 'sale'): LogRow => ({ ...p, kind });
    expect(isCancellable(row(payment('approved')))).toBe(true);
    expect(isCancellable(row(payment('approved', { for_sale: true })))).toBe(false);
    expect(isCancellable(row(payment('approved', { voided: true })))).toBe(false);
    expect(isCancellable(row(payment('approved', { refunded: { minor: 12550, text: '₺125.50' } })))).toBe(false);
    expect(isCancellable(row(payment('declined')))).toBe(false);
    expect(isCancellable(row(payment('approved'), 'void'))).toBe(false);
  });

  it('reads a cancel’s answer as a void or a refund', () => {
    expect(cancelledAs(payment('approved', { kind: 'refund', channel: 'void' }))).toBe('void');
    expect(cancelledAs(payment('approved', { kind: 'refund', channel: 'refund' }))).toBe('refund');
    expect(cancelledAs(payment('approved', { voided: true }))).toBe('void');
    expect(cancelledAs(payment('approved'))).toBeNull();
  });

  it('says approved with the authorization and the masked number, declined with the bank’s reason', () => {
    expect(outcomeArgs(payment('approved'))).toEqual({ id: 'vpos-ui-pay-approved', args: { amount: '₺125.50', auth: 'A1B2C3', card: '450803******4509' } });
    expect(outcomeArgs(payment('declined'))).toEqual({ id: 'vpos-ui-pay-declined', args: { message: 'Insufficient funds (51)' } });
    expect(outcomeArgs(payment('declined', { message: 'Insufficient funds' }))).toEqual({
      id: 'vpos-ui-pay-declined-code', args: { message: 'Insufficient funds', code: '51' },
    });
    expect(outcomeArgs(payment('unknown')).id).toBe('vpos-ui-pay-unknown');
  });
});

describe('the day-end rows', () => {
  const row = (order_id: string, status: VposDayRow['status'], hand: VposDayRow['hand'] = null): VposDayRow => ({
    order_id, status, counter_amount: null, bank_amount: null, counter_net: null, bank_net: null, at: null, auth_code: null, hand,
  });

  it('puts what needs a look first, in the backend’s order within a status', () => {
    const rows = [
      row('a', 'matched'), row('b', 'missing_at_counter'), row('c', 'refunded'), row('d', 'missing_at_bank'), row('e', 'missing_at_counter'),
      row('f', 'cancel_differs'), row('g', 'different_amount'), row('h', 'entered_by_hand'), row('i', 'something_new'),
    ];
    expect(sortedRows(rows).map((r) => r.order_id)).toEqual(['b', 'e', 'd', 'g', 'f', 'h', 'c', 'a', 'i']);
  });

  it('replaces one definition’s comparison with the newer one', () => {
    const m = { minor: 0, text: '₺0.00' };
    const day = (name: string, source: string): VposDayView => ({
      name, kind: 'nestpay', source, has_report: false, rows: [], totals: { counter_net: m, bank_net: m, difference: m, matched: 0, problems: 0 },
    });
    const view = { date: '2026-12-03', definitions: [day('A', 'none'), day('B', 'none')] };
    expect(withDay(view, day('B', 'file')).definitions.map((d) => [d.name, d.source])).toEqual([['A', 'none'], ['B', 'file']]);
  });

  it('offers a hand entry for a row missing at the counter, once', () => {
    expect(canEnterByHand(row('a', 'missing_at_counter'))).toBe(true);
    expect(canEnterByHand(row('a', 'missing_at_counter', { reason: 'paper slip', who: 'Minh', at: '2026-12-03T20:00:00Z' }))).toBe(false);
    expect(canEnterByHand(row('a', 'missing_at_bank'))).toBe(false);
    expect(matchId('missing_at_counter')).toBe('vpos-ui-day-missing-at-counter');
  });
});
