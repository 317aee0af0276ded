// The one dialog's markup, rendered on the server: the window tests and the layout audit
// rely on it (the backdrop, `.dialog` with its role and testid, `.actions` inside it).
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Dialog from './Dialog.svelte';

const snippet = (html: string) => createRawSnippet(() => ({ render: () => html }));
/** The rendered body without Svelte's hydration comments and scoping classes. */
const body = (props: Record<string, unknown>) =>
  render(Dialog, { props: props as never }).body.replace(/<!--[^>]*-->/g, '').replace(/\s*svelte-[a-z0-9]+/g, '').replace(/>\s+</g, '><');

describe('Dialog', () => {
  it('keeps the markup the dialogs had', () => {
    const html = body({
      testid: 'void-dialog', labelledby: 'void-title',
      children: snippet('<h2 id="void-title">Void</h2>'),
      actions: snippet('<button data-testid="void-cancel">Cancel</button>'),
    });
    expect(html).toMatch(/^<div class="dialog-backdrop" role="presentation"><div [^>]*>/);
    const box = /<div class="dialog-backdrop" role="presentation">(<div [^>]*>)/.exec(html)![1];
    expect(box).toContain('class="dialog"');
    expect(box).toContain('role="dialog"');
    expect(box).toContain('aria-modal="true"');
    expect(box).toContain('aria-labelledby="void-title"');
    expect(box).toContain('data-testid="void-dialog"');
    expect(box).not.toContain('aria-label=');
    expect(html).toContain('<h2 id="void-title">Void</h2><div class="actions"><button data-testid="void-cancel">Cancel</button></div></div></div>');
  });

  it('takes a label, an extra class and other attributes; no actions row without actions', () => {
    const html = body({
      testid: 'dayend-settle-dialog', label: 'Receipt', class: 'wide', 'data-action': 'link', 'aria-busy': true,
      children: snippet('<p>x</p>'),
    });
    expect(html).toContain('class="dialog wide"');
    expect(html).toContain('aria-label="Receipt"');
    expect(html).toContain('data-action="link"');
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('aria-labelledby');
    expect(html).not.toContain('class="actions"');
  });
});
