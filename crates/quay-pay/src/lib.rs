//! Card terminals, behind plain types the payment journal (quay-store) and the use cases
//! (quay-app) understand:
//! - `zvt`: a terminal on a serial line speaking ZVT (PA00P015): link → framing → codec →
//!   session → driver, each layer testable alone;
//! - `viva`: Viva eftPOS "orders for a source" through the classic REST API;
//! - `wallet`: e-wallets (MoMo POS, ZaloPay v2, VNPAY-QR, Alipay face-to-face): signed requests,
//!   verified answers, result codes → one `WalletStatus`;
//! - `vpos`: bank virtual POS (NestPay/EST, Garanti, PosNet credentials): MOTO card
//!   authorizations, void/refund, status, 3-D payment links and their callbacks.

pub mod viva;
pub mod vpos;
pub mod wallet;
pub mod zvt;
