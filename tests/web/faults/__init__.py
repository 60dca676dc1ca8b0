"""The fault suite: each part taken down for real, and what the citizen sees asserted."""
