"""Event rules: what happens to characters in the story."""
