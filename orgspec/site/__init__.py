"""The site phase: generate the handbook pages, skip unchanged runs, call the builders."""
