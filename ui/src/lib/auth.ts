// Who is at the screen, as the backend's session view says. The backend checks every
// command again; these only decide what the screen offers.
import { isErrorDto, type SessionView } from './api';

/** Errors after which the backend has nobody signed in at this window. */
const SESSION_LOST: ReadonlySet<string> = new Set(['err-auth-signed-out', 'err-auth-session-expired']);

export function isSessionLost(e: unknown): boolean {
  return isErrorDto(e) && SESSION_LOST.has(e.code);
}

/** The sign-in screen is due: staff exist and nobody is signed in. */
export function needsSignIn(s: SessionView | null): boolean {
  return !!s && !s.setup && !s.staff;
}

/** Whether the screen offers `action` (kebab-case, as in `StaffView.may`). A counter in
 *  setup runs every command without sign-in. */
export function may(s: SessionView | null, action: string): boolean {
  if (!s) return false;
  if (s.setup) return true;
  return !!s.staff && s.staff.may.includes(action);
}

/** Approvals need a PIN typed at the screen, except in setup (nobody to ask). */
export function approvalNeedsPin(s: SessionView | null): boolean {
  return !s?.setup;
}

export interface StaffForm { name: string; pin: string; pin2: string }

/** What keeps the staff form from being sent, as a Fluent id, or null. The backend
 *  checks the name and the PIN's format itself; the screen only catches a mistyped
 *  repeat, which the backend never sees. */
export function staffFormProblem(f: StaffForm): string | null {
  if (!f.name.trim()) return 'staff-name-missing';
  if (!f.pin) return 'staff-pin-missing';
  if (f.pin !== f.pin2) return 'staff-pin-mismatch';
  return null;
}
