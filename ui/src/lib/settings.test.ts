import { describe, expect, it } from 'vitest';
import type { SettingsGroup, SettingView } from './api';
import { changesOf, controlOf, draftOf, isBoolChoices, isChanged, languageName, rebaseDraft, shownValue, tabAfterKey, targetOf } from './settings';

const text = (key: string, value?: string): SettingView => ({ key, label: key, secret: false, set: !!value, ...(value === undefined ? {} : { value }) });
const secret = (key: string, set: boolean): SettingView => ({ key, label: key, secret: true, set });
const choice = (key: string, value: string | undefined, choices: string[]): SettingView => ({ ...text(key, value), choices });

const hub = (url = 'https://hub.example'): SettingsGroup => ({
  id: 'hub', label: 'Hub',
  settings: [text('hub.url', url), text('hub.pos_parent', 'P1'), secret('hub.key1', true), secret('hub.key2', false), text('hub.menu_interval')],
});

describe('the settings form', () => {
  it('starts from the values, secrets empty (never prefilled)', () => {
    expect(draftOf(hub())).toEqual({ 'hub.url': 'https://hub.example', 'hub.pos_parent': 'P1', 'hub.key1': '', 'hub.key2': '', 'hub.menu_interval': '' });
    expect(shownValue(secret('k', true))).toBe('');
    expect(shownValue(text('k'))).toBe('');
  });

  it('sends nothing when nothing changed', () => {
    const g = hub();
    expect(changesOf(g, draftOf(g))).toEqual([]);
  });

  it('sends only the changed keys, in the group order', () => {
    const g = hub();
    const d = { ...draftOf(g), 'hub.menu_interval': '60', 'hub.url': 'https://other.example' };
    expect(changesOf(g, d)).toEqual([['hub.url', 'https://other.example'], ['hub.menu_interval', '60']]);
  });

  it('sends a value typed back to what it was as no change', () => {
    const g = hub();
    expect(changesOf(g, { ...draftOf(g), 'hub.pos_parent': 'P1' })).toEqual([]);
  });

  it('sends a cleared value (the backend says whether it may be empty)', () => {
    const g = hub();
    expect(changesOf(g, { ...draftOf(g), 'hub.pos_parent': '' })).toEqual([['hub.pos_parent', '']]);
  });

  it('sends a secret only when one is typed; empty keeps the old one', () => {
    const g = hub();
    expect(isChanged(g.settings[2], { 'hub.key1': '' })).toBe(false);
    expect(changesOf(g, { ...draftOf(g), 'hub.key2': 's3cret' })).toEqual([['hub.key2', 's3cret']]);
  });

  it('ignores keys not in the group', () => {
    const g = hub();
    expect(changesOf(g, { ...draftOf(g), 'store.name': 'X' })).toEqual([]);
  });

  it('keeps unsaved edits over a new view, takes the new values elsewhere', () => {
    const old = hub();
    const draft = { ...draftOf(old), 'hub.pos_parent': 'P2', 'hub.key1': 'typed' };
    const fresh = hub('https://new.example');
    const d = rebaseDraft(old, fresh, draft);
    expect(d['hub.url']).toBe('https://new.example');
    expect(d['hub.pos_parent']).toBe('P2');
    expect(d['hub.key1']).toBe('typed');
    expect(changesOf(fresh, d)).toEqual([['hub.pos_parent', 'P2'], ['hub.key1', 'typed']]);
  });

  it('starts a group it did not know from its values', () => {
    const g = hub();
    expect(rebaseDraft(undefined, g, {})).toEqual(draftOf(g));
  });
});

describe('how a setting is edited', () => {
  it('shows true/false as a switch', () => {
    expect(isBoolChoices(['true', 'false'])).toBe(true);
    expect(isBoolChoices(['false', 'true'])).toBe(true);
    expect(isBoolChoices(['true'])).toBe(false);
    expect(controlOf(choice('partner.momo.enabled', 'true', ['true', 'false']))).toBe('switch');
  });

  it('shows a few choices as buttons, more as a select', () => {
    expect(controlOf(choice('terminal.kind', 'zvt', ['zvt', 'viva']))).toBe('buttons');
    expect(controlOf(choice('zvt.baud', '9600', ['9600', '19200', '38400', '57600', '115200']))).toBe('select');
  });

  it('shows secrets as secrets, the rest as text', () => {
    expect(controlOf(secret('hub.key1', true))).toBe('secret');
    expect(controlOf(text('store.name', 'Quay'))).toBe('text');
    expect(controlOf({ ...text('x'), choices: [] })).toBe('text');
  });

  it('names languages by their own name', () => {
    expect(languageName('vi')).toBe('Tiếng Việt');
    expect(languageName('zh-CN')).toBe('简体中文');
    expect(languageName('zvt')).toBeNull();
  });
});

describe('connection tests and tabs', () => {
  it('has a test under every group but the store', () => {
    expect(targetOf('store')).toBeNull();
    expect(['hub', 'momo', 'giftpop', 'terminal'].map(targetOf)).toEqual(['hub', 'momo', 'giftpop', 'terminal']);
    expect(targetOf('constructor')).toBeNull();
  });

  it('moves between tabs with the arrows in the reading direction', () => {
    const ids = ['store', 'hub', 'momo'];
    expect(tabAfterKey(ids, 'store', 'ArrowRight', 'ltr')).toBe('hub');
    expect(tabAfterKey(ids, 'store', 'ArrowLeft', 'ltr')).toBe('momo');
    expect(tabAfterKey(ids, 'store', 'ArrowLeft', 'rtl')).toBe('hub');
    expect(tabAfterKey(ids, 'momo', 'ArrowLeft', 'rtl')).toBe('store');
    expect(tabAfterKey(ids, 'hub', 'Home', 'ltr')).toBe('store');
    expect(tabAfterKey(ids, 'hub', 'End', 'rtl')).toBe('momo');
    expect(tabAfterKey(ids, 'hub', 'Enter', 'ltr')).toBeNull();
    expect(tabAfterKey([], 'hub', 'Home', 'ltr')).toBeNull();
  });
});
