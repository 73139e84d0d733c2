"""The sync engine between the local cache and the central API, and the credentials it uses. No Qt."""
