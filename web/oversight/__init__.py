"""The oversight console: search the log, timelines, statistics, review samples."""
