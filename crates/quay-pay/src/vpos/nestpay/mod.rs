//! NestPay / EST (Payten: İş, Ziraat, Halkbank, TEB…), contract §6 followed exactly.

pub mod client;
pub mod gate;
pub mod hash;
pub mod xml;
