"""The render phase: pages, charts and reports from views (pure: data in, text out)."""
