"""What every rule stands on: who may act (permissions, coverage), until when (deadlines), what is
written about it (audit, notifications), uploads' limits, paging a query and the reference data."""
