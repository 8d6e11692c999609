"""Exports for HR: job sheets (岗位说明书) as Word and PDF files, the post register as CSV and Excel.

The job sheet is computed once as plain data (`sheet`); `word` and `pdf` lay
it out, `register` tabulates the posts, `downloads` puts the copies into the
handbook. Every writer is pure (data in, bytes out) and deterministic.
Each module is imported on its own, the package importing none of them:
openpyxl (`register`) and python-docx (`word`) each take a tenth of a second
to import, which every command would otherwise pay.
"""
