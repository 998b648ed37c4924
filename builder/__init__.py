"""Research-brief generator."""
