"""Alembic migrations for the tensionwatch store, run by ``Store`` on open."""
