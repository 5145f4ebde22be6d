"""Read-only observers: indicators and detectors (the netwerkdip). They never write state (DESIGN.md)."""
