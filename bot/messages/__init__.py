"""Message catalogues: every sentence a user reads, one module per language, keyed by name."""
