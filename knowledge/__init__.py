"""The knowledge base: ingestion, chunking, indexes, retrieval and versions.

This package imports nothing else of OpenCounter.
"""
