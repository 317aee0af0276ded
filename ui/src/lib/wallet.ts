// Wallet payment helpers (MoMo, ZaloPay, VNPAY-QR, Alipay). The backend decides everything
// about a payment (the wallet, the code, the outcome); these only count down, read the
// keyboard and say which ways of paying a wallet offers.

/** How the customer pays with a wallet at the counter: the cashier scans the customer's code
 *  (MoMo), the customer scans our QR (ZaloPay, VNPAY-QR), or either (Alipay): the code field
 *  first — a scanner types into it — and a button to show our QR instead. */
export type PayWays = 'code' | 'qr' | 'both';

export function payWays(w: { scan: boolean; qr: boolean }): PayWays {
  if (w.scan && w.qr) return 'both';
  return w.scan ? 'code' : 'qr';
}

/** Whole seconds left until `until` (RFC 3339) at `now` (ms since the epoch), rounded up so
 *  the last second shows "00:01" until it is over; never negative, 0 for a date that is not one. */
export function secondsLeft(until: string, now: number): number {
  const end = Date.parse(until);
  if (Number.isNaN(end) || !Number.isFinite(now)) return 0;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** Seconds as "mm:ss" (minutes grow past 99 as needed); negatives and fractions as 0 and whole seconds. */
export function formatCountdown(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const mm = String(Math.floor(s / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

/** The share of the deadline still left, 0…1 (for a bar); 0 when the length is unknown. */
export function fractionLeft(left: number, total: number): number {
  if (!(total > 0) || !Number.isFinite(left)) return 0;
  return Math.min(1, Math.max(0, left / total));
}

/** A code as typed or scanned, without the spaces and line ends a scanner or a paste adds. */
export function cleanCode(raw: string): string {
  return raw.replace(/[\s\u0000-\u001f\u007f]+/g, '');
}

/** The code to send when `key` is pressed in the code field: a scanner types the code then
 *  Enter (some a Tab); a code typed by hand is sent with Enter too. Null: not complete yet. */
export function completedScan(typed: string, key: string): string | null {
  if (key !== 'Enter' && key !== 'NumpadEnter') return null;
  const code = cleanCode(typed);
  return code ? code : null;
}

/** A code pasted or typed with its line end still on it (some scanners send "\r\n" as text). */
export function endsScan(raw: string): boolean {
  return /[\r\n]\s*$/.test(raw) && cleanCode(raw) !== '';
}

/** A brand colour as the backend sends it (#rgb or #rrggbb), or null for anything else, so
 *  nothing but a colour goes into a style. */
export function brandColor(color: string | null | undefined): string | null {
  return color && /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color) ? color : null;
}
