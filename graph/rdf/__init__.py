"""canon's RDF: the vocabulary's IRIs, facts to quads and back, formats, validation."""
