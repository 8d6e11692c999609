"""Reading the project files: YAML with source positions, then validation."""
