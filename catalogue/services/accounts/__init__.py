"""People and their access: passwords and log-in checks (users), the log-in throttle (logins),
managing accounts (admin) and creating many from a spreadsheet (importing)."""
