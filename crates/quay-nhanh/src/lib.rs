//! Nhanh.vn Open API v3 (partners-contracts.md §5, partners-wave2.md §1, seed 002): the
//! catalogue flows Nhanh → counter, the counter's sales go to Nhanh as orders, customers
//! are matched by mobile number, and Nhanh's online orders are shown and moved on the
//! counter. The wire client and listener do I/O; everything else is a pure decision with
//! no I/O and no clock.
//!
//! - `wire`: the envelope, polymorphic `messages`, the `ERR_429` lock, lenient id reading;
//! - `error`: `NhanhError` (Fluent ids `err-nhanh-*`, `locales/*/nhanh-errors.ftl`);
//! - `client`: `NhanhClient` with its per-path rate gate;
//! - `money`: VND and quantities → integers, the one conversion place;
//! - `product`: products + categories → Quay's menu (`to_menu`), stock rows;
//! - `customer`: `Mobile` normalisation, customer rows;
//! - `order`: `NewOrder` (a counter sale), order rows, statuses, stages, the edit table;
//! - `webhook`: bodies → `Event`, token check, dedupe key; `listener`: the axum listener
//!   (401 without the token — `on_refused` is told —, 400 unreadable, 500 when
//!   `on_delivery` fails so Nhanh retries, 200 `{"ok":true}` once persisted);
//! - `permission`: which grant permission each job needs.
//!
//! # Readings where the contract is silent
//! - **Errors**: `is_unknown_outcome` = no answer (`Transport`), an unreadable answer
//!   (`Decode`) or HTTP ≥ 500; an `Api` error or HTTP 4xx means nothing was done.
//!   A form error on `secretKey`/`accessCode` gets its own message (the connection
//!   test's usual faults). An HTTP error status carrying a readable envelope is read as
//!   the envelope.
//! - **Rate gate** (`client`): waits `unlockedAt − now`, at most `lockedSeconds + 1`; if
//!   `unlockedAt` seems already past (our clock ahead), `lockedSeconds`; with neither,
//!   10 s. `unlockedAt` is unix seconds (milliseconds if above 10^11). Calls on a
//!   locked path are never sent; a call whose total wait would pass `max_rate_wait`
//!   (60 s) gets `RateLimited` without sending.
//! - **Paging**: `products_all` pages by 100 and stops with `Decode` if Nhanh echoes the
//!   same `next` twice (a loop); an answer's `next` of `""`/`{}` is read as "last page".
//! - **product/detail**: `null`, `[]`, `{}` or a form error on `filters.id` = no product.
//! - **order/add duplicate**: success only when the error names `channel.appOrderId`,
//!   carries `data.id`, and `data.appOrderId` (if present) is ours.
//! - **customer/add**: a blank name is sent as the mobile number (Nhanh requires a name);
//!   `customer_by_mobile` returns only a row whose mobile normalises to the one asked.
//! - **order/add**: `depotId` is omitted when the counter has no depot; the customer goes
//!   in `shippingAddress` (name/address only when given, the mobile normalised; an
//!   invalid mobile refuses the order before sending); `payment` only when an amount is
//!   set. Order rows: `info.status` absent reads 0 (stage Other); a product line whose
//!   price is fractional fails the row rather than hiding a product.
//! - **Money**: numbers are read from their decimal text, never through float arithmetic;
//!   numeric strings are accepted; exponent notation is refused.
//! - **Menu import**: see `product`'s module doc (stock-keeping types, variant parents,
//!   duplicate ids and barcodes, VAT fallbacks, weighed products, categories).
//! - **Stages**: 54/55/57 New, 56 Confirmed, 42/40/43/68/73 Preparing, 59/60 HandedOver,
//!   58/63/64 Cancelled, 61/71/72/74 Returned.
//! - **Webhooks**: the token is accepted in `Authorization` (raw or `Bearer `) or in the
//!   body's `webhooksVerifyToken` whatever the version; v2 flat bodies are mapped to the v3
//!   shapes (v2 status names → codes); the dedupe key uses the data's hash where there is
//!   no `updatedAt` (stock changes), so distinct stock changes are not merged.

pub mod client;
pub mod customer;
pub mod error;
pub mod listener;
pub mod money;
pub mod order;
pub mod permission;
pub mod product;
pub mod webhook;
pub mod wire;

pub use client::{Config, NhanhClient, Page, ProductFilters, TokenInfo};
pub use customer::{Customer, Mobile};
pub use error::NhanhError;
pub use listener::{Delivery, ListenerConfig};
pub use order::{can_edit, stage, AddedOrder, NewOrder, Order, OrderFilters, OrderLine, OrderProduct, OrderStatus, Stage};
pub use product::{item_id, product_id, stock_change, to_menu, InventoryRow, MenuImport, NhanhCategory, Product, SkipReason, Skipped};
pub use webhook::{dedupe_key, verify, Event, Webhook};
pub use wire::Message;
