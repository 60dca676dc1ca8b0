"""Alembic's scripts for the app's database: env.py and one file per schema revision.

Run them with `opencounter db upgrade` (web/database.py); never import env.py yourself.
"""
