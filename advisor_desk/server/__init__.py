"""The reference central API: FastAPI + SQLAlchemy, SQLite by default, PostgreSQL in production.

It shares the domain rules with the desktop and imports nothing from the desktop side.
"""
