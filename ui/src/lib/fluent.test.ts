import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, buildBundles, dirOf, format } from './fluent';

// The real locale files, read the way Vite bundles them (path → source).
const root = join(__dirname, '../../../locales');
const files: Record<string, string> = {};
for (const lang of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory())) {
  for (const f of readdirSync(join(root, lang))) files[`../../../locales/${lang}/${f}`] = readFileSync(join(root, lang, f), 'utf8');
}
const bundles = buildBundles(files);

describe('screen locales', () => {
  it('loads every language', () => {
    for (const lang of LANGS) expect(bundles.get(lang)?.hasMessage('pay-cash'), lang).toBe(true);
  });

  it('translates, with plurals and isolated placeables', () => {
    expect(format(bundles, 'en', 'pay-cash')).toBe('Cash');
    expect(format(bundles, 'vi', 'pay-cash')).not.toBe('Cash');
    expect(format(bundles, 'en', 'cart-items', { count: 1 })).toBe('\u2068' + '1' + '\u2069 item');
    expect(format(bundles, 'en', 'cart-items', { count: 3 })).toContain('items');
    expect(format(bundles, 'ar', 'total-label')).toMatch(/[\u0600-\u06ff]/);
    expect(format(bundles, 'ar', 'cart-items', { count: 12 })).toContain('12');
  });

  it('falls back to English, then to the id', () => {
    expect(format(bundles, 'vi', 'no-such-id')).toBe('no-such-id');
  });

  it('gives Arabic right to left', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('vi')).toBe('ltr');
  });

  it('every screen message of en exists in every language', () => {
    const en = bundles.get('en')!;
    const ids = [...(en as unknown as { _messages: Map<string, unknown> })._messages.keys()];
    expect(ids.length).toBeGreaterThan(50);
    for (const lang of LANGS) for (const id of ids) expect(bundles.get(lang)!.hasMessage(id), `${lang}: ${id}`).toBe(true);
  });
});
