"""Starting files for a person to fill in: a new project, a new post or department."""
