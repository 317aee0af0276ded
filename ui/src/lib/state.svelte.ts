// Screen state shared by the components: the menu, the cart view and error toasts, all
// as the backend last returned them. The backend owns every rule; this only holds views.
import { listen } from '@tauri-apps/api/event';
import { api, isErrorDto, type AppInfo, type CartView, type MenuView, type QuayEvent, type SyncView } from './api';

class Screen {
  info = $state<AppInfo | null>(null);
  menu = $state<MenuView | null>(null);
  cart = $state<CartView | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  sync = $state<SyncView | null>(null);
  terminal = $state<string[]>([]);
  progress = $state<{ kind: 'menu' | 'sales'; done: number; total: number } | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  fail(e: unknown) {
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

  /** Runs a backend call, keeping its result or showing its error; returns null on error. */
  async run<T>(f: () => Promise<T>): Promise<T | null> {
    try {
      return await f();
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  async refreshSync() {
    const v = await this.run(api.syncView);
    if (v) this.sync = v;
  }

  /** Follows the backend's events: a new menu (reload, keep the cart), the outbox, progress. */
  async follow(onMenu: (version: number) => void) {
    await listen<QuayEvent>('quay-event', async ({ payload: e }) => {
      if (e.type === 'menu_changed') {
        await this.reload();
        onMenu(e.version);
      } else if (e.type === 'terminal_status') {
        this.terminal = [...this.terminal, e.text];
      } else if (e.type === 'progress') {
        this.progress = e.done >= e.total ? null : { kind: e.kind, done: e.done, total: e.total };
      } else {
        await this.refreshSync();
      }
    });
  }

  async reload() {
    const [menu, cart] = await Promise.all([this.run(api.menu), this.run(api.cart)]);
    this.menu = menu;
    if (cart) this.cart = cart;
  }
}

export const screen = new Screen();
