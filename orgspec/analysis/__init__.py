"""Numbers and comparisons over a linked organisation: metrics, diffs, git revisions."""
