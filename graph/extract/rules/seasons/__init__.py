"""Season rules: which seasons a work has and how long they are."""
