"""The Flask web view of canon (its issue is still open: nothing is served yet)."""
