"""Escalations handed to people: queues per team, the caseworker's actions, opening hours."""
