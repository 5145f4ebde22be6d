"""Read-only observers: indicators and (later) detectors. They never write state (DESIGN.md)."""
