"""Messages of `orgspec import`: key → (Chinese, English). Part of the one catalogue.

Each names what was found and what to do; the file and the place
(paragraph, table cell, spreadsheet row) are put in front by the note.
"""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    # places in a document
    "place.paragraph": ("第 {number} 段", "paragraph {number}"),
    "place.cell": ("表 {table} 第 {row} 行第 {column} 列", "table {table}, row {row}, column {column}"),
    "place.row": ("第 {row} 行", "row {row}"),
    "place.row-column": ("第 {row} 行 {column} 列", "row {row}, column {column}"),
    # files that cannot be imported (nothing is written for them)
    "import.cannot-open": ("无法打开（{reason}）", "cannot be opened ({reason})"),
    "import.not-word": (
        "不是 Word 文件（.docx 或 .doc）；请在 Word 中打开，另存为 .docx 后再导入",
        "not a Word file (.docx or .doc); open it in Word, save it as .docx and import that",
    ),
    "import.encrypted": (
        "文件设有打开密码（已加密），无法读取；请在 Word 中打开，取消密码（文件 → 信息 → 保护文档）后另存，再导入",
        "the file is protected with a password (encrypted) and cannot be read; open it in Word, remove the "
        "password (File → Info → Protect Document) and save it, then import it",
    ),
    "import.legacy-doc": (
        "这是 Word 97–2003 格式（.doc）的文件，需要 LibreOffice 才能转换：请安装 LibreOffice"
        "（Debian/Ubuntu：sudo apt install libreoffice-writer），或在 Word 中另存为 .docx",
        "a Word 97–2003 file (.doc), which needs LibreOffice to be converted: install LibreOffice "
        "(Debian/Ubuntu: sudo apt install libreoffice-writer), or save it as .docx in Word",
    ),
    "import.conversion-failed": (
        "LibreOffice 未能把它转换为 .docx（{reason}）；请在 Word 中另存为 .docx 后再导入",
        "LibreOffice could not convert it to .docx ({reason}); save it as .docx in Word and import that",
    ),
    "import.corrupt": (
        "文件已损坏，不能作为 Word 文件读取（{reason}）；请在 Word 中打开（Word 会提出修复），另存为 .docx 后再导入",
        "the file is damaged and cannot be read as a Word file ({reason}); open it in Word (which offers to "
        "repair it), save it as .docx and import that",
    ),
    "import.too-large": (
        "文件有 {size} 字节，超过上限 {limit} 字节，不会被读取；一份岗位说明书远小于此，请确认是要导入的文件",
        "the file has {size} bytes, more than the limit of {limit}, and is not read; a job description is far "
        "smaller: check that it is the file meant",
    ),
    "import.no-job-description": (
        "没有找到岗位说明书的内容：没有一个标签（如 岗位名称、岗位职责、任职资格）能对上；如果文件用的是别的标签，"
        "请在 orgspec.yaml 的 import_labels 中写明，例如 职位概要: summary",
        "no job description found: not one label (such as Job title, Duties, Qualifications) was recognised; if "
        "the file uses labels of its own, name them under import_labels in orgspec.yaml, e.g. Role overview: summary",
    ),
    "import.no-department": (
        "文件中没有所属部门；用 --department 指定部门的 id 后再导入",
        "the file names no department; give the department's id with --department and import it again",
    ),
    "import.ambiguous-department": (
        "有几个部门都叫“{name}”（{departments}），不知是哪一个，没有导入；用 --department 指定其中一个的 id 后再导入",
        "several departments are called '{name}' ({departments}), so which one is meant is unknown and nothing was "
        "imported; give the id of the one meant with --department and import it again",
    ),
    "import.ambiguous-department.table": (
        "有几个部门都叫“{name}”（{departments}），不知是哪一个，表格没有导入；请加一列上级部门（一级部门）把它们分开",
        "several departments are called '{name}' ({departments}), so which one is meant is unknown and the table "
        "was not imported; add a column of parent departments (Division) that tells them apart",
    ),
    "import.department-parent": (
        "部门“{name}”（{id}）在项目中没有上级部门，表格把它列在 {parent} 下；如果是这样，请在它的文件中写上 parent: {parent}",
        "the department '{name}' ({id}) has no parent in the project, and the table puts it under {parent}; if it "
        "belongs there, write parent: {parent} in its file",
    ),
    "import.duplicate-post": (
        "岗位 id“{id}”与 {files} 相同，都没有导入；把文件改名为各自的 id（如 sales-manager-north.docx）后再导入",
        "the post id '{id}' is also the one of {files}, so neither was imported; rename the files to the ids "
        "you want (e.g. sales-manager-north.docx) and import them again",
    ),
    "import.exists": (
        "{path} 已存在，没有覆盖；要另建岗位，请把文件改名为新的 id（单个文件也可用 --id）后再导入",
        "{path} exists already and was not replaced; to import it as another post, rename the file to a new id "
        "(or, for one file, give --id) and import it again",
    ),
    "import.invalid": (
        "导入的岗位通不过 orgspec 的校验（{problem}），没有写入；请改正文件中相应的内容后再导入",
        "the imported post would not pass orgspec's validation ({problem}), so it was not written; correct that "
        "part of the document and import it again",
    ),
    # things to check in what was written
    "import.unknown-grade": (
        "职位等级“{grade}”不在 orgspec.yaml 的 grades（{scale}）中，未填写 grade；请先把它加入 grades，再在这里写上",
        "the grade '{grade}' is not on the grade scale of orgspec.yaml ({scale}), so grade was left out; add it "
        "to grades, then write it here",
    ),
    "import.unknown-grade.no-scale": (
        "职位等级“{grade}”未填写：orgspec.yaml 中还没有 grades；请先写上职位等级（grades），再在这里写上",
        "the grade '{grade}' was left out: orgspec.yaml has no grade scale yet; add grades to it, then write it here",
    ),
    "import.unknown-post": (
        "“{name}”不是本项目的岗位，未填写；导入或新建该岗位后，再在这里写上它的 id",
        "'{name}' is not a post of the project, so it was left out; import or create that post, then write its id here",
    ),
    "import.unknown-post.did-you-mean": (
        "“{name}”不是本项目的岗位，未填写；是否为“{closest}”？请写上它的 id",
        "'{name}' is not a post of the project, so it was left out; did you mean '{closest}'? Write its id here",
    ),
    "import.ambiguous-post": (
        "有几个岗位都叫“{name}”（{posts}），未填写；请写上所指岗位的 id",
        "several posts are called '{name}' ({posts}), so it was left out; write the id of the one meant",
    ),
    "import.new-department": (
        "所属部门“{name}”在本项目中还没有，已新建 {file}",
        "the department '{name}' is not in the project yet; {file} was made for it",
    ),
    "import.new-department.did-you-mean": (
        "所属部门“{name}”在本项目中还没有，已新建 {file}；若指的是“{closest}”（{id}），请把 department 改为 {id}，"
        "并删除新文件",
        "the department '{name}' is not in the project yet; {file} was made for it; if '{closest}' ({id}) is "
        "meant, set department to {id} and delete the new file",
    ),
    "import.derived": (
        "{label}：{text}（orgspec 由项目中的其他内容推出，如其他岗位的直接上级，未导入）",
        "{label}: {text} (orgspec works this out from the rest of the project, such as the other posts' superiors; "
        "not imported)",
    ),
    "import.competency-off-scale": (
        "能力“{name}”的等级“{rating}”不在 orgspec.yaml 的 competency_scale（{levels}）中，已作为技能写入 "
        "qualifications.skills；在 competency_scale 中加上这一级后，可把它移到 competencies",
        "the rating '{rating}' of the competency '{name}' is not on the competency_scale of orgspec.yaml ({levels}), "
        "so it was written as a skill under qualifications.skills; add the level to competency_scale, then move it "
        "to competencies",
    ),
    "import.competency-no-scale": (
        "能力“{name}”标有等级“{rating}”，但 orgspec.yaml 中还没有 competency_scale，已作为技能写入 "
        "qualifications.skills；写上能力等级（competency_scale）后，可把它移到 competencies",
        "the competency '{name}' is rated '{rating}', but orgspec.yaml has no competency_scale yet, so it was "
        "written as a skill under qualifications.skills; add a competency_scale, then move it to competencies",
    ),
    "import.kept": (
        "“{label}”下的文字没有对应的字段：“{text}”；已作为注释保留在 {path} 末尾",
        "text under '{label}' found no field: '{text}'; kept as a comment at the end of {path}",
    ),
    "import.kept-heading-only": (
        "标题“{label}”没有对应的字段；已作为注释保留在 {path} 末尾",
        "the heading '{label}' found no field; kept as a comment at the end of {path}",
    ),
    # staffing tables
    "import.not-spreadsheet": (
        "不是能读取的 Excel 工作簿（.xlsx）（{reason}）；请在 Excel 中另存为 .xlsx 或 .csv 后再导入",
        "not an Excel workbook orgspec can read (.xlsx) ({reason}); save it as .xlsx or .csv in Excel and import that",
    ),
    "import.legacy-xls": (
        "这是 Excel 97–2003 格式（.xls）的文件；请在 Excel 中另存为 .xlsx 或 .csv 后再导入",
        "an Excel 97–2003 file (.xls); save it as .xlsx or .csv in Excel and import that",
    ),
    "import.unknown-sheet": (
        "没有名为“{sheet}”的工作表；工作表有：{sheets}",
        "there is no sheet '{sheet}'; the sheets are: {sheets}",
    ),
    "import.too-many-rows": (
        "表格超过 {limit} 行，不会被读取；请确认是要导入的表格",
        "the table has more than {limit} rows and is not read; check that it is the table meant",
    ),
    "import.no-header": (
        "工作表“{sheet}”的前 20 行里没有表头：需要一行写有“岗位”（或“岗位名称”）及其他列名，如 {expected}；"
        "列名不同时，用 --map 列名=字段 指明，例如 --map 职务=title --map 人数=authorised",
        "the sheet '{sheet}' has no header in its first 20 rows: a row naming the post's title column "
        "(岗位, Post, Job title) and others, such as {expected}, is needed; for other column names, say which field "
        "each fills with --map COLUMN=FIELD, e.g. --map Role=title --map Headcount=authorised",
    ),
    "import.duplicate-row": (
        "岗位“{title}”在同一部门中出现了两次（第 {first} 行和第 {row} 行），表格没有导入；请合并为一行，在编制中写上人数",
        "the post '{title}' appears twice in one department (rows {first} and {row}), so the table was not "
        "imported; make it one row with its head count",
    ),
    "import.row-without-department": (
        "这一行没有部门，上面也没有，表格没有导入；请填写部门列",
        "this row has no department, nor has any row above it, so the table was not imported; fill in the "
        "department column",
    ),
    "import.reporting-cycle": (
        "直接上级形成了循环：{cycle}；表格没有导入，请改正其中一个岗位的直接上级",
        "the direct superiors go round in a circle: {cycle}; the table was not imported: correct the superior of "
        "one of these posts",
    ),
    "import.row-without-title": ("这一行没有岗位名称，没有导入", "this row names no post, so it was not imported"),
    "import.not-a-count": (
        "“{value}”不是人数，未填写；请在岗位文件中写上人数",
        "'{value}' is not a number of people, so it was left out; write the number in the post's file",
    ),
    "import.post-differs": (
        "{file} 的编制为 {authorised}、实有 {filled}，与表格不同；要按表格更新，请加 --update 再导入一次",
        "{file} has {authorised} authorised and {filled} filled, which the table changes; to take the table's "
        "numbers, import it again with --update",
    ),
    "import.post-updated": (
        "已按表格更新 {file} 的人数（原为编制 {authorised}、实有 {filled}）",
        "the head counts of {file} were updated from the table (they were {authorised} authorised, {filled} filled)",
    ),
    "import.post-not-updated": (
        "{file} 的人数不是简单的数字，未能更新；请按表格手工修改",
        "the head counts of {file} are not plain numbers and were not updated; change them by hand",
    ),
    "import.department-total": (
        "部门“{department}”的编制为 {authorised}，导入后各岗位合计为 {total}；请修改 {file} 中的 authorised，"
        "或加 --update 再导入一次",
        "the department '{department}' has {authorised} authorised, but its posts add up to {total} after the "
        "import; change authorised in {file}, or import again with --update",
    ),
    "import.department-updated": (
        "部门“{department}”的编制已由 {authorised} 改为各岗位合计 {total}（{file}）",
        "the authorised head count of '{department}' was changed from {authorised} to its posts' total, {total} ({file})",
    ),
    "import.source-row": (
        "导入自 {file} 第 {row} 行（orgspec import）",
        "imported from {file}, row {row} (orgspec import)",
    ),
    "import.staffing-summary": (
        "读取 {rows} 个岗位：新建 {posts} 个岗位、{departments} 个部门，更新 {updated} 个文件；{failed} 个文件未能导入",
        "posts read: {rows}; written: {posts} posts, {departments} departments; files updated: {updated}; "
        "files not imported: {failed}",
    ),
    "import.written": ("新建 {path}", "wrote {path}"),
    "import.updated": ("更新 {path}", "updated {path}"),
    # the YAML written
    "import.source": ("导入自 {file}（orgspec import）", "imported from {file} (orgspec import)"),
    "import.check-heading": ("导入时请核对：", "to check after the import:"),
    "import.kept-heading": (
        "── 原文中没有对应字段的内容，原样保留：请移到合适的字段，或删除 ──",
        "── text of the document that found no field, kept as it was: move it into a field, or delete it ──",
    ),
    "import.kept-label": ("【{label}】{place}", "[{label}] {place}"),
    # the summary
    "import.file-line": (
        "{file} → {path}（{title}）：填写字段 {filled}/{fields}（{percent}%），文字归入字段 {placed}%，另存 {kept} 处",
        "{file} → {path} ({title}): {filled} of {fields} fields filled ({percent}%), {placed}% of the text placed, "
        "{kept} kept aside",
    ),
    "import.summary": (
        "读取 {files} 个文件，写入 {posts} 个岗位、{departments} 个部门；{kept} 处文字另存为注释；{failed} 个文件未能导入",
        "files read: {files}; written: {posts} posts, {departments} departments; text kept as comments: {kept}; "
        "files not imported: {failed}",
    ),
    "import.dry-run": ("试运行：没有写入任何文件", "dry run: no file was written"),
}
