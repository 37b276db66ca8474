"""Summaries: the compilation of lots-ärenden before each LOKUS meeting, with a chart; small numbers protected."""
