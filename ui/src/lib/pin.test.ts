import { describe, expect, it } from 'vitest';
import { PIN_DISPLAY_MAX, cleanPin, pinFromKeyboard, pressPin } from './pin';

const typeKeys = (keys: string[]) => keys.reduce((pin, k) => pressPin(pin, k), '');

describe('PIN pad', () => {
  it.each([
    [['1', '2', '3', '4'], '1234'],
    [['0', '0', '7'], '007'],
    [['1', '2', 'back'], '1'],
    [['back'], ''],
    [['1', '2', 'clear', '9'], '9'],
    [['1', '.', 'x', '000', '2'], '12'],
    [['١', '2'], '2'],
  ])('%j → %s', (keys, want) => {
    expect(typeKeys(keys)).toBe(want);
  });

  it('keeps leading zeros (a PIN is not a number)', () => {
    expect(typeKeys(['0', '0', '0', '0'])).toBe('0000');
  });

  it('stops at the display cap', () => {
    expect(typeKeys(Array(30).fill('9'))).toHaveLength(PIN_DISPLAY_MAX);
    expect(pressPin('1234', '5', 4)).toBe('1234');
  });

  it('cleans pasted text', () => {
    expect(cleanPin(' 12-34 ')).toBe('1234');
    expect(cleanPin('٣١٢٣')).toBe('');
    expect(cleanPin('9'.repeat(20))).toHaveLength(PIN_DISPLAY_MAX);
  });

  it('maps the keyboard and a scanner', () => {
    expect(pinFromKeyboard('7')).toBe('7');
    expect(pinFromKeyboard('Backspace')).toBe('back');
    expect(pinFromKeyboard('Delete')).toBe('clear');
    expect(pinFromKeyboard('Enter')).toBe('enter');
    expect(pinFromKeyboard('.')).toBeNull();
    expect(pinFromKeyboard('a')).toBeNull();
  });
});
