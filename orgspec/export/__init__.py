"""Exports for HR: job sheets (岗位说明书) as Word and PDF files, the post register as CSV and Excel.

The job sheet is computed once as plain data (`sheet`); `word` and `pdf` lay
it out, `register` tabulates the posts, `downloads` puts the copies into the
handbook. Every writer is pure (data in, bytes out) and deterministic.
`orgspec.export.register` is imported on its own: openpyxl takes a tenth of
a second to import, which every command would otherwise pay.
"""

from __future__ import annotations

from orgspec.export.pdf import PdfUnavailableError, pdf_document, sheet_html
from orgspec.export.word import word_document
from orgspec.views.sheet import JobSheet, job_sheet

__all__ = [
    "JobSheet",
    "PdfUnavailableError",
    "job_sheet",
    "pdf_document",
    "sheet_html",
    "word_document",
]
