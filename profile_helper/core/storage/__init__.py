"""The database file: connection and pragmas, migrations, integrity record and backups.

Storage opens a file with the key it is given; it never looks a key up (that is security's job).
"""
