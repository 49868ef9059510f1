"""Baselines the benchmark compares tgreport with; each module is a script run in its own process."""
