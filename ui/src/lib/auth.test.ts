import { describe, expect, it } from 'vitest';
import type { SessionView } from './api';
import { approvalNeedsPin, isSessionLost, may, needsSignIn, staffFormProblem } from './auth';

const setup: SessionView = { setup: true, staff: null };
const out: SessionView = { setup: false, staff: null };
const cashier: SessionView = { setup: false, staff: { id: '1', name: 'An', role: 'cashier', may: ['ring-sale', 'view-sales'] } };

describe('session on the screen', () => {
  it('knows when the backend signed the window out', () => {
    expect(isSessionLost({ code: 'err-auth-signed-out', message: 'x' })).toBe(true);
    expect(isSessionLost({ code: 'err-auth-session-expired', message: 'x' })).toBe(true);
    expect(isSessionLost({ code: 'err-auth-not-allowed', message: 'x' })).toBe(false);
    expect(isSessionLost({ code: 'err-auth-wrong-pin', message: 'x' })).toBe(false);
    expect(isSessionLost('err-auth-signed-out')).toBe(false);
    expect(isSessionLost(null)).toBe(false);
  });

  it('asks for sign-in only when staff exist and nobody is in', () => {
    expect(needsSignIn(null)).toBe(false);
    expect(needsSignIn(setup)).toBe(false);
    expect(needsSignIn(out)).toBe(true);
    expect(needsSignIn(cashier)).toBe(false);
  });

  it('offers what the role may, everything in setup', () => {
    expect(may(setup, 'manage-staff')).toBe(true);
    expect(may(out, 'ring-sale')).toBe(false);
    expect(may(cashier, 'ring-sale')).toBe(true);
    expect(may(cashier, 'approve-void')).toBe(false);
    expect(may(null, 'ring-sale')).toBe(false);
  });

  it('asks for an approver PIN except in setup', () => {
    expect(approvalNeedsPin(setup)).toBe(false);
    expect(approvalNeedsPin(cashier)).toBe(true);
  });
});

describe('staff form', () => {
  it.each([
    [{ name: ' ', pin: '1234', pin2: '1234' }, 'staff-name-missing'],
    [{ name: 'Mai', pin: '', pin2: '' }, 'staff-pin-missing'],
    [{ name: 'Mai', pin: '1234', pin2: '1243' }, 'staff-pin-mismatch'],
    [{ name: 'Mai', pin: '1234', pin2: '1234' }, null],
    [{ name: 'Mai', pin: '12', pin2: '12' }, null],
  ])('%j → %s', (form, want) => {
    expect(staffFormProblem(form)).toBe(want);
  });
});
