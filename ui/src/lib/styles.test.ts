// The window's styles read as text: the rules every screen keeps (the window layout audit
// checks the same on the drawn screens, in every language and size): text at least 13 px,
// nothing faded by opacity (a faded label falls under 3:1), touch targets at least 44 px,
// and the grey text colours readable on every background they are used on.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(__dirname, '..');
const components = join(src, 'components');
const sheets: [string, string][] = [
  ['app.css', readFileSync(join(src, 'app.css'), 'utf8')],
  ['App.svelte', readFileSync(join(src, 'App.svelte'), 'utf8')],
  ...readdirSync(components)
    .filter((f) => f.endsWith('.svelte'))
    .map((f): [string, string] => [f, readFileSync(join(components, f), 'utf8')]),
].map(([name, text]): [string, string] => {
  const css = name.endsWith('.css') ? text : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  return [name, css.replace(/\/\*[\s\S]*?\*\//g, '')];
});

/** Every `property: value` of the sheets, with the file it is in. */
function declarations(property: string): { file: string; value: string }[] {
  const re = new RegExp(`(?:^|[;{\\s])${property}\\s*:\\s*([^;}]+)`, 'g');
  return sheets.flatMap(([file, css]) => [...css.matchAll(re)].map((m) => ({ file, value: m[1].trim() })));
}

const px = (value: string): number | null => {
  const m = /^([\d.]+)(rem|px)$/.exec(value);
  return m ? Number(m[1]) * (m[2] === 'rem' ? 16 : 1) : null;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const root = sheets[0][1];
const colour = (name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(root);
  if (!m) throw new Error(`--${name} is not a #rrggbb colour in app.css`);
  return m[1];
};

describe('the window’s styles', () => {
  it('set no text under 13 px (Chinese at 11 px cannot be read)', () => {
    const small = declarations('font-size').filter((d) => (px(d.value) ?? 99) < 13);
    expect(small).toEqual([]);
  });

  it('fade nothing with opacity: greyed-out text still reads at 4.5:1', () => {
    const faded = declarations('opacity').filter((d) => Number(d.value) < 1);
    expect(faded).toEqual([]);
  });

  it('keep touch targets at 44 px or more', () => {
    for (const prop of ['min-block-size', 'min-inline-size']) {
      const small = declarations(prop).filter((d) => {
        const v = px(d.value);
        return v !== null && v > 0 && v < 44;
      });
      expect(small, prop).toEqual([]);
    }
  });

  it('give grey text at least 4.5:1 on every background it is used on', () => {
    const backgrounds = {
      panel: colour('panel'),
      bg: colour('bg'),
      receipt: '#fffef8',
      notice: '#fffaeb',
      danger: '#fee4e2',
      disabled: colour('disabled-bg'),
    };
    for (const ink of ['muted', 'disabled-ink', 'ink', 'danger', 'ok', 'brand']) {
      for (const [name, bg] of Object.entries(backgrounds)) {
        expect(contrast(colour(ink), bg), `--${ink} on ${name} ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
