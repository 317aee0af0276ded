# Day-end: totals, the terminal batch, the bank file, reconciliation, the report.
