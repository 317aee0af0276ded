import { describe, expect, it } from 'vitest';
import type { MoneyView, PaymentView, VoucherView } from './api';
import { coveredByVouchers, enterAction, formatExpiry, showsDue, voucherPartners, type Checked } from './voucher';

const money = (minor: number): MoneyView => ({ minor, major: String(minor), text: `${minor} ₫` });
const view = (applies: number | null): VoucherView => ({
  partner: 'momo', code: 'ABC123', status: applies === null ? 'used' : 'valid', value: money(50000), percent: null,
  min_spend: null, expires_at: null, conditions: '', applies: applies === null ? null : money(applies),
  refused: applies === null ? 'Voucher ABC123 has already been used.' : null,
});
const payment = (due: number, vouchers: number, card = 0): PaymentView => ({
  total: money(100000), card_paid: money(card), due: money(due),
  vouchers: Array.from({ length: vouchers }, (_, i) => ({ partner: 'giftpop', code: `G${i}`, amount: money(10) })),
});

describe('voucher expiry', () => {
  const iso = '2025-12-31T23:59:00+07:00';

  it('formats the instant in the language’s one date-time style, in the given zone', () => {
    expect(formatExpiry(iso, 'en', 'UTC')).toBe('12/31/2025 16:59');
    expect(formatExpiry(iso, 'zh-CN', 'UTC')).toBe('2025/12/31 16:59');
    expect(formatExpiry(iso, 'el', 'UTC')).toBe('31/12/2025 16:59');
    expect(formatExpiry(iso, 'vi', 'Asia/Ho_Chi_Minh')).toBe('31/12/2025 23:59');
  });

  it('keeps Latin digits in Arabic', () => {
    expect(formatExpiry(iso, 'ar', 'UTC')).toBe('31/12/2025 16:59');
  });

  it('shows text that is not a date as it came', () => {
    expect(formatExpiry('soon', 'en')).toBe('soon');
  });
});

describe('Enter in the voucher code field', () => {
  const checked = (typed: string, applies: number | null): Checked => ({ partner: 'momo', typed, view: view(applies) });

  it('checks a freshly scanned code', () => {
    expect(enterAction('ABC123', 'momo', null, false)).toBe('check');
  });

  it('applies on a second Enter when the check says it pays', () => {
    expect(enterAction('ABC123', 'momo', checked('ABC123', 50000), false)).toBe('apply');
  });

  it('checks again when the check refused it', () => {
    expect(enterAction('ABC123', 'momo', checked('ABC123', null), false)).toBe('check');
  });

  it('checks again after the code or the partner changed', () => {
    expect(enterAction('ABC124', 'momo', checked('ABC123', 50000), false)).toBe('check');
    expect(enterAction('ABC123', 'giftpop', checked('ABC123', 50000), false)).toBe('check');
  });

  it('does nothing while busy or without a code', () => {
    expect(enterAction('ABC123', 'momo', null, true)).toBeNull();
    expect(enterAction('   ', 'momo', null, false)).toBeNull();
  });
});

describe('payment view', () => {
  it('offers to close the sale only when vouchers leave nothing due', () => {
    expect(coveredByVouchers(payment(0, 1))).toBe(true);
    expect(coveredByVouchers(payment(5000, 1))).toBe(false);
    expect(coveredByVouchers(payment(0, 0))).toBe(false);
    expect(coveredByVouchers(null)).toBe(false);
  });

  it('shows what is due once a voucher or a card covers part', () => {
    expect(showsDue(payment(100000, 0))).toBe(false);
    expect(showsDue(payment(90000, 1))).toBe(true);
    expect(showsDue(payment(60000, 0, 40000))).toBe(true);
    expect(showsDue(null)).toBe(false);
  });
});

describe('voucher partners', () => {
  const wallet = (name: string) => ({ name });

  it('keeps MoMo and GiftPop on a counter in đồng, Alipay enabled or not', () => {
    expect(voucherPartners('VND', [wallet('momo'), wallet('zalopay')])).toEqual(['momo', 'giftpop']);
    expect(voucherPartners('VND', [wallet('alipay')])).toEqual(['momo', 'giftpop']);
    expect(voucherPartners(undefined, [])).toEqual(['momo', 'giftpop']);
  });

  it('offers Alipay coupons on a counter in yuan with Alipay, and nothing without it', () => {
    expect(voucherPartners('CNY', [wallet('alipay')])).toEqual(['alipay']);
    expect(voucherPartners('CNY', [])).toEqual([]);
  });
});
