"""The status bar: sync state, pending actions, last sync, user and team."""
