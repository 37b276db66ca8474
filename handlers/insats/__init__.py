"""Insatser: a group applies for funds, the parties approve, the förbund decides, the goals are followed up."""
