"""Org-chart geometry: text measurement and tidy-tree layout."""
