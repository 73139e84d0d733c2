"""The work queue: open cases of mine and my team, most urgent first (Ctrl+1)."""
