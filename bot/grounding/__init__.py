"""Grounded answering: the prompt that allows only retrieved passages, and the citation check."""
