"""The log's storage: SQL tables, appending, the text vault, checkpoint signing, reading back.

The modules above this package are pure (formats, tree, notes, verification) and are all an
oversight body needs to check a log offline; this package is what an operator runs.
"""
