"""What the central API does, independent of HTTP: feed reading, mutations, search, listings."""
