"""Lots-ärenden: registering, following up, closing, importing and exporting cases."""
