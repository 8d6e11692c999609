"""Word documents for the import tests, built with python-docx (never stored as binary files)."""
