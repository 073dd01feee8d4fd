"""WTForms classes: what each form accepts and the message for every way it can be wrong.

No database writes here; the services decide.
"""
