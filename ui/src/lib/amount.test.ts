import { describe, expect, it } from 'vitest';
import { groupAmount, plainAmount, regroup, separators } from './amount';

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
