// The sale's customer by mobile number (Nhanh.vn keeps customers by mobile), without the
// screen: what the field keeps, what is sent, what the cart panel and the dialog offer.
// Whether a number is a Vietnamese mobile is the backend's answer (`err-nhanh-invalid-mobile`):
// `+84…`, `84…`, `0…`, spaces and dots are all its to read.
import type { CartView } from './api';

export type CartCustomer = NonNullable<CartView['customer']>;

/** Longer than any number written with spaces and a country code: the backend says why. */
export const MOBILE_MAX = 20;

/** What the field keeps of typed, pasted or scanned text: digits, `+`, spaces, dots,
 *  dashes and brackets, capped. Anything else is not part of a phone number. */
export function cleanMobile(text: string, max = MOBILE_MAX): string {
  return text.replace(/[^0-9+ .\-()]/g, '').slice(0, max);
}

/** What `cart_customer` is sent for the field: the trimmed number, or null (no customer). */
export function mobileToSend(typed: string): string | null {
  const m = typed.trim();
  return m === '' ? null : m;
}

/** Save is offered when there is a number and nothing is being saved. */
export function canSave(typed: string, busy: boolean): boolean {
  return !busy && mobileToSend(typed) !== null;
}

/** Remove is offered when the sale has a customer to remove. */
export function canRemove(customer: CartCustomer | null | undefined): boolean {
  return !!customer?.mobile;
}

/** The Customer button shows on a cart that is not an online order (that order's customer is its own). */
export function offersCustomer(cart: Pick<CartView, 'online_order'> | null | undefined): boolean {
  return !!cart && !cart.online_order;
}

/** What the field starts with: the sale's customer's number, to change it. */
export function initialMobile(customer: CartCustomer | null | undefined): string {
  return customer?.mobile ?? '';
}

/** The customer's name when the counter knows one (blank is none). */
export function customerName(customer: CartCustomer | null | undefined): string | null {
  const n = customer?.name?.trim();
  return n ? n : null;
}

export type PadKey = string; // '0'..'9', 'back', 'clear'
export const PAD_KEYS: readonly PadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];

/** The field after a key of the touch pad. */
export function pressMobile(text: string, key: PadKey, max = MOBILE_MAX): string {
  if (key === 'clear') return '';
  if (key === 'back') return text.slice(0, -1);
  if (!/^\d$/.test(key)) return text;
  return text.length >= max ? text : text + key;
}
