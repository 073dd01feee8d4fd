"""What every rule stands on: who may act (permissions, coverage), until when (deadlines), what is
written about it (audit, notifications), the domain errors, uploads' limits and the reference data."""
