"""From catalogue to budget: out-of-catalogue requests, the effective catalogue on a day, budget
lines that cite it, and budget lines from a spreadsheet."""
