# unasync: the source of _sync/__init__.py; edit this file, then run scripts/unasync.py
