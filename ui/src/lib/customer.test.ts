import { describe, expect, it } from 'vitest';
import { MOBILE_MAX, canRemove, canSave, cleanMobile, customerName, initialMobile, mobileToSend, offersCustomer, pressMobile } from './customer';

const lan = { mobile: '0912345678', name: 'Nguyễn Thị Lan', address: null };

describe('the sale’s customer', () => {
  it('keeps what a phone number is written with', () => {
    expect(cleanMobile('+84 903.123-456')).toBe('+84 903.123-456');
    expect(cleanMobile('(09) 12 345 678')).toBe('(09) 12 345 678');
    expect(cleanMobile('0912abc345678\n')).toBe('0912345678');
    expect(cleanMobile('0'.repeat(30))).toHaveLength(MOBILE_MAX);
  });

  it('sends the trimmed number, or null for none', () => {
    expect(mobileToSend('  0912 345 678 ')).toBe('0912 345 678');
    expect(mobileToSend('')).toBeNull();
    expect(mobileToSend('   ')).toBeNull();
  });

  it('saves a number, not a blank field, and not twice', () => {
    expect(canSave('0912345678', false)).toBe(true);
    expect(canSave('  ', false)).toBe(false);
    expect(canSave('0912345678', true)).toBe(false);
  });

  it('offers Remove only when the sale has a customer', () => {
    expect(canRemove(lan)).toBe(true);
    expect(canRemove(null)).toBe(false);
    expect(canRemove(undefined)).toBe(false);
  });

  it('offers the Customer button on a cart that is not an online order', () => {
    expect(offersCustomer({ online_order: null })).toBe(true);
    expect(offersCustomer({})).toBe(true);
    expect(offersCustomer({ online_order: 881 })).toBe(false);
    expect(offersCustomer(null)).toBe(false);
  });

  it('starts the field on the customer’s number, and names a known customer', () => {
    expect(initialMobile(lan)).toBe('0912345678');
    expect(initialMobile(null)).toBe('');
    expect(customerName(lan)).toBe('Nguyễn Thị Lan');
    expect(customerName({ ...lan, name: '  ' })).toBeNull();
    expect(customerName({ ...lan, name: null })).toBeNull();
  });

  it('types on the touch pad', () => {
    expect(pressMobile('091', '2')).toBe('0912');
    expect(pressMobile('0912', 'back')).toBe('091');
    expect(pressMobile('0912', 'clear')).toBe('');
    expect(pressMobile('', 'back')).toBe('');
    expect(pressMobile('0912', 'x')).toBe('0912');
    expect(pressMobile('0'.repeat(MOBILE_MAX), '1')).toHaveLength(MOBILE_MAX);
  });
});
