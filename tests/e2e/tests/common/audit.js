// The layout audit of one screen as the page draws it (run by WebDriver's execute):
// arguments[0] = the English messages as [text, regex source] (for a non-English locale:
// a visible string equal to an English one is untranslated), arguments[1] = the
// allow-list (brand names), arguments[2] = the locale. Returns the problems as strings,
// empty when the screen is sound. arguments[3] = the screen must fit: every control on
// screen without scrolling, except in a list marked `data-scrolls` (the item grid, the
// cart's lines). Only the active layer is audited: the topmost dialog when one is open
// (nothing behind it can be pressed), else the window.
// arguments[4] = how much: 'full' (the default), or only what covers a control: 'covers'
// (a message over a control, anything over a control's centre) or 'messages' (the former),
// which every `click` of the window tests runs first.
const [EN, ALLOW, LANG, FITS] = arguments;
const MODE = arguments[4] || 'full';
const CONTROLS = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=tab], [tabindex]:not([tabindex="-1"])';
const MESSAGES = '.toast, [role=alert], [role=status], .progress, [data-overlay]';
const MIN_TARGET = 44;
const problems = [];

const shown = (el) => {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
};
// Visually hidden on purpose (a file input behind its translated button): 1 px, clipped.
const hiddenOnPurpose = (el) => {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width <= 2 || r.height <= 2 || (s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath.startsWith('inset(50%'));
};
const name = (el) => {
  const id = el.getAttribute('data-testid');
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 30);
  return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/)[0] : ''} "${text}"`;
};
const dialogs = [...document.querySelectorAll('.dialog')].filter(shown);
const layer = dialogs.length ? dialogs[dialogs.length - 1] : document.body;
const controls = [...layer.querySelectorAll(CONTROLS)].filter((c) => shown(c) && !hiddenOnPurpose(c));

// The part of an element a person can see: its box cut by every clipping ancestor and the
// viewport; null when nothing of it shows.
const visible = (el) => {
  const r = el.getBoundingClientRect();
  let [l, t, rr, b] = [Math.max(r.left, 0), Math.max(r.top, 0), Math.min(r.right, innerWidth), Math.min(r.bottom, innerHeight)];
  for (let p = el.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (/(auto|scroll|hidden|clip)/.test(s.overflow + s.overflowX + s.overflowY)) {
      const c = p.getBoundingClientRect();
      [l, t, rr, b] = [Math.max(l, c.left), Math.max(t, c.top), Math.min(rr, c.right), Math.min(b, c.bottom)];
    }
    if (s.position === 'fixed') break;
  }
  return rr - l > 1 && b - t > 1 ? { left: l, top: t, right: rr, bottom: b } : null;
};

// Can a person bring the whole element into view? Clipping ancestors that scroll (in
// that axis) are fine as long as the element fits them; one that hides, or the window's
// edge, cutting the element is not.
const reach = (el) => {
  const r = el.getBoundingClientRect();
  let box = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  let fixed = getComputedStyle(el).position === 'fixed';
  for (let p = el.parentElement; p && !fixed && p !== document.documentElement; p = p.parentElement) {
    const s = getComputedStyle(p);
    const c = p.getBoundingClientRect();
    const inner = { left: c.left + p.clientLeft, top: c.top + p.clientTop };
    inner.right = inner.left + p.clientWidth;
    inner.bottom = inner.top + p.clientHeight;
    for (const [axis, lo, hi, size, scroll] of [['X', 'left', 'right', 'clientWidth', 'scrollWidth'], ['Y', 'top', 'bottom', 'clientHeight', 'scrollHeight']]) {
      const o = s['overflow' + axis];
      if (o === 'visible') continue;
      // A box that scrolls sideways only (overflow-x: auto makes overflow-y auto too) hides
      // nothing top/bottom: it is as tall as its rows, and the list around it scrolls them.
      if ((o === 'auto' || o === 'scroll') && p[scroll] <= p[size] + 1 && box[lo] >= inner[lo] - 1 && box[hi] <= inner[hi] + 1) continue;
      if (o === 'auto' || o === 'scroll') {
        if (box[hi] - box[lo] > p[size] + 1) return `${axis === 'X' ? 'wider' : 'taller'} than the list it scrolls in (${name(p)})`;
        box[lo] = inner[lo];
        box[hi] = inner[hi];
      } else if (box[lo] < inner[lo] - 1 || box[hi] > inner[hi] + 1) {
        return `cut off by ${name(p)} (${axis === 'X' ? 'sideways' : 'top/bottom'})`;
      }
    }
    fixed = s.position === 'fixed';
  }
  if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) {
    return `outside the window (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}×${innerHeight})`;
  }
  return null;
};

const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
const related = (a, b) => a.contains(b) || b.contains(a) || (a.labels && [...a.labels].some((l) => l.contains(b))) || (b.labels && [...b.labels].some((l) => l.contains(a)));

// 1. Every control whole on screen (or in a list that scrolls to it), big enough to touch.
for (const c of MODE === 'full' ? controls : []) {
  const why = reach(c);
  if (why) problems.push(`${name(c)} ${why}`);
  else if (FITS && !c.closest('[data-scrolls]')) {
    const v = visible(c);
    const b = c.getBoundingClientRect();
    if (!v || v.left > b.left + 1 || v.top > b.top + 1 || v.right < b.right - 1 || v.bottom < b.bottom - 1) {
      problems.push(`${name(c)} is out of sight until the screen is scrolled`);
    }
  }
  let r = c.getBoundingClientRect();
  // A checkbox or radio is touched through its label.
  if (c.matches('input[type=checkbox], input[type=radio]')) {
    const l = c.closest('label') || (c.labels && c.labels[0]);
    if (l) r = l.getBoundingClientRect();
  }
  if (r.width < MIN_TARGET - 0.5 || r.height < MIN_TARGET - 0.5) {
    problems.push(`${name(c)} is a ${Math.round(r.width)}×${Math.round(r.height)} px target (under ${MIN_TARGET})`);
  }
}

// 2. No two controls overlap; no message sits on a control; nothing covers a control's centre.
const vis = controls.map(visible);
for (let i = 0; i < (MODE === 'full' ? controls.length : 0); i++) {
  if (!vis[i]) continue;
  for (let j = i + 1; j < controls.length; j++) {
    if (!vis[j] || related(controls[i], controls[j])) continue;
    if (meet(vis[i], vis[j])) problems.push(`${name(controls[i])} and ${name(controls[j])} overlap`);
  }
}
for (const m of [...document.querySelectorAll(MESSAGES)].filter(shown)) {
  // A message scrolled out of its list is not over anything.
  const mr = visible(m);
  if (!mr) continue;
  controls.forEach((c, i) => {
    if (vis[i] && !m.contains(c) && !c.contains(m) && meet(mr, vis[i])) problems.push(`${name(m)} covers ${name(c)}`);
  });
}
controls.forEach((c, i) => {
  if (MODE === 'messages' || !vis[i] || c.disabled) return;
  const v = vis[i];
  const hit = document.elementFromPoint((v.left + v.right) / 2, (v.top + v.bottom) / 2);
  if (hit && !c.contains(hit) && !hit.contains(c) && !(c.labels && [...c.labels].some((l) => l.contains(hit)))) {
    problems.push(`${name(hit)} covers ${name(c)}`);
  }
});

if (MODE !== 'full') return [...new Set(problems)];

// The elements that show text of their own (not only through children).
const texts = [];
const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
const seen = new Set();
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.nodeValue.trim()) continue;
  const el = n.parentElement;
  if (!el || seen.has(el) || el.closest('script, style, option, [aria-hidden=true]')) continue;
  seen.add(el);
  if (shown(el) && visible(el)) texts.push(el);
}
const ownText = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join('').trim().replace(/\s+/g, ' ');

// 3. Text fits its box: not cut, not spilling, no ellipsis hiding a word. A line-clamped
// name may end in an ellipsis, but only after whole lines.
const blockOf = (el) => {
  let b = el;
  while (b && getComputedStyle(b).display === 'inline' && b.parentElement) b = b.parentElement;
  return b;
};
const checked = new Set();
for (const el of texts) {
  const b = blockOf(el);
  if (checked.has(b)) continue;
  checked.add(b);
  const s = getComputedStyle(b);
  if (/(auto|scroll)/.test(s.overflowX + s.overflowY) || b.matches('input, select, textarea, progress, table, tbody, thead, tr')) continue;
  const clamp = parseInt(s.webkitLineClamp || s.lineClamp, 10);
  const fs = parseFloat(s.fontSize);
  const lh = s.lineHeight === 'normal' ? fs * 1.2 : parseFloat(s.lineHeight);
  if (clamp > 0) {
    const h = b.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
    const lines = Math.round(h / lh);
    // WebKit lays lines out on whole pixels: 3 lines of 20.8 px may take 60 px.
    if (lines < 1 || Math.min(Math.abs(h - lines * lh), Math.abs(h - lines * Math.floor(lh))) > 2) problems.push(`${name(b)} shows ${(h / lh).toFixed(2)} lines: its text is cut through the glyphs`);
    continue;
  }
  if (b.scrollWidth > b.clientWidth + 1) problems.push(`text of ${name(b)} is ${b.scrollWidth - b.clientWidth} px wider than its box`);
  else if (b.scrollHeight > b.clientHeight + 2 && s.overflowY !== 'visible') problems.push(`text of ${name(b)} is cut at the bottom`);
  const why = reach(b);
  if (why) problems.push(`text ${name(b)} ${why}`);
}

// 4. Contrast: 4.5:1 for text, 3:1 for large text, computed from the styles (opacity of
// the element and its ancestors included: a greyed-out label must still be readable).
const rgba = (c) => {
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 0];
  const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
};
const over = (top, bottom, a) => [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a));
const lum = (c) => {
  const [r, g, b] = c.map((v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
for (const el of texts) {
  const chain = [];
  for (let p = el; p; p = p.parentElement) chain.push(p);
  // From the first opaque background up the chain, paint each background down to el.
  let base = chain.findIndex((p) => rgba(getComputedStyle(p).backgroundColor)[3] >= 1);
  if (base < 0) base = chain.length - 1;
  let bg = base < chain.length && rgba(getComputedStyle(chain[base]).backgroundColor)[3] >= 1 ? rgba(getComputedStyle(chain[base]).backgroundColor).slice(0, 3) : [255, 255, 255];
  for (let i = base - 1; i >= 0; i--) {
    const [r, g, b, a] = rgba(getComputedStyle(chain[i]).backgroundColor);
    let alpha = a;
    for (let k = i; k < base; k++) alpha *= Number(getComputedStyle(chain[k]).opacity);
    if (alpha > 0) bg = over([r, g, b], bg, alpha);
  }
  const s = getComputedStyle(el);
  let fa = rgba(s.color)[3];
  for (let k = 0; k < base; k++) fa *= Number(getComputedStyle(chain[k]).opacity);
  const fg = over(rgba(s.color), bg, fa);
  const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  const ratio = (l1 + 0.05) / (l2 + 0.05);
  const size = parseFloat(s.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5) - 0.01) problems.push(`${name(el)} has contrast ${ratio.toFixed(2)}:1 (needs ${large ? 3 : 4.5})`);
  if (size < 13) problems.push(`${name(el)} is set in ${size} px (under 13)`);
}

// 5. Translated: in another language no string on screen may equal an English message
// (a brand name on the allow-list may).
if (LANG !== 'en') {
  const res = EN.map(([text, re]) => [text, re ? new RegExp(`^${re}$`, 'su') : null]);
  const strings = new Map();
  for (const el of texts) strings.set(ownText(el), el);
  for (const el of [...layer.querySelectorAll('[placeholder], [aria-label], [title]')].filter(shown)) {
    for (const a of ['placeholder', 'aria-label', 'title']) {
      const v = (el.getAttribute(a) || '').trim();
      if (v) strings.set(v, el);
    }
  }
  for (const [s, el] of strings) {
    if (!/\p{L}{2}/u.test(s) || ALLOW.includes(s) || el.closest('[data-audit-data], [lang]:not(html)')) continue;
    const hit = res.find(([text, re]) => text === s || (re && re.test(s)));
    if (hit) problems.push(`untranslated: "${s}" (${name(el)}) is the English "${hit[0]}"`);
  }
}

return [...new Set(problems)];
