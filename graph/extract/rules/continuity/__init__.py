"""Continuity rules: how works relate."""
