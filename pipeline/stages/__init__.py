"""One input's stages, in pipeline order: load (+ html), clean, roles, segment, sentences, attribute, assemble."""
