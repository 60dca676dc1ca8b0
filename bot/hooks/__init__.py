"""Escalation hooks: tell outside systems (ticketing, email) that a person is needed."""
