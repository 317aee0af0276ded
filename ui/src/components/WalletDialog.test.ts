// The wallet dialog and the customer display as first drawn (server-rendered, before any
// backend call): the test ids the window tests use, and brand colours kept to stripes.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { DisplayView, WalletView } from '../lib/api';
import CustomerDisplay from './CustomerDisplay.svelte';
import WalletDialog from './WalletDialog.svelte';

const momo: WalletView = { name: 'momo', label: 'MoMo', color: '#a50064', scan: true, qr: false };
const zalo: WalletView = { name: 'zalopay', label: 'ZaloPay', color: '#0068ff', scan: false, qr: true };
const alipay: WalletView = { name: 'alipay', label: 'Alipay', color: '#1677ff', scan: true, qr: true };
const draw = (wallets: WalletView[]) =>
  render(WalletDialog, { props: { wallets, onclose: () => {}, onclosed: () => {} } }).body;

describe('WalletDialog', () => {
  it('offers each wallet with its colour as a stripe, not as text', () => {
    const html = draw([momo, zalo]);
    expect(html).toContain('data-testid="wallet-dialog"');
    expect(html).toContain('data-testid="wallet-momo"');
    expect(html).toContain('data-testid="wallet-zalopay"');
    expect(html).toContain('--stripe: #a50064');
    expect(html).not.toMatch(/[^-]color:\s*#a50064/);
    expect(html).toContain('data-testid="wallet-amount"');
    expect(html).not.toContain('data-testid="wallet-code"');
  });

  it('asks a scan wallet for the customer’s code', () => {
    const html = draw([momo]);
    expect(html).toContain('data-testid="wallet-code"');
    expect(html).toContain('data-testid="wallet-code-kind"');
    expect(html).toContain('data-testid="wallet-charge"');
  });

  it('offers a scan wallet no QR button', () => {
    expect(draw([momo])).not.toContain('data-testid="wallet-show-qr"');
  });

  it('asks a wallet that does both for the code, with a labelled button to show our QR instead', () => {
    const html = draw([alipay]);
    expect(html).toContain('data-testid="wallet-code"');
    expect(html).toContain('data-testid="wallet-code-kind"');
    expect(html).toContain('data-testid="wallet-charge"');
    // The button, labelled from the locales, explained by its hint (which names the wallet).
    const button = /<button[^>]*data-testid="wallet-show-qr"[^>]*>([^<]*)<\/button>/.exec(html);
    expect(button?.[1].trim()).toBe('Show our QR code instead');
    expect(button?.[0]).toContain('aria-describedby="wallet-show-qr-hint"');
    expect(button?.[0]).toContain('--stripe: #1677ff');
    expect(html).toMatch(/id="wallet-show-qr-hint"[^>]*>[^<]*Alipay/);
    // The code field comes first: a scanner types into it.
    expect(html.indexOf('data-testid="wallet-code"')).toBeLessThan(html.indexOf('data-testid="wallet-show-qr"'));
    // Nothing is started before the cashier chooses: no QR, no waiting.
    expect(html).not.toContain('data-testid="wallet-waiting"');
  });

  it('keeps a colour that is not one out of the style', () => {
    const html = draw([{ ...zalo, color: 'red; background: url(x)' }]);
    expect(html).not.toContain('url(x)');
  });
});

describe('CustomerDisplay', () => {
  const money = (text: string, minor: number) => ({ minor, major: text, text });
  const base: DisplayView = { mode: 'idle', lines: [], total: null, qr: null, thanks: null, store: 'Quay Café' };
  const show = (initial?: DisplayView) => render(CustomerDisplay, { props: { initial } }).body;
  const mode = (html: string) => /data-testid="cd-mode"[^>]*data-mode="([a-z]+)"|data-mode="([a-z]+)"[^>]*data-testid="cd-mode"/.exec(html)?.slice(1).find(Boolean);

  it('starts on the welcome, with its mode named', () => {
    const html = show();
    expect(html).toContain('data-testid="customer-display"');
    expect(mode(html)).toBe('idle');
    expect(show(base)).toContain('Quay Café');
  });

  it('shows the cart and its total', () => {
    const html = show({ ...base, mode: 'cart', lines: [{ name: 'Cà phê sữa', quantity: 2, total: money('58.000 ₫', 58000) }], total: money('58.000 ₫', 58000) });
    expect(mode(html)).toBe('cart');
    expect(html).toContain('Cà phê sữa');
    expect(html).toMatch(/data-testid="cd-total"[^>]*>58.000 ₫</);
  });

  it('shows the QR code, the amount and the time left', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
    const until = new Date(Date.now() + 120_000).toISOString();
    const qr = { wallet: 'zalopay', label: 'ZaloPay', color: '#0068ff', content: 'x', svg, amount: money('58.000 ₫', 58000), until, seconds: 180 };
    const html = show({ ...base, mode: 'qr', qr });
    expect(mode(html)).toBe('qr');
    expect(html).toMatch(/data-testid="cd-qr"[^>]*>[\s\S]*<svg/);
    expect(html).toContain('--stripe: #0068ff');
    expect(html).toMatch(/data-testid="cd-countdown"[^>]*>0[12]:[0-5]\d</);
  });

  it('thanks the customer', () => {
    const html = show({ ...base, mode: 'thanks', thanks: { amount: money('58.000 ₫', 58000) } });
    expect(mode(html)).toBe('thanks');
    expect(html).toContain('data-testid="cd-thanks"');
    expect(html).toContain('58.000 ₫');
  });
});
