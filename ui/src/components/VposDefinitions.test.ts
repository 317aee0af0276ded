// The technician's virtual POS definitions as first drawn (server-rendered): the list with
// its secrets masked, the form of each kind (the fields `vpos_kinds` lists, secrets as
// password inputs, "leave empty to keep" on an edit), a kind not implemented yet, the
// removal's confirmation and the connection test per definition.
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { screen } from '../lib/state.svelte';
import { editDraft, newDraft } from '../lib/vpos';
import { GARANTI, NESTPAY, POSNET, definition } from '../lib/vpos-fixtures';
import VposDefinitions, { type Initial } from './VposDefinitions.svelte';

const draw = (initial: Initial) =>
  render(VposDefinitions, { props: { initial } }).body.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
const kinds = [NESTPAY, GARANTI, POSNET];
/** The credential inputs of the form: [field, type]. */
const creds = (html: string) =>
  [...html.matchAll(/data-field="([a-z_]+)" data-secret="(true|false)"[^>]*>\s*<span>[^<]*<\/span>\s*<input([^>]*)>/g)].map((m) => [
    m[1],
    /type="password"/.test(m[3]) ? 'password' : 'text',
  ]);

describe('VposDefinitions', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue([]);
    screen.session = { setup: false, staff: { id: 't1', name: 'Minh', role: 'technician', may: ['configure-settings', 'test-connection', 'view-sales'] } };
  });
  afterEach(() => {
    screen.session = null;
  });

  it('lists each definition with its secrets masked and a connection test', () => {
    const html = draw({ definitions: [definition], kinds });
    expect(html).toContain('data-testid="vpos-definitions"');
    expect(html).toMatch(/data-testid="vpos-def" data-name="Akbank" data-kind="nestpay"/);
    expect(html).toContain('NestPay (EST)');
    expect(html).toMatch(/data-testid="vpos-def-mode">Test</);
    expect(html).toContain('203.0.113.7');
    expect(html).toContain('3-D Secure optional');
    const fields = [...html.matchAll(/data-field="([a-z_]+)" data-secret="(true|false)"><bdi dir="ltr">([^<]*)</g)].map((m) => [m[1], m[3]]);
    expect(fields).toEqual([['client_id', '100200300'], ['username', 'QUAYAPI'], ['password', '********'], ['store_key', '********']]);
    expect(html).toContain('data-testid="connect-test-vpos:Akbank"');
    expect(html).toContain('data-testid="vpos-def-edit"');
    expect(html).toContain('data-testid="vpos-def-remove"');
    // Nothing open until asked.
    expect(html).not.toContain('role="dialog"');
  });

  it('says when there is none yet, and offers no test without the permission', () => {
    expect(draw({ definitions: [], kinds })).toContain('data-testid="vpos-def-empty"');
    screen.session = { setup: false, staff: { id: 't1', name: 'Minh', role: 'technician', may: ['configure-settings'] } };
    expect(draw({ definitions: [definition], kinds })).not.toContain('connect-test-vpos:Akbank');
  });

  it('draws the NestPay form: its four credentials, the two secrets as password inputs, the gate address', () => {
    const html = draw({ definitions: [], kinds, editing: newDraft(NESTPAY, 'TRY') });
    expect(html).toMatch(/role="dialog"[^>]*data-testid="vpos-def-form"/);
    expect(creds(html)).toEqual([['client_id', 'text'], ['username', 'text'], ['password', 'password'], ['store_key', 'password']]);
    expect(html).toContain('data-testid="vpos-def-input-gate-url"');
    expect(html).toContain('autocomplete="new-password"');
    expect(html).not.toContain('Leave empty to keep');
    // A new definition cannot be saved empty.
    expect(html).toMatch(/<button class="primary" disabled[^>]*data-testid="vpos-def-form-save"/);
    expect(html).toContain('data-testid="vpos-def-form-missing"');
    expect(html).not.toContain('data-testid="vpos-def-not-implemented"');
  });

  it('draws the Garanti form with its seven credentials and no gate address', () => {
    const html = draw({ definitions: [], kinds, editing: newDraft(GARANTI, 'TRY') });
    expect(creds(html)).toEqual([
      ['merchant_id', 'text'], ['terminal_id', 'text'], ['prov_user', 'text'], ['prov_password', 'password'],
      ['refund_user', 'text'], ['refund_password', 'password'], ['store_key', 'password'],
    ]);
    expect(html).not.toContain('data-testid="vpos-def-input-gate-url"');
    expect(html).toContain('Provisioning user (PROVAUT)');
  });

  it('says a PosNet definition can be stored but not used yet', () => {
    const html = draw({ definitions: [], kinds, editing: newDraft(POSNET, 'TRY') });
    expect(html).toContain('data-testid="vpos-def-not-implemented"');
    expect(creds(html).map(([f]) => f)).toEqual(['merchant_id', 'terminal_id', 'posnet_id', 'store_key']);
  });

  it('edits with the values shown, the kind fixed, secrets empty meaning keep', () => {
    const html = draw({ definitions: [definition], kinds, editing: editDraft(definition) });
    expect(html).toContain('Edit \u2068Akbank\u2069');
    expect(html).toMatch(/<select disabled[^>]*data-testid="vpos-def-input-kind"/);
    expect(html).toMatch(/value="100200300"[^>]*data-testid="vpos-def-input-client_id"/);
    expect(html).toMatch(/type="password" value=""[^>]*placeholder="Leave empty to keep"[^>]*data-testid="vpos-def-input-password"/);
    expect(html).not.toContain('********"');
    expect(html).toMatch(/<button class="primary"[^>]*data-testid="vpos-def-form-save"/);
    expect(html).not.toMatch(/<button class="primary" disabled[^>]*data-testid="vpos-def-form-save"/);
  });

  it('shows the backend’s refusal in the form', () => {
    const html = draw({ definitions: [], kinds, editing: newDraft(NESTPAY, 'TRY'), formError: 'The client ID must be digits.' });
    expect(html).toMatch(/role="alert" data-testid="vpos-def-form-error">The client ID must be digits\.</);
  });

  it('asks before removing', () => {
    const html = draw({ definitions: [definition], kinds, removing: 'Akbank' });
    expect(html).toMatch(/role="dialog"[^>]*data-testid="vpos-def-remove-confirm"/);
    expect(html).toContain('Remove \u2068Akbank\u2069?');
    expect(html).toContain('data-testid="vpos-def-remove-confirm-button"');
  });
});
