// The printers in the window as first drawn (server-rendered): the status line in the
// status row, the print jobs with their actions, the "Open drawer" dialog (a manager's PIN
// only for a cashier) and the technician's Printers screen with its station form.
import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { screen } from '../lib/state.svelte';
import type { JobView, PrinterView } from '../lib/printing';
import { editDraftOf, newStationDraft } from '../lib/printing';
import PrinterStatus from './PrinterStatus.svelte';
import PrintJobs from './PrintJobs.svelte';
import DrawerDialog from './DrawerDialog.svelte';
import Printers from './Printers.svelte';
import TechnicianHome from './TechnicianHome.svelte';

const clean = (html: string) => html.replace(/<!--[^>]*-->/g, '').replace(/ class="svelte-[a-z0-9]+"|\s*svelte-[a-z0-9]+/g, '');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const draw = (c: any, props: Record<string, unknown> = {}) => clean(render(c, { props }).body);
const strip = (s: string) => s.replace(/[\u2068\u2069]/g, '');

const printers: PrinterView[] = [
  { name: 'receipt', address: 'tcp://10.0.0.2:9100', waiting: 0, problem_code: null, problem: null },
  { name: 'kitchen.hot', address: 'tcp://10.0.0.3:9100', waiting: 2, problem_code: 'err-print-paper-out', problem: 'The printer is out of paper. Load a new roll.' },
  { name: 'kitchen.bar', address: 'tcp://10.0.0.4:9100', waiting: 0, problem_code: null, problem: null },
];
const job = (id: number, over: Partial<JobView> = {}): JobView => ({
  id, kind: 'kitchen', printer: 'kitchen.hot', sale_id: 's1', payload: '{}', state: 'queued', attempts: 1, reprint: false,
  last_code: 'err-print-paper-out', last_error: null, created_at: '2026-12-03T12:00:00+07:00', sent_at: null, done_at: null,
  problem: 'The printer is out of paper.', ...over,
});
const cashier = { setup: false, staff: { id: 'c1', name: 'Lan', role: 'cashier' as const, may: ['ring-sale', 'view-sales'] } };
const manager = { setup: false, staff: { id: 'm1', name: 'Hoa', role: 'manager' as const, may: ['ring-sale', 'view-sales', 'open-drawer'] } };
const technician = { setup: false, staff: { id: 't1', name: 'Minh', role: 'technician' as const, may: ['configure-settings', 'test-connection', 'view-sales', 'manage-staff'] } };

describe('printers in the window', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue([]);
    screen.session = cashier;
    screen.printers = printers;
  });
  afterEach(() => {
    screen.session = null;
    screen.printers = [];
  });

  it('says which printer has a problem and how many jobs wait', () => {
    const html = strip(draw(PrinterStatus));
    expect(html).toMatch(/data-testid="print-problem-kitchen-hot" data-waiting="2" data-code="err-print-paper-out"/);
    expect(html).toContain('Kitchen printer (hot): paper out — 2 waiting');
    expect(html).toContain('title="The printer is out of paper. Load a new roll."');
    expect(html).not.toContain('print-problem-receipt');
    expect(html).toContain('data-testid="print-jobs-open"');
  });

  it('shows nothing without printers', () => {
    screen.printers = [];
    expect(draw(PrinterStatus)).not.toContain('print-status');
  });

  it('lists the jobs with what each offers', () => {
    const jobs = [
      job(7),
      job(6, { state: 'done', kind: 'receipt', printer: 'receipt', reprint: true, problem: null, last_code: null }),
      job(5, { state: 'cancelled', kind: 'kitchen_cancel', problem: null }),
    ];
    const html = strip(draw(PrintJobs, { onclose: () => {}, initial: { jobs } }));
    expect(html).toMatch(/role="dialog"[^>]*data-testid="print-jobs-dialog"/);
    expect(html).toMatch(/data-testid="print-job" data-job="7" data-state="queued" data-kind="kitchen"/);
    expect(html).toContain('Kitchen ticket');
    expect(html).toContain('data-testid="print-job-retry-7"');
    expect(html).toContain('data-testid="print-job-redirect-7"');
    expect(html).not.toContain('print-job-again-7');
    expect(html).toContain('data-testid="print-job-again-6"');
    expect(html).not.toContain('print-job-retry-6');
    expect(html).toContain('data-testid="print-job-reprint"');
    expect(html).not.toMatch(/print-job-(retry|redirect|again)-5/);
    expect(html).toContain('data-testid="print-job-problem"');
    expect(html).toContain('Kitchen cancellation');
  });

  it('offers the other printers to send a job to', () => {
    const html = strip(draw(PrintJobs, { onclose: () => {}, initial: { jobs: [job(7)], choosing: 7 } }));
    expect(html).toContain('data-testid="print-job-targets-7"');
    expect(html).toContain('data-testid="print-job-target-receipt"');
    expect(html).toContain('data-testid="print-job-target-kitchen-bar"');
    expect(html).not.toContain('print-job-target-kitchen-hot');
  });

  it('shows only one printer’s jobs when asked', () => {
    const html = strip(draw(PrintJobs, { printer: 'receipt', onclose: () => {}, initial: { jobs: [job(7)] } }));
    expect(html).toContain('Print jobs of Receipt printer');
    expect(html).toContain('data-testid="print-jobs-empty"');
  });

  it('asks a cashier for a manager’s PIN to open the drawer, a manager only for the reason', () => {
    const asCashier = draw(DrawerDialog, { onclose: () => {} });
    expect(asCashier).toMatch(/role="dialog"[^>]*data-testid="drawer-dialog"/);
    expect(asCashier).toContain('data-testid="drawer-reason"');
    expect(asCashier).toContain('data-testid="drawer-manager-pin"');
    expect(asCashier).toMatch(/<button class="primary" disabled[^>]*data-testid="drawer-confirm"/);
    screen.session = manager;
    const asManager = draw(DrawerDialog, { onclose: () => {}, initial: { reason: 'Change for the float' } });
    expect(asManager).not.toContain('drawer-manager-pin');
    expect(asManager).not.toMatch(/<button class="primary" disabled[^>]*data-testid="drawer-confirm"/);
  });
});

describe('the technician’s Printers screen', () => {
  beforeEach(() => {
    invoke.mockReset().mockResolvedValue([]);
    screen.session = technician;
  });
  afterEach(() => {
    screen.session = null;
  });

  const receipt = { address: 'tcp://10.0.0.2:9100', width: '80', mode: 'raster', categories: null };

  it('is opened from the technician’s home', () => {
    expect(draw(TechnicianHome, { onsignout: () => {}, onprinters: () => {} })).toContain('data-testid="printers-open"');
    expect(draw(TechnicianHome, { onsignout: () => {} })).not.toContain('printers-open');
  });

  it('lists the receipt printer and the kitchen stations, each with its test and jobs', () => {
    const html = strip(draw(Printers, {
      initial: {
        receipt, printers,
        stations: { 'kitchen.hot': { address: 'tcp://10.0.0.3:9100', width: '58', mode: 'text', categories: 'c-food,c-soup' } },
      },
    }));
    expect(html).toContain('data-testid="printers-screen"');
    expect([...html.matchAll(/data-testid="printer" data-name="([^"]+)"/g)].map((m) => m[1])).toEqual(['receipt', 'kitchen.bar', 'kitchen.hot']);
    for (const slug of ['receipt', 'kitchen-hot', 'kitchen-bar']) {
      expect(html).toContain(`data-testid="printer-jobs-${slug}"`);
      expect(html).toContain(`data-testid="printer-edit-${slug}"`);
    }
    expect(html).toContain('data-testid="connect-test-printer:receipt"');
    expect(html).toContain('data-testid="connect-test-printer:kitchen.hot"');
    expect(html).not.toContain('printer-remove-receipt');
    expect(html).toContain('data-testid="printer-remove-kitchen-hot"');
    expect(html).toContain('c-food, c-soup');
    expect(html).toContain('58 mm');
    // A station set up elsewhere: its width is not known here.
    expect(html).toContain('not known here');
  });

  it('offers to set up a receipt printer when there is none', () => {
    const html = draw(Printers, { initial: { receipt: null, printers: [] } });
    expect(html).toContain('data-testid="printers-no-receipt"');
    expect(html).toContain('data-testid="printers-set-receipt"');
    expect(html).toContain('data-testid="printers-no-kitchen"');
  });

  it('draws the station form: name, address, width, mode, categories', () => {
    const html = draw(Printers, { initial: { receipt, printers: [], editing: newStationDraft() } });
    expect(html).toMatch(/role="dialog"[^>]*data-testid="printer-form"/);
    for (const id of ['printer-input-station', 'printer-input-address', 'printer-width-80', 'printer-width-58', 'printer-mode-raster', 'printer-mode-text', 'printer-input-categories']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toMatch(/<button class="primary" disabled[^>]*data-testid="printer-form-save"/);
    expect(html).toContain('data-testid="printer-form-problem"');
  });

  it('edits the receipt printer without a station name or categories', () => {
    const html = draw(Printers, { initial: { receipt, printers: [], editing: editDraftOf('receipt', receipt) } });
    expect(html).not.toContain('printer-input-station');
    expect(html).not.toContain('printer-input-categories');
    expect(html).toMatch(/value="tcp:\/\/10\.0\.0\.2:9100"[^>]*data-testid="printer-input-address"/);
    expect(html).not.toMatch(/<button class="primary" disabled[^>]*data-testid="printer-form-save"/);
  });

  it('asks before removing a station', () => {
    const html = strip(draw(Printers, { initial: { receipt, printers, removing: 'kitchen.bar' } }));
    expect(html).toMatch(/role="dialog"[^>]*data-testid="printer-remove-confirm"/);
    expect(html).toContain('Remove Kitchen printer (bar)?');
  });
});
