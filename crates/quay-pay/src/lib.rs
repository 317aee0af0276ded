//! Card terminals, behind plain types the payment journal (quay-store) and the use cases
//! (quay-app) understand. Two kinds:
//! - `zvt`: a terminal on a serial line speaking ZVT (PA00P015): link → framing → codec →
//!   session → driver, each layer testable alone;
//! - `viva`: Viva eftPOS "orders for a source" through the classic REST API.

pub mod viva;
pub mod zvt;
