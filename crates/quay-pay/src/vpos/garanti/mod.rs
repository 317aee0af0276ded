//! Garanti BBVA GVPS: wave2 §3 and MEWS, read as docs/VPOS.md "Garanti readings" says (the
//! simulator follows the same file).

pub mod client;
pub mod hash;
pub mod xml;
