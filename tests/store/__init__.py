"""Tests of the store stage (run on SQLite, and on PostgreSQL when configured)."""
