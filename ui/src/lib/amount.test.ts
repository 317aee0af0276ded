import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, formatSigned, groupAmount, majorText, plainAmount, regroup, separators } from './amount';

describe('a typed amount grouped as the language writes it', () => {
  it('knows each language’s separators, as the backend formats money', () => {
    expect(separators('en')).toEqual({ group: ',', decimal: '.' });
    expect(separators('zh-CN')).toEqual({ group: ',', decimal: '.' });
    expect(separators('ar')).toEqual({ group: ',', decimal: '.' }); // Latin digits, as receipts print
    expect(separators('vi')).toEqual({ group: '.', decimal: ',' });
    expect(separators('el')).toEqual({ group: '.', decimal: ',' });
  });

  it('shows "100000" grouped, and a decimal part as typed', () => {
    expect(groupAmount('100000', 'en')).toBe('100,000');
    expect(groupAmount('100000', 'vi')).toBe('100.000');
    expect(groupAmount('100000', 'el')).toBe('100.000');
    expect(groupAmount('100000', 'ar')).toBe('100,000');
    expect(groupAmount('100000', 'zh-CN')).toBe('100,000');
    expect(groupAmount('1234567.5', 'en')).toBe('1,234,567.5');
    expect(groupAmount('1234567.5', 'el')).toBe('1.234.567,5');
    expect(groupAmount('12.', 'el')).toBe('12,');
    expect(groupAmount('.5', 'en')).toBe('0.5');
    expect(groupAmount('999', 'vi')).toBe('999');
    expect(groupAmount('', 'vi')).toBe('');
    // Beyond what a float holds exactly: digits are never rounded.
    expect(groupAmount('123456789012345', 'en')).toBe('123,456,789,012,345');
  });

  it('gives the backend the plain decimal back', () => {
    expect(plainAmount('100.000', 'vi', 0)).toBe('100000');
    expect(plainAmount('100,000', 'en', 0)).toBe('100000');
    expect(plainAmount('1.234,56', 'el', 2)).toBe('1234.56');
    expect(plainAmount('1,234.56', 'en', 2)).toBe('1234.56');
    expect(plainAmount('1,234.567', 'en', 2)).toBe('1234.56');
    expect(plainAmount('12,', 'el', 2)).toBe('12.');
    expect(plainAmount('100 000', 'en', 0)).toBe('100000');
    expect(plainAmount('0012', 'en', 0)).toBe('12');
    expect(plainAmount('0', 'en', 0)).toBe('0');
    expect(plainAmount('abc', 'en', 0)).toBe('');
    // No decimals in VND: a decimal separator is dropped, not taken as a point.
    expect(plainAmount('12,5', 'vi', 0)).toBe('125');
  });

  it('regroups each keystroke and keeps the caret after the same digit', () => {
    // Typing "100000" one key at a time, caret at the end.
    let text = '';
    let plain = '';
    for (const key of '100000') {
      const next = text + key;
      const r = regroup(next, next.length, 'vi', 0);
      expect(r.caret).toBe(r.text.length);
      ({ text, plain } = r);
    }
    expect(text).toBe('100.000');
    expect(plain).toBe('100000');

    // A digit typed in the middle: "1,000" → "12,000" with the caret after the 2.
    expect(regroup('12,000', 2, 'en', 0)).toEqual({ plain: '12000', text: '12,000', caret: 2 });
    // "12,000" → "120,000": the separator moved, the caret follows the digit typed.
    expect(regroup('120,000', 3, 'en', 0)).toEqual({ plain: '120000', text: '120,000', caret: 3 });
    // "1,234" + "5" at the end → "12,345".
    expect(regroup('1,2345', 6, 'en', 0)).toEqual({ plain: '12345', text: '12,345', caret: 6 });
    // Backspace that took the last digit of "1,000": "1,00" → "100".
    expect(regroup('1,00', 4, 'en', 0)).toEqual({ plain: '100', text: '100', caret: 3 });
    // A refused character leaves the caret where it was.
    expect(regroup('1,0x00', 4, 'en', 0)).toEqual({ plain: '1000', text: '1,000', caret: 3 });
    // A decimal comma in Greek.
    expect(regroup('1234,5', 6, 'el', 2)).toEqual({ plain: '1234.5', text: '1.234,5', caret: 7 });
  });
});

describe('money in minor units, written as the backend writes it', () => {
  it('matches crates/quay-i18n (format.rs money) in every language', () => {
    // The cases of crates/quay-i18n/src/tests.rs, digits as the currency has them.
    const cases: [Parameters<typeof formatMoney>[2], number, string, string][] = [
      ['vi', 125_000, 'VND', '125.000\u00a0₫'],
      ['en', 125_000, 'VND', '₫125,000'],
      ['el', 125_000, 'VND', '125.000\u00a0₫'],
      ['zh-CN', 125_000, 'VND', '₫125,000'],
      ['el', 123_450, 'EUR', '1.234,50\u00a0€'],
      ['en', 123_450, 'EUR', '€1,234.50'],
      ['zh-CN', 123_450, 'EUR', '€1,234.50'],
      ['vi', 1_250, 'EUR', '12,50\u00a0€'],
      ['en', 5, 'EUR', '€0.05'],
      ['en', 0, 'VND', '₫0'],
      ['en', -45_000, 'VND', '-₫45,000'],
      ['vi', 500, 'VND', '500\u00a0₫'],
    ];
    for (const [lang, minor, currency, want] of cases) expect(formatMoney(minor, currency, lang), `${lang} ${minor} ${currency}`).toBe(want);
  });

  it('writes Arabic with Latin digits, grouped, the sign after the number', () => {
    expect(formatMoney(125_000, 'VND', 'ar')).toBe('125,000\u00a0₫');
    expect(formatMoney(150, 'EUR', 'ar')).toBe('1.50\u00a0€');
    expect(formatMoney(-250, 'EUR', 'el')).toBe('-2,50\u00a0€');
  });

  it('takes the counter’s decimals when given, the currency’s otherwise', () => {
    expect(currencyDigits('VND')).toBe(0);
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('KWD')).toBe(3);
    expect(formatMoney(1_234_567, 'KWD', 'en')).toBe('KWD1,234.567');
    expect(formatMoney(45_000, 'VND', 'vi', 0)).toBe('45.000\u00a0₫');
    expect(formatMoney(100, 'JPY', 'zh-CN')).toBe('JP¥100');
    // Beyond a double's exact integers, still exact: no floats on the way.
    expect(formatMoney(12_345_678_901_234_56, 'EUR', 'en')).toBe('€12,345,678,901,234.56');
  });

  it('shows the sign of a difference', () => {
    expect(formatSigned(150, 'EUR', 'en')).toBe('+€1.50');
    expect(formatSigned(-150, 'EUR', 'vi')).toBe('-1,50\u00a0€');
    expect(formatSigned(0, 'VND', 'el')).toBe('0\u00a0₫');
  });

  it('writes minor units as exact major text', () => {
    expect(majorText(-5, 2)).toBe('-0.05');
    expect(majorText(7, 0)).toBe('7');
  });
});
