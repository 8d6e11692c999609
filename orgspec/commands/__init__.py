"""The CLI commands, one module each; `orgspec.cli` assembles them."""
