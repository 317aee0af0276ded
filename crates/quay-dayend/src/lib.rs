//! Day-end reconciliation (work in progress).
