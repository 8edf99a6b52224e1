"""Event rules: what happens to characters (being written in issue 3)."""
