"""What a page or a sheet shows, as plain data (no markup, no files)."""
