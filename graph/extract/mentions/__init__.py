"""Mentions: name spans, works and story-time phrases, typed and resolved to one
canonical name per entity (aliases, spelling, kinship, pronouns)."""
