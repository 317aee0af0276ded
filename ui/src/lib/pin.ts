// What a PIN pad types: digits only, masked on screen. Whether a PIN is long enough, right
// or locked is the backend's answer; the cap here only keeps the dots on one line.

export type PinKey = string; // '0'..'9', 'back', 'clear'

/** Longer than any PIN the backend accepts: the backend says why a PIN is refused. */
export const PIN_DISPLAY_MAX = 12;

/** The PIN after pressing `key`. */
export function pressPin(pin: string, key: PinKey, max = PIN_DISPLAY_MAX): string {
  if (key === 'clear') return '';
  if (key === 'back') return pin.slice(0, -1);
  if (!/^\d$/.test(key)) return pin;
  return pin.length >= max ? pin : pin + key;
}

/** Only the ASCII digits of pasted or autofilled text, capped (the keypad types ASCII). */
export function cleanPin(text: string, max = PIN_DISPLAY_MAX): string {
  return text.replace(/[^0-9]/g, '').slice(0, max);
}

/** Maps a physical key (keyboard or scanner) to a pad key, 'enter', or null. */
export function pinFromKeyboard(key: string): PinKey | 'enter' | null {
  if (/^\d$/.test(key)) return key;
  if (key === 'Backspace') return 'back';
  if (key === 'Delete') return 'clear';
  if (key === 'Enter') return 'enter';
  return null;
}
