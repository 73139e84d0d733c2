"""The unified timeline of one customer: every interaction on every channel, grouped by case."""
