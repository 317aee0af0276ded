// Settings form helpers. The backend owns every rule (what a value must look like, what
// a key means, which connection test covers what); these only keep what the technician
// typed and work out what to send.
import type { ConnectTarget, ConnectTested, SettingChange, SettingsGroup, SettingsGroupId, SettingView } from './api';
import { isLang, LANG_NAMES } from './fluent';

/** What the form holds, key → text typed (a secret: the new secret, or empty to keep it). */
export type Draft = Record<string, string>;

/** How a setting is edited on the screen. */
export type Control = 'secret' | 'switch' | 'buttons' | 'select' | 'text';

/** Up to this many choices show as toggle buttons; more as a select. */
export const MAX_BUTTONS = 3;

/** What the field shows before any edit: the value, or nothing for a secret (never prefilled). */
export function shownValue(s: SettingView): string {
  return s.secret ? '' : (s.value ?? '');
}

/** The form of `group` as the backend last sent it. */
export function draftOf(group: SettingsGroup): Draft {
  return Object.fromEntries(group.settings.map((s) => [s.key, shownValue(s)]));
}

/** Whether the technician changed `s` in `draft`: a secret when something is typed, any
 *  other setting when it differs from the value shown. */
export function isChanged(s: SettingView, draft: Draft): boolean {
  const typed = draft[s.key];
  if (typed === undefined) return false;
  return s.secret ? typed !== '' : typed !== shownValue(s);
}

/** The changes to send for `group`, in the group's order: only the keys changed. */
export function changesOf(group: SettingsGroup, draft: Draft): SettingChange[] {
  return group.settings.filter((s) => isChanged(s, draft)).map((s) => [s.key, draft[s.key]] as SettingChange);
}

/** The form of `fresh` (a new view from the backend) keeping what the technician changed
 *  against `old` and has not saved; every other field shows the new value. */
export function rebaseDraft(old: SettingsGroup | undefined, fresh: SettingsGroup, draft: Draft): Draft {
  const before = new Map((old?.settings ?? []).map((s) => [s.key, s]));
  const out: Draft = {};
  for (const s of fresh.settings) {
    const was = before.get(s.key);
    out[s.key] = was && isChanged(was, draft) ? draft[s.key] : shownValue(s);
  }
  return out;
}

/** A yes/no setting: its choices are exactly "true" and "false". */
export function isBoolChoices(choices: readonly string[] | undefined): boolean {
  return !!choices && choices.length === 2 && choices.includes('true') && choices.includes('false');
}

export function controlOf(s: SettingView): Control {
  if (s.secret) return 'secret';
  if (isBoolChoices(s.choices)) return 'switch';
  if (s.choices?.length) return s.choices.length <= MAX_BUTTONS ? 'buttons' : 'select';
  return 'text';
}

/** A choice's name when it is a language (by its own name); otherwise null (the screen
 *  words it through Fluent). */
export function languageName(choice: string): string | null {
  return isLang(choice) ? LANG_NAMES[choice] : null;
}

const TARGETS: Readonly<Record<SettingsGroupId, ConnectTarget | null>> = {
  store: null, hub: 'hub', momo: 'momo', giftpop: 'giftpop', terminal: 'terminal', nhanh: 'nhanh',
};

/** The connection test under a group, if it has one (the store has none). */
export function targetOf(group: string): ConnectTarget | null {
  return Object.prototype.hasOwnProperty.call(TARGETS, group) ? TARGETS[group as SettingsGroupId] : null;
}

/** The tab an arrow, Home or End key moves to in a row of tabs (arrows follow the reading
 *  direction, wrapping around); null for any other key. */
export function tabAfterKey(ids: readonly string[], current: string, key: string, dir: 'ltr' | 'rtl'): string | null {
  if (!ids.length) return null;
  const i = Math.max(0, ids.indexOf(current));
  const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward: return ids[(i + 1) % ids.length];
    case back: return ids[(i - 1 + ids.length) % ids.length];
    case 'Home': return ids[0];
    case 'End': return ids[ids.length - 1];
    default: return null;
  }
}

/** A connection test on the screen: running, its last report, or why it could not run. */
export interface TestState { busy: boolean; tested: ConnectTested | null; error: string | null }
