"""The pure core shared by the application, ``imports`` and ``exports``.

Nothing here imports Flask, SQLAlchemy or ``catalogue``: the vocabularies (``tiers``, ``statuses``,
``labels``), the database-free item rules (``item_rules``, ``negative_list``), translatable text
(``text``) and the forked child that does risky or parallel work (``isolation``).
"""
