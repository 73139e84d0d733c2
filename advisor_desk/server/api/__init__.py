"""HTTP routes of the central API: thin handlers over :mod:`advisor_desk.server.services`."""
