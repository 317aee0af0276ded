// The card typed for a phone payment, held only while typed: number, MM/YY and CVV live in
// this object's fields (bound to the inputs), go to the backend in one `vpos_moto` call and
// are emptied the moment that call returns, approved, declined or failed. Nothing here
// writes them anywhere: no store, no log, no localStorage, no clipboard, no error text.
import { vposApi, type MotoRequest, type VposPaymentView } from './vpos';
import type { ErrorDto } from './api';
import { isErrorDto } from './api';

export type MotoOutcome = { ok: true; payment: VposPaymentView } | { ok: false; error: ErrorDto };

/** The order and amount of a phone payment: everything but the card. */
export type MotoOrder = Omit<MotoRequest, 'number' | 'expiry' | 'cvv'>;

export class CardEntry {
  number = $state('');
  expiry = $state('');
  cvv = $state('');
  /** A payment is on its way to the bank. */
  busy = $state(false);

  /** All three typed (the backend checks Luhn, the expiry and the CVV's length). */
  get complete(): boolean {
    return this.number.trim() !== '' && this.expiry.trim() !== '' && this.cvv.trim() !== '';
  }

  /** Forgets the card. */
  clear() {
    this.number = '';
    this.expiry = '';
    this.cvv = '';
  }

  /** Sends the card with `order` and forgets it as soon as the call returns, whatever the
   *  outcome. A second tap while one runs does nothing. */
  async pay(order: MotoOrder, moto = vposApi.moto): Promise<MotoOutcome | null> {
    if (this.busy) return null;
    this.busy = true;
    try {
      const payment = await moto({ ...order, number: this.number, expiry: this.expiry, cvv: this.cvv });
      return { ok: true, payment };
    } catch (e) {
      // The backend's refusal as it is (it never repeats the card); anything else reduced
      // to a generic error, never its text (it could quote the request).
      const error: ErrorDto = isErrorDto(e) ? { code: e.code, message: e.message } : { code: 'err-internal', message: 'err-internal' };
      return { ok: false, error };
    } finally {
      this.clear();
      this.busy = false;
    }
  }
}

/** Only digits and the separators a person types in a card number (spaces, dashes): what
 *  else is typed or pasted is dropped as it arrives. */
export function cardDigits(text: string): string {
  return text.replace(/[^\d -]/g, '').slice(0, 23);
}

/** MM/YY as typed: digits, the slash added after the month. */
export function expiryText(text: string): string {
  const d = text.replace(/\D/g, '').slice(0, 4);
  return d.length > 2 ? `${d.slice(0, 2)}/${d.slice(2)}` : d;
}

/** The CVV: up to four digits. */
export function cvvText(text: string): string {
  return text.replace(/\D/g, '').slice(0, 4);
}
