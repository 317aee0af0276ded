import { describe, expect, it } from 'vitest';
import { fromKeyboard, press } from './numpad';

const typeKeys = (keys: string[], decimals: number) => keys.reduce((text, k) => press(text, k, decimals), '');

describe('cash numpad', () => {
  it.each([
    [['1', '5', '000'], 0, '15000'],
    [['000'], 0, ''],
    [['0', '0', '5'], 0, '5'],
    [['1', '2', '.', '5'], 2, '12.5'],
    [['1', '.', '5', '0', '1'], 2, '1.50'],
    [['.', '5'], 2, '0.5'],
    [['1', '.'], 0, '1'],
    [['1', '.', '.', '2'], 2, '1.2'],
    [['9', '9', 'back'], 0, '9'],
    [['9', '9', 'clear', '4'], 0, '4'],
    [['x', '1'], 0, '1'],
  ])('%j with %i decimals → %s', (keys, decimals, want) => {
    expect(typeKeys(keys as string[], decimals as number)).toBe(want);
  });

  it('stops at the maximum length', () => {
    expect(typeKeys(Array(20).fill('9'), 0)).toHaveLength(12);
  });

  it('maps the keyboard', () => {
    expect(fromKeyboard('7')).toBe('7');
    expect(fromKeyboard(',')).toBe('.');
    expect(fromKeyboard('Backspace')).toBe('back');
    expect(fromKeyboard('a')).toBeNull();
  });
});
