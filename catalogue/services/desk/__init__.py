"""The finance office's desk: the work queue, bulk approvals and reminders, deadline reminders, what
changed since a submission, and the audit log as offices and the administrator read it."""
