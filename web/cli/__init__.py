"""The `opencounter` command: one module per group of subcommands, all on the app's settings.

`main.py` assembles them; each reads the same `Settings` as the app and builds services through
the same wiring, so a command never sees other data than the server it sits beside.
"""
