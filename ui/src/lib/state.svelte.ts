// Screen state shared by the components: the menu, the cart view and error toasts, all
// as the backend last returned them. The backend owns every rule; this only holds views.
import { listen } from '@tauri-apps/api/event';
import { api, isErrorDto, type AppInfo, type CartView, type ErrorDto, type MenuView, type NhanhStatus, type OpenPayment, type PaymentView, type QuayEvent, type SessionView, type SyncView, type WalletQr } from './api';
import { isSessionLost, may, needsSignIn } from './auth';
import type { PrinterView } from './printing';

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ErrorDto };

class Screen {
  info = $state<AppInfo | null>(null);
  menu = $state<MenuView | null>(null);
  cart = $state<CartView | null>(null);
  /** What card payments and vouchers cover of the cart on the screen, and what is due. */
  payment = $state<PaymentView | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  sync = $state<SyncView | null>(null);
  terminal = $state<string[]>([]);
  progress = $state<{ kind: 'menu' | 'sales'; done: number; total: number } | null>(null);
  /** Who is at the screen; null until the backend answered. */
  session = $state<SessionView | null>(null);
  /** Why the sign-in screen is shown (signed out by the backend, idle), localized. */
  signInMessage = $state<string | null>(null);
  /** Card attempts whose outcome is not known, as `open_payments` last said. */
  openPayments = $state<OpenPayment[]>([]);
  /** A card payment is running: the customer, not the cashier, is busy at the terminal. */
  cardBusy = $state(false);
  /** Long work the person started is running (Alipay's product publish): not idle. */
  workBusy = $state(false);
  /** The QR code of the wallet payment running now (`wallet_qr`), null when none. */
  walletQr = $state<WalletQr | null>(null);
  /** The running wallet payment's progress lines (`wallet_status`), localized. */
  walletStatus = $state<string[]>([]);
  /** A customer window is open on a second screen (`open_customer_display`); null: not asked yet. */
  customerWindow = $state<boolean | null>(null);
  /** Nhanh.vn's connection as `nhanh_status` last said (null: not asked, or not offered). */
  nhanh = $state<NhanhStatus | null>(null);
  /** Counts `nhanh_orders` events: the online orders' screen reads its list again on each. */
  nhanhOrdersChanged = $state(0);
  /** The printers and their waiting jobs as `print_status` last said (empty: none, or not asked). */
  printers = $state<PrinterView[]>([]);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #polling: Promise<void> | null = null;
  #pollAgain = false;
  #paymentSeq = 0;

  /** The sign-in screen is due. */
  get locked(): boolean {
    return needsSignIn(this.session);
  }

  /** Whether the screen offers `action` to whoever is at it. */
  may(action: string): boolean {
    return may(this.session, action);
  }

  fail(e: unknown) {
    if (isSessionLost(e)) return this.signedOut((e as ErrorDto).message);
    this.error = isErrorDto(e) ? e.message : String(e);
    this.notice = null;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.error = null), 6000);
  }

  tell(text: string) {
    this.notice = text;
    this.error = null;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.notice = null), 4000);
  }

  /** Forgets the message on show (another screen was opened). */
  clearMessages() {
    clearTimeout(this.#timer);
    this.error = null;
    this.notice = null;
  }

  /** The backend has nobody signed in any more: back to the sign-in screen with `message`. */
  signedOut(message: string | null) {
    this.session = { setup: false, staff: null };
    this.signInMessage = message;
    this.menu = null;
    this.cart = null;
    this.payment = null;
    this.openPayments = [];
    this.walletQr = null;
    this.walletStatus = [];
    this.nhanh = null;
    this.printers = [];
    this.error = null;
    this.notice = null;
  }

  /** Runs a backend call, keeping its result or showing its error; returns null on error. */
  async run<T>(f: () => Promise<T>): Promise<T | null> {
    try {
      return await f();
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  /** Runs a backend call whose error the caller shows in place (a dialog); a lost
   *  session still goes back to the sign-in screen. */
  async attempt<T>(f: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await f() };
    } catch (e) {
      if (isSessionLost(e)) this.fail(e);
      const error: ErrorDto = isErrorDto(e) ? e : { code: 'err-internal', message: String(e) };
      return { ok: false, error };
    }
  }

  /** Re-reads the payment view (after a cart change, a voucher, a card or cash attempt);
   *  an answer overtaken by a later call is dropped. */
  async refreshPayment(): Promise<void> {
    const mine = ++this.#paymentSeq;
    if (this.locked || !this.may('ring-sale') || !this.cart?.lines.length) {
      this.payment = null;
      return;
    }
    const p = await this.run(api.paymentView);
    if (mine === this.#paymentSeq && p) this.payment = p;
  }

  /** Keeps the payment view from a call that returned one (voucher apply or remove). */
  setPayment(p: PaymentView) {
    ++this.#paymentSeq;
    this.payment = p;
  }

  async refreshSession() {
    const s = await this.run(api.session);
    if (s) this.session = s;
  }

  async refreshSync() {
    const v = await this.run(api.syncView);
    if (v) this.sync = v;
  }

  /** Re-reads Nhanh.vn's status (the register's online orders button and its badge). A
   *  counter without Nhanh, or a backend that refuses, is no button, not an error. */
  async refreshNhanh(): Promise<void> {
    if (!this.session || this.locked) {
      this.nhanh = null;
      return;
    }
    const r = await this.attempt(api.nhanhStatus);
    this.nhanh = r.ok ? r.value : null;
  }

  /** Re-reads the printers' status line. A counter without printers, or a backend that
   *  refuses, is no line, not an error on the screen. */
  async refreshPrinters(): Promise<void> {
    if (!this.session || this.locked || !this.may('view-sales')) {
      this.printers = [];
      return;
    }
    const r = await this.attempt(api.printStatus);
    this.printers = r.ok ? r.value : [];
  }

  /** Re-reads the open card attempts; calls made while one is running coalesce into one more. */
  async refreshOpenPayments(): Promise<void> {
    if (this.#polling) {
      this.#pollAgain = true;
      return this.#polling;
    }
    this.#polling = (async () => {
      do {
        this.#pollAgain = false;
        if (!this.session || this.locked || !this.may('view-sales')) {
          this.openPayments = [];
          return;
        }
        const list = await this.run(api.openPayments);
        if (list) this.openPayments = list;
      } while (this.#pollAgain);
    })().finally(() => (this.#polling = null));
    return this.#polling;
  }

  /** Follows the backend's events: a new menu (reload, keep the cart), the outbox, progress.
   *  Open card attempts are re-read on the others, but not while a card payment runs: its
   *  own attempt is open until the terminal answers (re-read when it ends). */
  async follow(onMenu: (version: number) => void) {
    await listen<QuayEvent>('quay-event', async ({ payload: e }) => {
      if (e.type === 'progress') {
        // The header shows the menu's and the sales' sync; other long work (Alipay's
        // product publish) shows its own progress on its screen.
        if (e.kind !== 'menu' && e.kind !== 'sales') return;
        this.progress = e.done >= e.total ? null : { kind: e.kind, done: e.done, total: e.total };
        return;
      }
      if (e.type === 'menu_changed') {
        if (!this.locked) {
          await this.reload();
          onMenu(e.version);
        }
      } else if (e.type === 'terminal_status') {
        this.terminal = [...this.terminal, e.text];
        return;
      } else if (e.type === 'wallet_qr') {
        const { type: _, ...qr } = e;
        this.walletQr = qr;
        return;
      } else if (e.type === 'wallet_status') {
        this.walletStatus = [...this.walletStatus, e.text];
        return;
      } else if (e.type === 'customer_display') {
        // For the customer's window (CustomerDisplay follows it itself).
        return;
      } else if (e.type === 'nhanh_orders') {
        // Online orders came or changed (a webhook, a poll): the badge, then the list.
        if (this.locked) return;
        if (this.nhanh && typeof e.open === 'number') this.nhanh = { ...this.nhanh, open_orders: e.open };
        else await this.refreshNhanh();
        this.nhanhOrdersChanged++;
        return;
      } else {
        await this.refreshSync();
      }
      if (!this.locked && !this.cardBusy) await this.refreshOpenPayments();
    });
  }

  /** Opens the customer's window on a second screen (again, if it was closed); false when
   *  there is none (the wallet dialog then shows the QR code itself) or the call failed. */
  async openCustomerDisplay(): Promise<boolean> {
    const r = await this.attempt(api.openCustomerDisplay);
    this.customerWindow = r.ok && r.value === true;
    return this.customerWindow;
  }

  /** The menu and the cart, for whoever may ring sales (the calls need it). */
  async reload() {
    if (!this.may('ring-sale')) {
      this.menu = null;
      this.cart = null;
      this.payment = null;
      return;
    }
    const [menu, cart] = await Promise.all([this.run(api.menu), this.run(api.cart)]);
    this.menu = menu;
    if (cart) this.cart = cart;
  }
}

export const screen = new Screen();
