"""The database file: keys as SQLCipher takes them, connections and pragmas, migrations, the
integrity record, backups and the encryption of a plain file.

Storage opens, copies and encrypts a file with the key it is given; it never looks a key up
(that is security's job) and never imports security or the app's database.
"""
