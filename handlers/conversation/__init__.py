"""The conversation engine: flows declared as data, asked one question at a time, state in the database."""
