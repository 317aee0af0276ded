// Nhanh.vn's screens without the screen: which buttons an online order's stage offers,
// whether it can be rung up, the order the list shows, the register's badge, and what the
// technician's status panel says of the access's expiry. The backend refuses anything a
// stage does not allow (a translated error): this only decides what is offered.
import type { NhanhStatus, OnlineOrder, OnlineStage, OrderAct } from './api';

/** The stages still to be worked on (`nhanh_orders({ all: false })` lists these). */
export const OPEN_STAGES: readonly OnlineStage[] = ['new', 'confirmed', 'preparing'];
/** Every stage, in the order an order goes through them (the list groups in this order). */
export const STAGES: readonly OnlineStage[] = ['new', 'confirmed', 'preparing', 'handed_over', 'cancelled', 'returned', 'other'];

export type OrdersTab = 'open' | 'all';

export function isOpen(stage: OnlineStage | string): boolean {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

/** The acts a stage allows, in the order their buttons are drawn (Cancel last):
 *  confirm from new; prepare from confirmed; done (handed over) from confirmed or
 *  preparing; cancel from any open stage. */
export function actionsFor(stage: OnlineStage | string): OrderAct[] {
  switch (stage) {
    case 'new': return ['confirm', 'cancel'];
    case 'confirmed': return ['prepare', 'done', 'cancel'];
    case 'preparing': return ['done', 'cancel'];
    default: return [];
  }
}


/** Why an order cannot be rung up, or null when it can: products the menu does not have,
 *  rung up already, or not open any more (the sale, when paid, hands it over). */
export type RingBlock = 'unknown-products' | 'rung' | 'stage';

export function ringBlock(o: Pick<OnlineOrder, 'stage' | 'rung_sale' | 'unknown_products'>): RingBlock | null {
  if (o.unknown_products > 0) return 'unknown-products';
  if (o.rung_sale) return 'rung';
  if (!isOpen(o.stage)) return 'stage';
  return null;
}

export function canRing(o: Pick<OnlineOrder, 'stage' | 'rung_sale' | 'unknown_products'>): boolean {
  return ringBlock(o) === null;
}

const rank = (stage: string) => {
  const i = (STAGES as readonly string[]).indexOf(stage);
  return i < 0 ? STAGES.length : i;
};

/** Instants compared as written (RFC 3339); a missing or unreadable one sorts as the oldest. */
const time = (text: string | null) => {
  const t = text ? Date.parse(text) : NaN;
  return Number.isNaN(t) ? 0 : t;
};

/** What a tab shows, in its order: open orders by stage (new first), oldest first within a
 *  stage (first come, first served); all orders newest first. Ties go by id. */
export function visibleOrders(orders: readonly OnlineOrder[], tab: OrdersTab): OnlineOrder[] {
  if (tab === 'open') {
    return orders.filter((o) => isOpen(o.stage)).sort((a, b) => rank(a.stage) - rank(b.stage) || time(a.created_at) - time(b.created_at) || a.id - b.id);
  }
  return [...orders].sort((a, b) => time(b.created_at) - time(a.created_at) || b.id - a.id);
}

/** The open tab's orders grouped by stage, in the stages' order; empty groups left out. */
export function groupByStage(orders: readonly OnlineOrder[]): { stage: OnlineStage; orders: OnlineOrder[] }[] {
  const sorted = visibleOrders(orders, 'open');
  return OPEN_STAGES.map((stage) => ({ stage, orders: sorted.filter((o) => o.stage === stage) })).filter((g) => g.orders.length > 0);
}

/** The list after an act answered `updated`: the order replaced where it was (or added). */
export function replaceOrder(orders: readonly OnlineOrder[], updated: OnlineOrder): OnlineOrder[] {
  let found = false;
  const next = orders.map((o) => {
    if (o.id !== updated.id) return o;
    found = true;
    return updated;
  });
  return found ? next : [...next, updated];
}

/** The register offers online orders when the menu comes from Nhanh or Nhanh is connected. */
export function showsOnlineOrders(s: Pick<NhanhStatus, 'connected' | 'menu_source'> | null | undefined): boolean {
  return !!s && (s.connected || s.menu_source === 'nhanh');
}

/** The badge's count of open orders: the list read last when there is one (it is newer
 *  than the status), else the status's count, else the event's; never negative. */
export function badgeCount(status: Pick<NhanhStatus, 'open_orders'> | null | undefined, orders?: readonly Pick<OnlineOrder, 'stage'>[] | null): number {
  if (orders) return orders.filter((o) => isOpen(o.stage)).length;
  return Math.max(0, Math.trunc(status?.open_orders ?? 0));
}

/** The state of the access token: none (not connected), ok, expiring (within 30 days, the
 *  backend's `token_warning`) or expired. */
export type TokenState = 'none' | 'ok' | 'expiring' | 'expired';

export function tokenState(s: Pick<NhanhStatus, 'connected' | 'days_left' | 'token_warning' | 'token_expires_at'> | null | undefined): TokenState {
  if (!s || !s.connected || (s.days_left === null && !s.token_expires_at)) return 'none';
  if (s.days_left !== null && s.days_left <= 0) return 'expired';
  return s.token_warning ? 'expiring' : 'ok';
}

/** The Fluent id and arguments that say when the access expires. */
export function expiryMessage(s: Pick<NhanhStatus, 'connected' | 'days_left' | 'token_warning' | 'token_expires_at'> | null | undefined, date: string): { id: string; args: Record<string, string | number> } | null {
  switch (tokenState(s)) {
    case 'none': return null;
    case 'expired': return { id: 'nhanh-ui-token-expired', args: { date } };
    case 'expiring': return { id: 'nhanh-ui-token-warning', args: { days: Math.max(0, s!.days_left ?? 0), date } };
    default: return { id: 'nhanh-ui-token-ok', args: { days: Math.max(0, s!.days_left ?? 0), date } };
  }
}

/** A product sync's progress bar: null before the first count (the products are being
 *  read), else the share done, clamped. */
export function progressShare(p: { done: number; total: number } | null): number | null {
  if (!p || p.total <= 0) return null;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** What the webhook row says: listening, off (no listener configured: orders and products
 *  are polled) or down (configured but not listening). */
export type WebhookState = 'listening' | 'off' | 'down';

export function webhookState(w: { listening: boolean; address: string | null }): WebhookState {
  if (w.listening) return 'listening';
  return w.address ? 'down' : 'off';
}

/** The order number as Nhanh shows it: digits, never grouped ("#123456789"). */
export function orderNumber(id: number): string {
  return `#${String(Math.trunc(id))}`;
}

/** An access code as pasted: surrounding spaces and line breaks dropped. */
export function cleanAccessCode(text: string): string {
  return text.replace(/[\s\u00a0\u200b-\u200f\u2060\ufeff]+/g, '');
}

/** The Fluent id of a stage's name (an unknown one is `other`). */
export function stageId(stage: string): string {
  return `online-stage-${(STAGES as readonly string[]).includes(stage) ? stage.replace('_', '-') : 'other'}`;
}

/** The Fluent id of an act's button. */
export const ACT_IDS: Readonly<Record<OrderAct, string>> = {
  confirm: 'online-act-confirm',
  prepare: 'online-act-prepare',
  done: 'online-act-done',
  cancel: 'online-act-cancel',
};
