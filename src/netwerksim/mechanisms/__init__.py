"""The model's mechanisms (MODEL.md §4), one module each: pure functions on state, parameters and rng.

Mechanisms never import observers and never log; the model calls them in its documented step order.
"""
