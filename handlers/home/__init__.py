"""The Home tab as a personal dashboard: per group what is next for the person, within Block Kit's limits."""
