"""The domain rules, in wings that import one way only (``tests/test_layers.py``):

    kernel → catalogues → publishing, accounts → campaigns, budget → desk

A module imports from its own wing and the wings before it, never after. Services are plain
functions over the session: they check, change and ``flush``; they never read ``request``, render,
or commit (``catalogue.transaction`` commits once per request or command).
"""
