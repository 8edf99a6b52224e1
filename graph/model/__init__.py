"""The data model: controlled words, claims with their evidence, and story time."""
