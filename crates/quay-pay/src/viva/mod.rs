//! Viva eftPOS classic API. (in progress)
