//! Adapters: what speaks to the outside on the counter's behalf, kept out of the use
//! cases. The card terminals behind `card::CardTerminal` (ZVT on a serial line, Viva's
//! orders and their polling loop, the wallets: MoMo POS, ZaloPay, VNPAY-QR) and the hub's
//! background sync loop live here; Viva's
//! webhook server is quay-pay's (`quay_pay::viva::listener`). Partners' wire clients and
//! pure decisions stay in their own crates (quay-pay, quay-hub); what the counter decides
//! with them stays in the use cases.

pub mod hub;
pub mod viva;
pub mod vpos;
pub mod wallet;
pub mod zvt;
