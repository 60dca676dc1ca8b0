"""Tests of the distributions built from the repository (packaging/)."""
