"""Customer search as you type (Ctrl+K): the cache at once, then the central API, merged."""
