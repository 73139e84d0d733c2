"""Pure rules of Advisor Desk: money, channels and response targets, authority envelopes, scripts,
the decision chain. No Qt, no database, no network: the workstation and the central API share it.
"""
