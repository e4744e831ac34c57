"""Rules the stages apply: data files loaded and validated, the matcher, the spaCy components, cue words."""
