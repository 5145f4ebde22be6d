"""Patterns of source 002."""
