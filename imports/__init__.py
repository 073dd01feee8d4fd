"""Spreadsheet in, rows and errors out (reading, header location, column mapping, planning).

The spreadsheet importer arrives with the import issue; applying a plan goes through
``catalogue.services`` like every other change.
"""
