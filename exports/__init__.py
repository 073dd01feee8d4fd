"""Rows in, bytes out: spreadsheets and data files. Pure functions, no Flask, no database."""

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
