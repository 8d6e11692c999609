"""Foundations every phase uses: diagnostics, errors, did-you-mean, writing files."""
