//! The sandbox credentials of the simulated banks (`VposSimConfig::sandbox`).

pub const NESTPAY_CLIENT_ID: &str = "100200127";
pub const NESTPAY_USER: &str = "QUAYAPI";
pub const NESTPAY_PASSWORD: &str = "QuaySandbox2026";
pub const NESTPAY_STORE_KEY: &str = "QUAYSTOREKEY26";

pub const GARANTI_MERCHANT_ID: &str = "7000679";
pub const GARANTI_TERMINAL_ID: &str = "30691298";
pub const GARANTI_PROV_USER: &str = "PROVAUT";
pub const GARANTI_PROV_PASSWORD: &str = "123qweASD/";
pub const GARANTI_REFUND_USER: &str = "PROVRFN";
pub const GARANTI_REFUND_PASSWORD: &str = "RFN-pass1";
pub const GARANTI_STORE_KEY: &str = "12345678";
