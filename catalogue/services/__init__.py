"""The domain rules: deadlines, permissions, workflow, items, imports, consolidation, publishing.

Plain functions over the session: they check, change and ``flush``; they never read ``request``,
render, or commit (``catalogue.transaction`` commits once per request or command).
"""
