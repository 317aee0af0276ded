// What the cash numpad types: a plain decimal string in major units ("150000", "12.5"),
// the form the backend parses exactly. No arithmetic on money happens here.

export type Key = string; // '0'..'9', '000', '.', 'back', 'clear'

/** The text after pressing `key`, given how many decimals the currency has. */
export function press(text: string, key: Key, decimals: number, maxLength = 12): string {
  if (key === 'clear') return '';
  if (key === 'back') return text.slice(0, -1);
  if (key === '.') {
    if (decimals === 0 || text.includes('.')) return text;
    return (text === '' ? '0' : text) + '.';
  }
  if (!/^(\d|000)$/.test(key)) return text;
  const dot = text.indexOf('.');
  if (dot >= 0 && text.length - dot - 1 + key.length > decimals) return text;
  if (text === '0' && dot < 0) text = '';
  if (text === '' && key === '000') return text;
  const next = text + key;
  return next.replace('.', '').length > maxLength ? text : next;
}

/** Maps a physical key to a numpad key, or null. */
export function fromKeyboard(key: string): Key | null {
  if (/^\d$/.test(key)) return key;
  if (key === '.' || key === ',') return '.';
  if (key === 'Backspace') return 'back';
  if (key === 'Delete') return 'clear';
  return null;
}
