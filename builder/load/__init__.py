"""Stage 1: files to raw records with source positions."""
