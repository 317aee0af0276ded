//! The checkout: the sale being rung and paid at one place — the window's screen, or one
//! `quay sales ring` — and who is signed in there. `Counter` holds what every checkout
//! shares (the store, the menu, the hub, the clock); a `Checkout` holds what one does:
//! the cart, the sale id its card attempts share, the vouchers applied to it and the
//! session. The window owns one for its screen; a headless `sales ring` builds its own.
//!
//! How a sale closes is read here, in order, whatever pays it:
//! 1. card payments are charged one by one through the journal (`card`), each approved
//!    one a tender of the sale;
//! 2. when the tenders and the applied vouchers pay the total — after a card approval,
//!    or with cash for the rest — the vouchers are redeemed (`vouchers`, journaled);
//! 3. the sale is written with all its tenders and the checkout starts afresh.
//!
//! Steps 2 and 3 are `close_checkout`, the one closing path.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, FixedOffset};
use quay_core::auth::{Action, Session};
use quay_core::payment::PaymentState;
use quay_core::tender::Tender;
use quay_core::{Cart, Currency, Menu, Money, Sale};
use quay_store::StaffMember;
use uuid::Uuid;

use crate::card::{tender_of, CardResult, CardTerminal, PayingCart};
use crate::staff::SessionView;
use crate::vouchers::Applied;
use crate::{Ask, Counter, Result, Who};

/// One place where a sale is rung and paid.
pub struct Checkout {
    cart: Mutex<Cart>,
    /// The sale id card attempts of the current cart share, with the cart's opening time
    /// (a new cart gets a new id).
    paying: Mutex<Option<(Uuid, DateTime<FixedOffset>)>>,
    /// Held while working out and queueing what the kitchen has not had of this order,
    /// so two sends (or a send and a removed line) never queue the same ticket twice.
    pub(crate) kitchen: Mutex<()>,
    /// Vouchers applied to the sale being paid, redeemed when it closes.
    vouchers: Mutex<Vec<Applied>>,
    /// Who is signed in here, and since when they were last active.
    session: Mutex<Option<(Session, StaffMember)>>,
    /// The total of the sale that closed last, thanked for on the customer display
    /// until the next cart opens.
    thanks: Mutex<Option<Money>>,
    /// The cart as the customer display shows it: a copy taken after every change, read
    /// without the cart's lock (a payment holds that lock for as long as it runs).
    shown: Mutex<Cart>,
    /// Where the open order is kept on disk as it changes (the window's screen); `None`
    /// for a headless ring's checkout, which lives for one command.
    keep: Option<&'static str>,
    /// Whether the kept order was looked for (once, at the first look at the cart).
    resumed: AtomicBool,
    /// The screen's lock (`screen.lock`) while it keeps its order: a second window on
    /// the same data directory keeps none rather than overwrite this one's.
    _screen: Option<std::fs::File>,
}

/// The window's slot of the kept open order.
const SCREEN: &str = "screen";

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Checkout {
    pub fn new(currency: Currency) -> Checkout {
        Checkout {
            cart: Mutex::new(Cart::new(currency)),
            paying: Mutex::new(None),
            kitchen: Mutex::new(()),
            vouchers: Mutex::new(Vec::new()),
            session: Mutex::new(None),
            thanks: Mutex::new(None),
            shown: Mutex::new(Cart::new(currency)),
            keep: None,
            resumed: AtomicBool::new(false),
            _screen: None,
        }
    }

    /// The cart as last changed, without waiting for a payment holding the cart.
    pub fn shown_cart(&self) -> Cart {
        lock(&self.shown).clone()
    }

    fn remember(&self, cart: &Cart) {
        *lock(&self.shown) = cart.clone();
    }

    /// The total of the sale just closed, while the cart is still empty.
    pub fn thanks(&self) -> Option<Money> {
        *lock(&self.thanks)
    }

    /// A checkout holding `cart` already (a headless ring's lines).
    pub(crate) fn of_cart(cart: Cart) -> Checkout {
        let co = Checkout::new(cart.currency);
        co.remember(&cart);
        *lock(&co.cart) = cart;
        co
    }

    /// The cart as it is.
    pub fn cart_snapshot(&self) -> Cart {
        lock(&self.cart).clone()
    }

    /// Vouchers applied to the cart as it is (those of an older cart are dropped).
    pub fn applied_vouchers(&self) -> Vec<Applied> {
        let opened = lock(&self.cart).opened_at;
        self.applied_for(opened)
    }

    /// Vouchers applied to the cart opened at `opened` (callers holding the cart's lock
    /// pass its opening time rather than take the lock again).
    pub(crate) fn applied_for(&self, opened: Option<DateTime<FixedOffset>>) -> Vec<Applied> {
        let mut v = lock(&self.vouchers);
        v.retain(|a| a.cart_opened == opened && opened.is_some());
        v.clone()
    }

    /// What applied vouchers pay toward the cart opened at `opened`.
    pub(crate) fn voucher_total(&self, opened: Option<DateTime<FixedOffset>>) -> i64 {
        self.applied_for(opened).iter().map(|a| a.amount.minor).sum()
    }

    pub(crate) fn vouchers(&self) -> MutexGuard<'_, Vec<Applied>> {
        lock(&self.vouchers)
    }

    /// The sale id this checkout's card attempts share, if one was given.
    pub(crate) fn paying_id(&self) -> Option<Uuid> {
        lock(&self.paying).map(|(id, _)| id)
    }

    /// After a sale closed: an empty cart, no sale being paid, no vouchers.
    fn reset(&self, cart: &mut Cart) {
        cart.clear();
        *lock(&self.paying) = None;
        lock(&self.vouchers).clear();
        self.remember(cart);
    }
}

impl Counter {
    /// A new, empty checkout in the counter's currency.
    pub fn checkout(&self) -> Checkout {
        Checkout::new(self.config().currency)
    }

    /// The window's checkout: its open order (the cart and the sale id it reserved) is
    /// kept on disk as it changes and is back on the screen after a restart or a crash —
    /// the kitchen may be cooking it, and its tickets and card attempts carry that id.
    /// Only one window of a counter keeps its order (`screen.lock`): another one opened on
    /// the same data directory works as before, its order in memory only.
    pub fn screen_checkout(&self) -> Checkout {
        let co = Checkout::new(self.config().currency);
        let path = self.data_dir().join("screen.lock");
        let file = quay_store::private::touch(&path).and_then(|()| std::fs::File::options().read(true).write(true).open(&path));
        match file.map(|f| f.try_lock().map(|()| f)) {
            Ok(Ok(f)) => Checkout { keep: Some(SCREEN), _screen: Some(f), ..co },
            Ok(Err(std::fs::TryLockError::WouldBlock)) => {
                tracing::warn!("another window of this counter keeps its open order: this window's is not kept");
                co
            }
            Ok(Err(std::fs::TryLockError::Error(e))) | Err(e) => {
                tracing::warn!(error = %e, "the screen's lock could not be taken: the open order is not kept");
                co
            }
        }
    }

    /// Keeps `co`'s order as it is now; an empty cart forgets it. A failure is logged, not
    /// the cashier's problem: the order on the screen is whole, only a restart would lose it.
    fn keep_order(&self, co: &Checkout, cart: &Cart) {
        let Some(slot) = co.keep else { return };
        let kept = if cart.is_empty() {
            self.store().open_order_clear(slot)
        } else {
            let sale = lock(&co.paying).filter(|(_, opened)| cart.opened_at.as_ref() == Some(opened)).map(|(id, _)| id.to_string());
            let json = serde_json::to_string(cart).expect("a cart serializes");
            let now = self.now().to_rfc3339();
            self.store().open_order_keep(slot, sale.as_deref(), &json, &now)
        };
        if let Err(e) = kept {
            tracing::warn!(error = %e, "the open order could not be kept on disk");
        }
    }

    /// The order kept for `co` by an earlier run, with the sale id it reserved — unless
    /// that sale closed meanwhile, or the kept order can no longer be rung: unreadable,
    /// another currency's, or an online order closed, rung or paid online since. Such an
    /// order is forgotten, and what the kitchen had of it cancelled there. An error: the
    /// store could not say (looked for again at the next look).
    fn kept_order(&self, co: &Checkout) -> Result<Option<(Option<Uuid>, Cart)>> {
        let Some(slot) = co.keep else { return Ok(None) };
        let Some(kept) = self.store().open_order(slot)? else { return Ok(None) };
        let sale = match kept.sale_id.as_deref().map(Uuid::parse_str) {
            Some(Ok(id)) if self.sale_exists(id) => {
                tracing::info!(sale = %id, "the kept open order was paid meanwhile: forgotten");
                self.store().open_order_clear(slot)?;
                return Ok(None);
            }
            Some(Ok(id)) => Some(id),
            Some(Err(_)) | None => None,
        };
        let cart = serde_json::from_str::<Cart>(&kept.cart).ok().filter(|c| c.currency == self.config().currency && !c.is_empty());
        let ringable = match cart.as_ref().and_then(|c| c.online_order) {
            Some(order) => self.nhanh_still_to_ring(order)?,
            None => true,
        };
        match cart {
            Some(cart) if ringable => Ok(Some((sale, cart))),
            _ => {
                tracing::warn!(kept_at = %kept.updated_at, sale = ?sale, "the kept open order can no longer be rung: forgotten");
                if let Some(id) = sale {
                    let _one = lock(&co.kitchen);
                    if let Err(e) = self.kitchen_changes(id, None) {
                        tracing::warn!(error = %e.detail, "the kitchen's cancellation of a forgotten order waits");
                    }
                }
                self.store().open_order_clear(slot)?;
                Ok(None)
            }
        }
    }

    /// The checkout's cart, locked. An empty screen takes up, once, the order it kept
    /// before a restart; then a cart the journal handed back (part of a split payment
    /// approved before a crash) is taken up by an empty checkout.
    pub(crate) fn cart_of<'a>(&self, co: &'a Checkout) -> MutexGuard<'a, Cart> {
        let mut cart = lock(&co.cart);
        // A sale the journal completed meanwhile (an approval whose close failed here,
        // settled by asking the terminal) is done: the checkout starts afresh.
        if co.paying_id().is_some_and(|id| self.sale_exists(id)) {
            co.reset(&mut cart);
            self.keep_order(co, &cart);
        }
        // The kept order first: a split payment waiting for another sale comes up once
        // this cart is paid or emptied, where taking it first would lose the kept one.
        if cart.is_empty() && co.keep.is_some() && !co.resumed.load(Ordering::SeqCst) {
            match self.kept_order(co) {
                Ok(found) => {
                    co.resumed.store(true, Ordering::SeqCst);
                    if let Some((sale, back)) = found {
                        *lock(&co.paying) = sale.zip(back.opened_at);
                        *cart = back;
                        co.remember(&cart);
                        tracing::info!(sale = ?sale, lines = cart.lines.len(), "the order open before the restart is back on the screen");
                    }
                }
                Err(e) => {
                    // Not a split payment in its place either: it would overwrite the kept one.
                    tracing::warn!(error = %e.detail, "the kept open order could not be read; looked for again next time");
                    return cart;
                }
            }
        }
        if cart.is_empty() {
            if let Some(back) = self.take_recovered() {
                *lock(&co.paying) = back.cart.opened_at.map(|o| (back.sale_id, o));
                *cart = back.cart;
                co.remember(&cart);
                self.keep_order(co, &cart);
                tracing::info!(sale = %back.sale_id, "part of a split payment: the cart is back on the screen");
            }
        }
        cart
    }

    /// The recovered cart waiting for a checkout, unless its sale closed meanwhile (or
    /// the store cannot say: then it waits).
    fn take_recovered(&self) -> Option<PayingCart> {
        let mut slot = self.recovered.lock().unwrap_or_else(|p| p.into_inner());
        let id = slot.as_ref()?.sale_id;
        match self.store().sale(id) {
            Ok(None) => slot.take(),
            Ok(Some(_)) => slot.take().and(None),
            Err(e) => {
                tracing::warn!(error = %e, "cannot tell whether a recovered cart's sale closed; it waits");
                None
            }
        }
    }

    /// Whether the sale is on disk (a store that cannot say: not as far as we know).
    fn sale_exists(&self, id: Uuid) -> bool {
        matches!(self.store().sale(id), Ok(Some(_)))
    }

    /// Applies an edit to the checkout's cart; a refused edit leaves it as it was.
    pub fn edit_cart<T>(
        &self,
        co: &Checkout,
        who: &Who,
        edit: impl FnOnce(&mut Cart, &Menu, DateTime<FixedOffset>) -> Result<T>,
    ) -> Result<Cart> {
        self.allow(who, Action::RingSale)?;
        let menu = self.menu()?;
        let mut cart = self.cart_of(co);
        let mut draft = cart.clone();
        edit(&mut draft, &menu, self.now())?;
        *cart = draft;
        co.remember(&cart);
        // Kept under the cart's lock, so a payment closing meanwhile cannot be followed by
        // this older cart; an emptied one is forgotten only once its cancellation is queued.
        if !cart.is_empty() {
            self.keep_order(co, &cart);
        }
        *lock(&co.thanks) = None;
        let after = cart.clone();
        drop(cart);
        self.kitchen_follow(co, &after);
        if after.is_empty() {
            // Only if still empty: an edit meanwhile has kept its own cart.
            let now = lock(&co.cart);
            if now.is_empty() {
                self.keep_order(co, &now);
            }
        }
        self.emit(crate::Event::CheckoutChanged);
        Ok(after)
    }

    /// A line removed or reduced (or the order cleared) after the kitchen had it, or its
    /// options or note changed: the station hears it now, not at payment.
    fn kitchen_follow(&self, co: &Checkout, cart: &Cart) {
        // The kitchen's lock before the order's id: a "Send to kitchen" under way may be
        // about to reserve it, and its tickets must be followed.
        let _one = lock(&co.kitchen);
        let Some((id, opened)) = *lock(&co.paying) else { return };
        let same_order = cart.opened_at.as_ref() == Some(&opened);
        if let Err(e) = self.kitchen_changes(id, if same_order { Some(cart) } else { None }) {
            tracing::warn!(error = %e.detail, "the kitchen's change waits");
        }
    }

    /// The sale id card attempts of the current cart share (attempt 1, 2, … of one sale).
    pub(crate) fn paying_sale_id(&self, co: &Checkout, cart: &Cart) -> Uuid {
        let mut paying = lock(&co.paying);
        match *paying {
            Some((id, ref opened)) if cart.opened_at.as_ref() == Some(opened) => id,
            _ => {
                let id = Uuid::now_v7();
                *paying = cart.opened_at.map(|o| (id, o));
                drop(paying);
                // Kept with the order before any ticket or card attempt carries it.
                self.keep_order(co, cart);
                id
            }
        }
    }

    /// Card tenders already approved for the sale being paid (split tender).
    pub(crate) fn approved_tenders(&self, co: &Checkout) -> Result<Vec<Tender>> {
        let Some(id) = co.paying_id() else { return Ok(vec![]) };
        Ok(self
            .store()
            .payments_of_sale(id)?
            .iter()
            .filter(|p| p.kind == quay_core::payment::PaymentKind::Sale && p.state == PaymentState::Approved)
            .map(tender_of)
            .collect())
    }

    /// Pays `amount` (default: all that is due) of the checkout's cart by card, taken by
    /// `who` (journaled with the attempt; the sale it closes records them as its
    /// cashier). When the card pays what is left, the sale closes. Declines and unknown
    /// outcomes are errors for the face, but journaled states, never lost.
    pub fn pay_card(
        &self,
        co: &Checkout,
        who: &Who,
        terminal: &dyn CardTerminal,
        amount: Option<Money>,
        on_status: &dyn Fn(&str),
    ) -> Result<CardResult> {
        self.allow(who, Action::RingSale)?;
        let taker = self.cashier_name(who);
        let mut cart = self.cart_of(co);
        let paying = PayingCart { sale_id: self.paying_sale_id(co, &cart), cart: cart.clone(), tenders: self.approved_tenders(co)? };
        let vouchers = co.voucher_total(cart.opened_at);
        let _charging = crate::card::Charging(self);
        let record = self.charge(terminal, &paying, vouchers, amount, &taker, on_status)?;
        let total = paying.cart.totals()?.total.minor;
        let paid = paying.tenders.iter().map(|t| t.amount).sum::<i64>() + record.amount + vouchers;
        // The card is journaled as approved: a voucher refused now leaves the sale open
        // with its card tender, for the cashier to take the rest.
        let sale = if paid == total { Some(self.close_checkout(co, &mut cart, None, taker)?) } else { None };
        Ok(CardResult { key: record.key, state: record.state, sale, remaining: total - paid })
    }

    /// `pay_card` on the configured terminal, opened (and a ZVT terminal registered)
    /// only once `who` may ring the sale.
    pub fn pay_card_here(&self, co: &Checkout, who: &Who, amount: Option<Money>, on_status: &dyn Fn(&str)) -> Result<CardResult> {
        self.allow(who, Action::RingSale)?;
        let terminal = self.card_terminal()?;
        self.pay_card(co, who, terminal.as_ref(), amount, on_status)
    }

    /// Cash for what card tenders and vouchers left due, closing the sale with all its
    /// tenders, rung by `who`. `tendered` None means the exact amount. Vouchers are
    /// redeemed only once the cash is known to cover the rest; the cart is emptied only
    /// once the sale is durably written.
    pub fn pay_cash(&self, co: &Checkout, who: &Who, tendered: Option<Money>) -> Result<Sale> {
        self.allow(who, Action::RingSale)?;
        let mut cart = self.cart_of(co);
        self.no_payment_in_flight(co)?;
        let card: i64 = self.approved_tenders(co)?.iter().map(|t| t.amount).sum();
        let total = cart.totals()?.total;
        let due = total.checked_sub(Money::new(card + co.voucher_total(cart.opened_at), total.currency))?;
        let cash =
            if due.minor > 0 || tendered.is_some_and(|t| t.minor > 0) { Some(Tender::cash(due, tendered.unwrap_or(due))?) } else { None };
        self.close_checkout(co, &mut cart, cash, self.cashier_name(who))
    }

    /// Refuses to close a sale while one of its payments is in flight (the customer may
    /// be paying it right now) — unless the cashier stopped waiting for it: a payment
    /// arriving after that is "paid, not used", for a manager to refund.
    fn no_payment_in_flight(&self, co: &Checkout) -> Result<()> {
        let Some(id) = co.paying_id() else { return Ok(()) };
        match self.store().payments_of_sale(id)?.into_iter().find(|p| !p.state.is_final() && p.given_up_at.is_none()) {
            Some(p) => Err(quay_core::payment::PaymentError::Unresolved { sale: p.sale_id.to_string() }.into()),
            None => Ok(()),
        }
    }

    /// The one closing path of a checkout: the approved card tenders, the applied
    /// vouchers redeemed (journaled), then `cash`; the sale written under the id its card
    /// attempts share, recording `cashier`; the checkout starts afresh.
    fn close_checkout(&self, co: &Checkout, cart: &mut Cart, cash: Option<Tender>, cashier: String) -> Result<Sale> {
        let id = self.paying_sale_id(co, cart);
        // Closed already from the journal (an approval settled by a callback or the
        // background while this checkout waited): that is the sale.
        // Read first: the store's guard must not live into the block (keep_order locks it).
        let closed = self.store().sale(id)?;
        if let Some(done) = closed {
            co.reset(cart);
            self.keep_order(co, cart);
            return Ok(done);
        }
        let mut tenders = self.approved_tenders(co)?;
        tenders.extend(self.redeem_applied(co, id, cart.opened_at)?);
        tenders.extend(cash);
        // The kitchen's lock while the sale and its tickets are written: a "Send to kitchen"
        // or an edit's cancellation at the same moment would count on the same tickets.
        let kitchen = lock(&co.kitchen);
        let sale = self.close_with_id(cart, tenders, id, cashier)?;
        co.reset(cart);
        drop(kitchen);
        self.keep_order(co, cart);
        *lock(&co.thanks) = Some(Money::new(sale.total, cart.currency));
        self.emit(crate::Event::CheckoutChanged);
        Ok(sale)
    }

    /// Signs in at `co` (the window's screen): the PIN alone names the member.
    pub fn sign_in(&self, co: &Checkout, pin: &str) -> Result<SessionView> {
        let now = self.now();
        let m = self.store().sign_in(pin, now)?;
        *lock(&co.session) = Some((Session::new(m.id, m.role, now), m));
        self.session_view(co)
    }

    pub fn sign_out(&self, co: &Checkout) {
        *lock(&co.session) = None;
    }

    /// Where the checkout stands: setup (no staff), signed out, or who is signed in.
    pub fn session_view(&self, co: &Checkout) -> Result<SessionView> {
        let setup = self.in_setup()?;
        let staff = lock(&co.session).as_ref().map(|(_, m)| crate::staff::StaffView::of(m));
        Ok(SessionView { setup, staff })
    }

    /// Who is signed in at `co`, touching their session: past the idle limit they are
    /// signed out and the error says so.
    pub fn session_who(&self, co: &Checkout) -> Result<Who> {
        if self.in_setup()? {
            return Ok(Who::Setup);
        }
        let now = self.now();
        let mut guard = lock(&co.session);
        let Some((s, member)) = guard.as_mut() else { return Ok(Who::Nobody(Ask::SignIn)) };
        if let Err(e) = s.touch(now, Session::default_idle()) {
            *guard = None;
            return Err(e.into());
        }
        Ok(Who::Staff(member.clone()))
    }
}
