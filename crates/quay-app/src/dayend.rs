//! Day-end: totals, the terminal batch, the bank file and its reconciliation, the report.
