"""A department's catalogue in a campaign: its items and their rules, imports, carrying forward, the
workflow of handing in, what its pages show, the item rows and the campaign's progress."""
