// The technician's partner connections screen: as first drawn (server-rendered) — the
// partners with their chips and last dates, one partner's timeline, the note's fields and
// the next step's form (MoMo's two confirmations, the required reference) — and what its
// buttons do with the backend mocked at Tauri's invoke: recording sends the command with
// the partner, the step and the request; a refusal reaches the status bar.
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import type { ConnectionsView, PartnerRow, PointsExport } from '../lib/connections';
import { ConnectionsScreen } from '../lib/connections-screen.svelte';
import { screen } from '../lib/state.svelte';
import PartnerConnections from './PartnerConnections.svelte';

const draw = (model: ConnectionsScreen) =>
  render(PartnerConnections, { props: { model } }).body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');

const details = { point_name: 'Quay Café Lê Lợi', address: '1 Lê Lợi, Q1, HCMC', contact_name: 'Lan', contact_phone: '0901 234 567', point_code: null, notes: null };
const none = { point_name: null, address: null, contact_name: null, contact_phone: null, point_code: null, notes: null };
const momo: PartnerRow = {
  partner: 'momo', name: 'MoMo', status: 'requested', next: 'confirmed', confirmations_required: ['leader', 'merchant'], needs_point_code: false,
  details,
  steps: [{ step: 'requested', at: '2026-11-03T09:00:00+07:00', at_text: '03/11/2026 09:00', by: 'Minh (technician)', reference: 'mail 2026-11-02 MoMo', confirmations: [], note: null, proof: false }],
  has_proof: false,
};
const giftpop: PartnerRow = { partner: 'giftpop', name: 'GiftPop', status: null, next: 'requested', confirmations_required: ['merchant'], needs_point_code: true, details: none, steps: [], has_proof: false };
const akbank: PartnerRow = {
  partner: 'vpos:Akbank', name: 'Akbank', status: 'connected', next: null, confirmations_required: ['merchant'], needs_point_code: false, details,
  steps: [
    { step: 'requested', at: '2026-11-01T09:00:00+03:00', at_text: '11/01/2026 09:00', by: 'Minh', reference: 'R-1', confirmations: [], note: null, proof: false },
    { step: 'connected', at: '2026-11-20T15:12:00+03:00', at_text: '11/20/2026 15:12', by: 'Minh', reference: null, confirmations: [], note: null, proof: true },
  ],
  has_proof: true,
};
const view: ConnectionsView = { partners: [momo, giftpop, akbank], key1_present: true, key2_present: true, pos_parent: 'SANDBOX', pos_id: 'SANDBOX-01', queued: 0, refused: 0 };

describe('PartnerConnections', () => {
  beforeEach(() => {
    invoke.mockReset();
    screen.session = { setup: false, staff: { id: 't1', name: 'Minh', role: 'technician', may: ['configure-settings', 'test-connection'] } };
    screen.clearMessages();
  });
  afterEach(() => {
    screen.session = null;
  });

  it('lists every partner with its status chip and the date of its last step', () => {
    const html = draw(new ConnectionsScreen({ view }));
    expect(html).toContain('data-testid="partner-connections"');
    expect(html).toMatch(/data-status="requested" data-testid="conn-row-momo"><span class="pname" dir="auto">MoMo<\/span> <span class="chip progress" data-testid="conn-chip">Requested<\/span>/);
    expect(html).toMatch(/data-status="never" data-testid="conn-row-giftpop">[\s\S]*?<span class="chip never" data-testid="conn-chip">Not started</);
    expect(html).toMatch(/data-testid="conn-row-vpos-Akbank">[\s\S]*?chip connected[\s\S]*?<bdi>11\/20\/2026 15:12<\/bdi>/);
    expect(html).toContain('<bdi>03/11/2026 09:00</bdi>');
    expect(html).toContain('data-testid="conn-choose"');
    expect(html).not.toContain('data-testid="conn-detail"');
    // The month-end list, the previous month by default.
    expect(html).toContain('data-testid="conn-export"');
    expect(html).toMatch(/data-testid="conn-month-field-field" data-value="\d{4}-\d{2}"/);
  });

  it('shows MoMo’s steps and the next step’s form with its two confirmations', () => {
    const html = draw(new ConnectionsScreen({ view, selected: 'momo' }));
    expect(html).toMatch(/data-testid="conn-detail" data-partner="momo"/);
    expect(html).toMatch(/data-step="requested" data-testid="conn-step"/);
    expect(html).toContain('mail 2026-11-02 MoMo');
    expect(html).toMatch(/data-testid="conn-next" data-next="confirmed"/);
    expect(html).toContain('Next step: \u2068Confirmed\u2069');
    expect(html).toContain('data-testid="conn-confirm-leader"');
    expect(html).toContain('data-testid="conn-confirm-merchant"');
    expect(html).toContain("MoMo's team leader");
    expect(html).toContain('The merchant');
    expect(html).toContain('Record: \u2068Confirmed\u2069');
    expect(html).toContain('data-testid="conn-disable"');
    expect(html).toMatch(/value="Quay Café Lê Lợi"[^>]*data-testid="conn-detail-point_name"/);
    // No point code for MoMo, no proof yet.
    expect(html).not.toContain('conn-detail-point_code');
    expect(html).not.toContain('data-testid="conn-proof-open"');
  });

  it('marks the reference required for a request, and offers no Disable before a first step', () => {
    const html = draw(new ConnectionsScreen({ view, selected: 'giftpop' }));
    expect(html).toMatch(/<input[^>]*required[^>]*aria-required="true"[^>]*data-testid="conn-reference"/);
    expect(html).toContain('data-testid="conn-detail-point_code"');
    expect(html).not.toContain('data-testid="conn-confirm-');
    expect(html).not.toContain('data-testid="conn-disable"');
  });

  it('offers the proof and Disable once connected, and no next step', () => {
    const html = draw(new ConnectionsScreen({ view, selected: 'vpos:Akbank' }));
    expect(html).toContain('data-testid="conn-proof-open"');
    expect(html).toContain('data-testid="conn-step-proof"');
    expect(html).not.toContain('data-testid="conn-record"');
    expect(html).toContain('data-testid="conn-disable"');
  });

  it('shows the recording of `connected` as a test under way', () => {
    const m = new ConnectionsScreen({ view: { ...view, partners: [{ ...akbank, status: 'approved', next: 'connected' }] }, selected: 'vpos:Akbank' });
    m.busy = 'record';
    m.recording = 'connected';
    const html = draw(m);
    expect(html).toMatch(/<button type="submit" class="primary" disabled="" aria-busy="true" data-testid="conn-record"><span class="spinner" aria-hidden="true"><\/span>Testing…/);
    expect(html).toContain('data-testid="conn-progress"');
  });

  it('records the next step with the partner, the step and the request; the answer is the new view', async () => {
    const after: ConnectionsView = { ...view, partners: [{ ...momo, status: 'confirmed', next: 'deployed' }, giftpop, akbank] };
    invoke.mockResolvedValue(after);
    const m = new ConnectionsScreen({ view, selected: 'momo' });
    m.form.confirmations = ['merchant', 'leader'];
    m.form.note = 'Leader: Mr Tuấn, by phone';
    m.form.details.contact_phone = '0901 234 568';
    expect(await m.record('confirmed')).toBe(true);
    expect(invoke).toHaveBeenCalledWith('connection_record', {
      partner: 'momo',
      step: 'confirmed',
      request: {
        reference: null, confirmations: ['leader', 'merchant'], note: 'Leader: Mr Tuấn, by phone',
        details: { point_name: null, address: null, contact_name: null, contact_phone: '0901 234 568', point_code: null, notes: null },
      },
    });
    expect(m.row?.status).toBe('confirmed');
    expect(m.form.note).toBe('');
    expect(screen.notice).toBe('\u2068MoMo\u2069: \u2068Confirmed\u2069 recorded.');
    expect(m.busy).toBeNull();
  });

  it('puts the backend’s refusal in the status bar and keeps what was typed', async () => {
    invoke.mockRejectedValue({ code: 'err-conn-confirmation-missing', message: 'MoMo needs the team leader’s confirmation.' });
    const m = new ConnectionsScreen({ view, selected: 'momo' });
    m.form.confirmations = ['merchant'];
    expect(await m.record('confirmed')).toBe(false);
    expect(screen.error).toBe('MoMo needs the team leader’s confirmation.');
    expect(m.form.confirmations).toEqual(['merchant']);
    expect(m.row?.status).toBe('requested');
    expect(m.busy).toBeNull();
    expect(screen.workBusy).toBe(false);
  });

  it('reads the view, and says in the status bar when it cannot', async () => {
    invoke.mockResolvedValueOnce(view);
    const m = new ConnectionsScreen();
    await m.load();
    expect(invoke).toHaveBeenCalledWith('connections_view', undefined);
    expect(m.view?.partners.map((p) => p.partner)).toEqual(['momo', 'giftpop', 'vpos:Akbank']);
    invoke.mockRejectedValueOnce({ code: 'err-permission', message: 'A technician must be signed in.' });
    await m.load();
    expect(m.loadError).toBe('A technician must be signed in.');
    expect(screen.error).toBe('A technician must be signed in.');
  });

  it('disables with the vpos partner’s name as is', async () => {
    invoke.mockResolvedValue(view);
    const m = new ConnectionsScreen({ view, selected: 'vpos:Akbank' });
    m.form.note = 'Bank closed the account';
    await m.record('disabled');
    expect(invoke.mock.calls[0][0]).toBe('connection_record');
    expect(invoke.mock.calls[0][1]).toMatchObject({ partner: 'vpos:Akbank', step: 'disabled', request: { note: 'Bank closed the account', confirmations: [] } });
  });

  it('disables with the note only, not the next step’s reference and confirmations', async () => {
    invoke.mockResolvedValue(view);
    const m = new ConnectionsScreen({ view, selected: 'momo' });
    m.form.reference = 'mail 2026-11-05';
    m.form.confirmations = ['leader', 'merchant'];
    m.form.details.address = '2 Hai Bà Trưng';
    m.form.note = 'The merchant closed';
    await m.record('disabled');
    expect(invoke).toHaveBeenCalledWith('connection_record', {
      partner: 'momo',
      step: 'disabled',
      request: {
        reference: null, confirmations: [], note: 'The merchant closed',
        details: { point_name: null, address: null, contact_name: null, contact_phone: null, point_code: null, notes: null },
      },
    });
  });

  it('keeps what was typed when the view is read again for the same partner', async () => {
    invoke.mockRejectedValueOnce({ code: 'err-conn-confirmation-missing', message: 'MoMo needs the team leader’s confirmation.' });
    const m = new ConnectionsScreen({ view, selected: 'momo' });
    m.form.confirmations = ['merchant'];
    m.form.note = 'Merchant by mail';
    m.form.details.contact_phone = '0901 234 568';
    expect(await m.record('confirmed')).toBe(false);
    const again: ConnectionsView = { ...view, partners: [{ ...momo, details: { ...details, contact_name: 'Hoa' } }, giftpop, akbank] };
    invoke.mockResolvedValueOnce(again);
    await m.load();
    expect(m.selected).toBe('momo');
    expect(m.form.confirmations).toEqual(['merchant']);
    expect(m.form.note).toBe('Merchant by mail');
    expect(m.form.details.contact_phone).toBe('0901 234 568');
    // A field not edited takes what the hub now says.
    expect(m.form.details.contact_name).toBe('Hoa');
    // The partner gone from the view: nothing chosen, nothing kept.
    invoke.mockResolvedValueOnce({ ...view, partners: [giftpop, akbank] });
    await m.load();
    expect(m.selected).toBeNull();
    expect(m.form.note).toBe('');
  });

  it('shows the proof of a disabled partner', async () => {
    const disabled: PartnerRow = { ...akbank, status: 'disabled', next: null, has_proof: true };
    const html = draw(new ConnectionsScreen({ view: { ...view, partners: [disabled] }, selected: 'vpos:Akbank' }));
    expect(html).toContain('data-testid="conn-proof-open"');
    expect(html).not.toContain('data-testid="conn-disable"');
  });

  it('names the point only when both ids are set, and warns up front when one is missing', () => {
    let html = draw(new ConnectionsScreen({ view }));
    expect(html).toContain('Point \u2068SANDBOX-01\u2069 of \u2068SANDBOX\u2069');
    expect(html).not.toContain('data-testid="conn-no-pos-ids"');
    html = draw(new ConnectionsScreen({ view: { ...view, pos_parent: null } }));
    expect(html).not.toContain('Point \u2068');
    expect(html).toMatch(/class="warn" role="note" data-testid="conn-no-pos-ids">The hub's Pos Parent and Pos ID are not set/);
    html = draw(new ConnectionsScreen({ view: { ...view, pos_id: null } }));
    expect(html).toContain('data-testid="conn-no-pos-ids"');
  });

  it('lets the form reach the backend: no validation bubble of the webview', () => {
    const html = draw(new ConnectionsScreen({ view, selected: 'giftpop' }));
    expect(html).toMatch(/<form class="form" novalidate=""/);
    expect(html).toMatch(/aria-required="true"[^>]*data-testid="conn-reference"/);
    expect(html).toContain('<span class="req" aria-hidden="true">*</span>');
  });

  it('offers no month after this one', () => {
    const m = new ConnectionsScreen({ view, month: '2099-12' });
    const html = draw(m);
    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    expect(html).toContain(`data-testid="conn-month-field-field" data-value="${thisMonth}"`);
    expect(html).toMatch(/disabled=""[^>]*data-testid="conn-month-field-next"/);
    expect(html).not.toContain(`<option value="${now.getFullYear() + 1}"`);
  });

  it('clears the month-end list when the month changes, and never sends a month to come', async () => {
    invoke.mockResolvedValue({ month: '2026-10', source: 'hub', xlsx_path: '/r/a.xlsx', csv_path: '/r/a.csv', rows: [], hub_error: null });
    const m = new ConnectionsScreen({ view, month: '2026-10' });
    await m.exportPoints();
    expect(m.points?.month).toBe('2026-10');
    m.month = '2026-10';
    expect(m.points).not.toBeNull();
    m.month = '2026-09';
    expect(m.points).toBeNull();
    expect(draw(m)).not.toContain('data-testid="conn-points"');
    invoke.mockClear();
    m.month = '2999-01';
    await m.exportPoints();
    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    expect(invoke).toHaveBeenCalledWith('connection_points', { month: thisMonth });
    m.month = 'soon';
    await m.exportPoints();
    expect(invoke).toHaveBeenLastCalledWith('connection_points', { month: thisMonth });
    expect(m.month).toBe(thisMonth);
  });

  it('shows the deployment note and the proof in dialogs', async () => {
    const m = new ConnectionsScreen({ view, selected: 'vpos:Akbank' });
    invoke.mockResolvedValueOnce({ text: 'Point: Quay Café Lê Lợi\nContact: Lan', pdf_path: '/data/reports/note-momo.pdf' });
    await m.openNote();
    invoke.mockResolvedValueOnce({ pdf_path: '/r/proof.pdf', png_path: '/r/proof.png', png_data_url: 'data:image/png;base64,iVBORw0KGgo=', at_text: '11/20/2026 15:12' });
    await m.openProof();
    expect(invoke.mock.calls.map((c) => c[0])).toEqual(['connection_note', 'connection_proof']);
    const html = draw(m);
    expect(html).toMatch(/role="dialog"[^>]*data-testid="conn-note-dialog"/);
    expect(html).toContain('Point: Quay Café Lê Lợi\nContact: Lan');
    expect(html).toContain('data-testid="conn-note-copy"');
    expect(html).toContain('/data/reports/note-momo.pdf');
    expect(html).toMatch(/<img class="proof" src="data:image\/png;base64,iVBORw0KGgo=" alt="Connection test of \u2068Akbank\u2069, \u206811\/20\/2026 15:12\u2069"/);
    expect(html).toContain('/r/proof.png');
  });

  it('exports the month and warns when the list is this counter’s only', async () => {
    const points: PointsExport = {
      month: '2026-11', source: 'counter', xlsx_path: '/r/points-2026-11.xlsx', csv_path: '/r/points-2026-11.csv',
      rows: [{
        pos_parent: 'SANDBOX', pos_id: 'SANDBOX-01', point_name: 'Quay Café Lê Lợi', address: '1 Lê Lợi', partner: 'momo', partner_name: 'MoMo',
        point_code: null, connected_at: '2026-11-20T15:12:00+07:00', connected_text: '20/11/2026 15:12', request_ref: 'mail 2026-11-02 MoMo',
        approval_ref: 'MoMo OK 2026-11-18', contact_name: 'Lan', contact_phone: '0901 234 567', status: 'connected', source: 'counter',
      }],
      hub_error: 'The hub did not answer in 10 seconds.',
    };
    invoke.mockResolvedValue(points);
    const m = new ConnectionsScreen({ view, month: '2026-11' });
    await m.exportPoints();
    expect(invoke).toHaveBeenCalledWith('connection_points', { month: '2026-11' });
    const html = draw(m);
    expect(html).toMatch(/class="source warn" role="note" data-testid="conn-points-source">\s*Warning: this counter only/);
    expect(html).toMatch(/data-testid="conn-points-source">[^<]*<\/p> <p class="muted hub-error" dir="auto" data-testid="conn-points-hub-error">The hub did not answer in 10 seconds.<\/p>/);
    expect(html).toContain('/r/points-2026-11.xlsx');
    expect(html).toMatch(/data-scrolls="" data-testid="conn-points-table"/);
    expect(html).toMatch(/data-testid="conn-point-row" data-pos-id="SANDBOX-01" data-partner="momo"/);
    expect(html).toContain('MoMo OK 2026-11-18');
    expect(html).toContain('Points connected in \u2068November 2026\u2069: \u20681\u2069');
  });
});
