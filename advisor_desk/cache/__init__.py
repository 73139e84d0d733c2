"""The workstation's local cache: SQLite written first, read at once, synced in the background. No Qt."""
