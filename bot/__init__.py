"""The conversation engine: guards, decisions, answers with citations, handoff to people."""
