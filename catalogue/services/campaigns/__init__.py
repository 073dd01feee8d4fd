"""Running a compilation exercise: campaigns with their tier deadlines and extensions, and what the
finance office records about the departments it covers (eligibility)."""
