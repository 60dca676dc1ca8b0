"""The public transparency record: the organisation's texts, live figures and the log's state."""
