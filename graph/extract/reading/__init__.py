"""Reading: the spaCy pipeline, long texts in chunks, tokens as lists, and the
Context a rule sees of one article."""
