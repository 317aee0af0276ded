// The partner connections screen's state and what its buttons do (components/
// PartnerConnections draws it): the view as the backend last answered it, the partner
// chosen, the next step's form, the deployment note and proof shown, the month-end list.
// Every error goes to the status bar with the backend's message; nothing here checks a rule.
import { isSessionLost } from './auth';
import { t } from './i18n.svelte';
import { screen } from './state.svelte';
import {
  connApi, currentMonth, defaultMonth, emptyForm, keptForm, recordRequest, shownMonth, stepId,
  type ConnectionsView, type NoteView, type PartnerRow, type PointsExport, type ProofView, type StepForm,
} from './connections';

/** What is running: one thing at a time. */
export type ConnBusy = 'load' | 'record' | 'note' | 'proof' | 'points';

export class ConnectionsScreen {
  view = $state<ConnectionsView | null>(null);
  /** The view could not be read (shown in place with a retry, and in the status bar). */
  loadError = $state<string | null>(null);
  selected = $state<string | null>(null);
  form = $state<StepForm>(emptyForm(null));
  busy = $state<ConnBusy | null>(null);
  /** The step being recorded (`connected` runs a connection test: seconds). */
  recording = $state<string | null>(null);
  note = $state<NoteView | null>(null);
  proof = $state<ProofView | null>(null);
  #month = $state(defaultMonth());
  /** The month-end list last written: for `month` only (cleared when the month changes). */
  points = $state<PointsExport | null>(null);

  /** The month-end list's month, "YYYY-MM". */
  get month(): string {
    return this.#month;
  }
  set month(value: string) {
    if (value === this.#month) return;
    this.#month = value;
    this.points = null;
  }

  constructor(start: { view?: ConnectionsView | null; selected?: string | null; month?: string } = {}) {
    this.view = start.view ?? null;
    if (start.month) this.month = start.month;
    if (start.selected) this.select(start.selected);
  }

  get row(): PartnerRow | null {
    return this.view?.partners.find((p) => p.partner === this.selected) ?? null;
  }

  async load(): Promise<void> {
    if (this.busy) return;
    this.busy = 'load';
    const r = await screen.attempt(connApi.view);
    this.busy = null;
    if (r.ok) {
      // What was typed stays while the same partner is shown (a refresh after a refusal).
      const before = this.row;
      this.view = r.value;
      this.loadError = null;
      const after = this.row;
      if (!after) {
        this.selected = null;
        this.form = emptyForm(null);
      } else if (!before) {
        this.form = emptyForm(after);
      } else {
        this.form = keptForm(this.form, before, after);
      }
    } else {
      this.loadError = r.error.message;
      // A lost session already went back to the sign-in screen.
      if (!isSessionLost(r.error)) screen.fail(r.error);
    }
  }

  select(partner: string | null) {
    this.selected = partner;
    this.form = emptyForm(this.row);
  }

  /** Records `step` (the next one, or `disabled`) with the form's fields; the answer is the
   *  new view. A refusal keeps what was typed. */
  async record(step: string): Promise<boolean> {
    const row = this.row;
    if (!row || this.busy) return false;
    const request = recordRequest(row, step, this.form);
    this.busy = 'record';
    this.recording = step;
    screen.workBusy = true;
    const v = await screen.run(() => connApi.record(row.partner, step, request));
    screen.workBusy = false;
    this.busy = null;
    this.recording = null;
    if (!v) return false;
    this.view = v;
    this.form = emptyForm(this.row);
    screen.tell(t('conn-ui-recorded', { partner: row.name, step: t(stepId(step)) }));
    return true;
  }

  async openNote(): Promise<void> {
    const row = this.row;
    if (!row || this.busy) return;
    this.busy = 'note';
    const v = await screen.run(() => connApi.note(row.partner));
    this.busy = null;
    if (v) this.note = v;
  }

  async openProof(): Promise<void> {
    const row = this.row;
    if (!row || this.busy) return;
    this.busy = 'proof';
    const v = await screen.run(() => connApi.proof(row.partner));
    this.busy = null;
    if (v) this.proof = v;
  }

  async exportPoints(): Promise<void> {
    if (this.busy) return;
    // Never a month that is not one, before 2000 or still to come.
    const now = currentMonth();
    const month = shownMonth(this.month, now, now);
    this.month = month;
    this.busy = 'points';
    const v = await screen.run(() => connApi.points(month));
    this.busy = null;
    if (v) {
      // A list for a month no longer chosen is not shown under the new one.
      if (this.month === month) this.points = v;
      screen.tell(t('conn-ui-exported', { count: v.rows.length }));
    }
  }
}
