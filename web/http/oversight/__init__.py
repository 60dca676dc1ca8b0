"""The oversight body's pages: log search, timelines, statistics, reviews, exports."""
