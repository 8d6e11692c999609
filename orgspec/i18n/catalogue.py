"""Every message and label of orgspec: key → (Chinese, English).

Messages name the place through `Diagnostic`; their text names the field,
the bad value and what was expected, and a `.hint` entry says how to fix it.
"""

from __future__ import annotations

from orgspec.i18n.importing import IMPORT_MESSAGES
from orgspec.i18n.labels import LABELS

CATALOGUE: dict[str, tuple[str, str]] = {
    # severities
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    # summary lines
    "summary.clean": (
        "检查通过：{departments} 个部门，{posts} 个岗位，没有问题",
        "All clear: {departments|department|departments}, {posts|post|posts}, no problems",
    ),
    "summary.problems": (
        "{errors} 个错误，{warnings} 个警告（{files} 个文件）",
        "{errors|error|errors}, {warnings|warning|warnings} in {files|file|files}",
    ),
    # reading YAML
    "yaml-syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "yaml-syntax.colon-in-value": (
        "值里含有“: ”时，请把整个值用引号括起来，例如 text: '时间: 8:30'",
        "a value that contains ': ' must be put in quotes, e.g. text: 'time: 8:30'",
    ),
    "yaml-syntax.missing-colon": (
        "这一行的键后面缺少“: ”，或者缩进与上一行不一致",
        "the key on this line needs ': ' after it, or the line is indented differently from its neighbours",
    ),
    "yaml-syntax.indentation": (
        "缩进不一致：同一层的键和列表项必须以相同数量的空格开头",
        "the indentation is inconsistent: keys and list items of one level must start with the same number of spaces",
    ),
    "yaml-syntax.unclosed-quote": (
        "有一个引号没有闭合：请检查引号是否成对",
        "a quote is never closed: check that every quote has its partner",
    ),
    "yaml-syntax.many-documents": (
        "一个文件只能写一个部门或岗位：请删除“---”分隔线，另建文件",
        "a file holds one department or post: remove the '---' separator and use another file",
    ),
    "yaml-syntax.fullwidth-colon": (
        "“{key}”后面用了中文全角冒号“：”；YAML 需要英文冒号加空格，请写成 {key}: …",
        "'{key}' is followed by a full-width colon '：'; YAML needs an ASCII colon and a space: {key}: …",
    ),
    "yaml-syntax.no-space": (
        "“{key}:”后面缺少空格；YAML 需要冒号后加一个空格，请写成 {key}: …",
        "'{key}:' has no space after the colon; YAML needs one: {key}: …",
    ),
    "yaml-encoding": (
        "文件不是 UTF-8 编码（发现字节 {byte}，可能是 {encoding}）",
        "the file is not UTF-8 (byte {byte}; it looks like {encoding})",
    ),
    "yaml-encoding.hint": (
        "请用 UTF-8 编码另存此文件（记事本：另存为 → 编码选 UTF-8）",
        "save the file again as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
    ),
    "yaml-bom": ("文件以字节顺序标记（BOM）开头", "the file starts with a byte-order mark (BOM)"),
    "yaml-bom.hint": (
        "内容可以读取，但有些工具会出错；请另存为不带 BOM 的 UTF-8",
        "it is read correctly, but some tools stumble on it; save as UTF-8 without BOM",
    ),
    "yaml-tab": ("缩进里有制表符（Tab）", "a tab is used for indentation"),
    "yaml-tab.hint": (
        "YAML 只能用空格缩进：请把 Tab 换成空格",
        "YAML indents with spaces only: replace the tab with spaces",
    ),
    "yaml-control-char": (
        "文件里有不可见的控制字符 {char}",
        "the file contains the invisible control character {char}",
    ),
    "yaml-control-char.hint": (
        "请删除这个字符（通常是从别的软件粘贴进来的）",
        "delete it (it usually comes from pasting from another program)",
    ),
    "yaml-empty": ("文件是空的", "the file is empty"),
    "yaml-empty.hint": ("请填写内容，或删除这个文件", "write its content, or delete the file"),
    "yaml-duplicate-key": (
        "键“{key}”重复出现（第一次在第 {first} 行）",
        "the key '{key}' appears twice (first on line {first})",
    ),
    "yaml-duplicate-key.hint": (
        "同一层只能写一次；请合并或删除其中一个",
        "a key may appear once per level: merge the two or delete one",
    ),
    "yaml-alias": ("不支持 YAML 锚点和别名（&、*）", "YAML anchors and aliases (&, *) are not supported"),
    "yaml-alias.hint": (
        "请直接写出内容；需要在多个岗位重复的文字，请写进 clauses.yaml 作为标准条款",
        "write the content out; text shared by many posts belongs in clauses.yaml as a standard clause",
    ),
    "yaml-merge": ("不支持 YAML 合并键（<<）", "the YAML merge key (<<) is not supported"),
    "yaml-merge.hint": (
        "请直接写出各个键；共用的岗位说明可以用 based_on，共用的文字用标准条款",
        "write the keys out; a shared job description can use based_on, shared text a standard clause",
    ),
    "yaml-tag": ("不支持 YAML 标签 {tag}", "the YAML tag {tag} is not supported"),
    "yaml-tag.hint": ("请删除以“!”开头的标签", "remove the tag that starts with '!'"),
    "yaml-bad-scalar": ("无法读取值 '{value}'", "the value '{value}' cannot be read"),
    "yaml-bad-scalar.hint": ("如果这是文字，请加上引号", "if it is text, put it in quotes"),
    "yaml-bad-scalar.date": (
        "它看起来像日期，但月或日不存在；日期写作 YYYY-MM-DD，例如 2008-03-16",
        "it looks like a date but the month or day does not exist; write dates as YYYY-MM-DD, e.g. 2008-03-16",
    ),
    "yaml-complex-key": ("键必须是一段简单的文字", "a key must be plain text"),
    "yaml-too-deep": ("嵌套超过 {depth} 层", "nested more than {depth} levels deep"),
    "yaml-not-mapping": ("文件内容必须是“键: 值”的映射", "the file must be a mapping of 'key: value' lines"),
    "yaml-not-mapping.hint": (
        "每一行应以字段名开头，例如 title: 客服主管",
        "each top-level line starts with a field name, e.g. title: Customer service supervisor",
    ),
    "yaml-trap": ("{field}：`{raw}` 被 YAML 读成了 {read}", "{field}: `{raw}` was read by YAML as {read}"),
    "yaml-trap.sexagesimal": (
        "YAML 1.1 把用冒号分隔的数字当作六十进制数；请加引号写成 '{raw}'",
        "YAML 1.1 reads digits separated by colons as a base-60 number; put it in quotes: '{raw}'",
    ),
    "yaml-trap.bool": (
        "YAML 1.1 把 yes/no/on/off/true/false 当作是/否；请加引号写成 '{raw}'",
        "YAML 1.1 reads yes/no/on/off/true/false as true or false; put it in quotes: '{raw}'",
    ),
    "yaml-trap.number-changed": (
        "YAML 把它当作数字，写法因此改变（如 1.10 变成 1.1）；请加引号写成 '{raw}'",
        "YAML reads it as a number, which changes how it is written (1.10 becomes 1.1); put it in quotes: '{raw}'",
    ),
    "yaml-trap.octal": (
        "以 0 开头的数字被 YAML 1.1 当作八进制数；请加引号写成 '{raw}'",
        "a number with a leading zero is octal in YAML 1.1; put it in quotes: '{raw}'",
    ),
    "yaml-trap.number": (
        "这里需要文字，YAML 把它读成了数字；请加引号写成 '{raw}'",
        "text is expected and YAML read a number; put it in quotes: '{raw}'",
    ),
    "yaml-trap.date": (
        "YAML 把它读成了日期；请加引号写成 '{raw}'",
        "YAML read it as a date; put it in quotes: '{raw}'",
    ),
    "yaml-trap.null": (
        "YAML 把 ~ 和 null 读作空值；请填写内容，或加引号写成 '{raw}'",
        "YAML reads ~ and null as nothing; write the text, or quote it: '{raw}'",
    ),
    # schema
    "unknown-key": ("未知的键“{key}”（位于 {where}）", "unknown key '{key}' (in {where})"),
    "unknown-key.did-you-mean": ("是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "unknown-key.allowed": ("这里可用的键：{allowed}", "the keys allowed here: {allowed}"),
    "missing-field": ("缺少必填字段“{field}”（位于 {where}）", "the required field '{field}' is missing (in {where})"),
    "missing-field.hint": ("请添加 {field}: …", "add {field}: …"),
    "invalid-value": ("{field}：值 {value} 无效，{want}", "{field}: {value} is not valid: {want}"),
    "invalid-id": ("{field}：{value} 不是有效的 id", "{field}: {value} is not a valid id"),
    "invalid-id.hint": (
        "id 只能用小写英文字母、数字和中间的连字符，例如 sales-manager",
        "an id uses lowercase letters, digits and inner hyphens only, e.g. sales-manager",
    ),
    "expected.text": ("这里需要一段文字", "text is expected"),
    "expected.nonempty": ("不能为空", "it must not be empty"),
    "expected.integer": ("这里需要一个整数", "a whole number is expected"),
    "expected.boolean": ("这里需要 true 或 false", "true or false is expected"),
    "expected.list": ("这里需要一个列表（每项以“- ”开头）", "a list is expected (one '- ' line per item)"),
    "expected.mapping": ("这里需要“键: 值”形式的映射", "a mapping of 'key: value' lines is expected"),
    "expected.date": (
        "这里需要日期，格式为 YYYY-MM-DD，例如 2008-03-16",
        "a date is expected, as YYYY-MM-DD, e.g. 2008-03-16",
    ),
    "expected.date-range": (
        "日期须在 {earliest} 至 {latest} 之间（Word 和 Excel 文件里的日期最晚到 2107 年底）",
        "a date from {earliest} to {latest} is expected (the dates inside Word and Excel files end in 2107)",
    ),
    "expected.amount": (
        "这里需要一个金额（数字，最多两位小数，如 20000、2万、1.5亿）",
        "an amount is expected (a number with at most two decimals, such as 20000 or 20,000; 2万 and 1.5亿 too)",
    ),
    "expected.at-least": ("不能小于 {ge}", "it must be at least {ge}"),
    "expected.at-most": ("不能大于 {le}", "it must be at most {le}"),
    "expected.not-empty-list": ("列表至少要有一项", "the list needs at least one item"),
    "expected.at-most-entries": (
        "最多允许 {max_length} 项，这里有 {actual_length} 项：请删减或合并",
        "at most {max_length} entries are allowed and there are {actual_length}: shorten the list or merge entries",
    ),
    "expected.one-of": ("可选值：{expected}", "expected one of: {expected}"),
    "expected.pattern": ("格式不符合 {pattern}", "it must match {pattern}"),
    "expected.text-or-clause": ("请写 text 或 clause 其中之一", "give either text or clause, not both and not neither"),
    "expected.one-target": ("请只写 department、post、party 中的一项", "give exactly one of department, post or party"),
    "expected.other": ("{detail}", "{detail}"),
    "expected.import-target": (
        "可选值：{expected}，或 sections.<id>（orgspec.yaml 中 sections 声明的栏目）",
        "expected one of: {expected}, or sections.<id> (a section declared under sections in orgspec.yaml)",
    ),
    "expected.code-pattern": (
        "不认识占位符 {name}；可用 {{department}}（部门代码）、{{seq}}（数字）、{{seq:3}}（三位数字）",
        "unknown placeholder {name}: use {{department}} (department code), {{seq}} (digits) or {{seq:3}} (three digits)",
    ),
    # project layout
    "no-settings": (
        "{root} 中没有 orgspec.yaml，这不是一个 orgspec 项目",
        "{root} has no orgspec.yaml: it is not an orgspec project",
    ),
    "no-settings.hint": (
        "请在项目根目录运行，或用 orgspec init 新建项目",
        "run from the project root, or create a project with orgspec init",
    ),
    "invalid-file-id": ("文件名 {value} 不能作为 id", "the file name {value} cannot be an id"),
    "invalid-file-id.hint": (
        "文件名就是 id：只能用小写英文字母、数字和中间的连字符，例如 sales-manager.yaml",
        "the file name is the id: lowercase letters, digits and inner hyphens only, e.g. sales-manager.yaml",
    ),
    "duplicate-id": (
        "{kind} id“{id}”重复：{other} 也使用了它",
        "the {kind} id '{id}' is used twice: {other} uses it too",
    ),
    "duplicate-id.hint": ("请给其中一个文件改名", "rename one of the two files"),
    # cross-checks
    "unknown-reference": ("{field}：'{value}' 不是已知的{kind}", "{field}: '{value}' is not a known {kind}"),
    "unknown-reference.did-you-mean": ("是否应为 '{suggestion}'？", "did you mean '{suggestion}'?"),
    "unknown-reference.create-post": (
        "请检查拼写，或新建 roles/{value}.yaml",
        "check the spelling, or create roles/{value}.yaml",
    ),
    "unknown-reference.create-department": (
        "请检查拼写，或新建 departments/{value}.yaml",
        "check the spelling, or create departments/{value}.yaml",
    ),
    "unknown-reference.create-clause": (
        "请检查拼写，或在 clauses.yaml 中添加 {value}: …",
        "check the spelling, or add {value}: … to clauses.yaml",
    ),
    "unknown-grade": ("grade：'{value}' 不在职位等级表中", "grade: '{value}' is not on the grade scale"),
    "unknown-grade.hint": (
        "可用的等级：{grades}（见 orgspec.yaml 的 grades）",
        "the grades are: {grades} (grades in orgspec.yaml)",
    ),
    "missing-title": (
        "岗位没有 title，也没有可继承的 based_on",
        "the post has no title and no based_on to take one from",
    ),
    "missing-title.hint": ("请添加 title: …", "add title: …"),
    "reporting-cycle": ("汇报关系形成了循环：{cycle}", "the reporting lines form a cycle: {cycle}"),
    "reporting-cycle.hint": ("请修改其中一个岗位的 reports_to", "change reports_to of one of these posts"),
    "department-cycle": ("部门的上级关系形成了循环：{cycle}", "the parent departments form a cycle: {cycle}"),
    "department-cycle.hint": ("请修改其中一个部门的 parent", "change parent of one of these departments"),
    "based-on-cycle": ("based_on 形成了循环：{cycle}", "based_on forms a cycle: {cycle}"),
    "based-on-cycle.hint": ("请删除其中一个 based_on", "remove one of these based_on"),
    "duplicate-code": (
        "岗位编号 '{code}' 重复：岗位 {other} 也使用了它",
        "the post number '{code}' is used twice: post {other} uses it too",
    ),
    "duplicate-code.hint": ("每个岗位的编号必须唯一", "every post needs its own number"),
    "code-pattern": (
        "岗位编号 '{code}' 不符合编号规则 {pattern}",
        "the post number '{code}' does not follow the pattern {pattern}",
    ),
    "code-pattern.hint": ("例如 {example}", "for example {example}"),
    "filled-exceeds-authorised": (
        "实有人数 {filled} 超过岗位编制 {authorised}",
        "filled {filled} exceeds the authorised head count {authorised}",
    ),
    "filled-exceeds-authorised.hint": ("请修改 filled，或提高 authorised", "correct filled, or raise authorised"),
    "headcount-mismatch": (
        "部门编制为 {authorised}，但各岗位编制合计为 {total}（{posts}）",
        "the department's authorised head count is {authorised} but its posts add up to {total} ({posts})",
    ),
    "headcount-mismatch.hint": (
        "请修改部门的 authorised 或岗位的 authorised",
        "correct authorised of the department or of its posts",
    ),
    "head-outside-department": (
        "负责人岗位 '{head}' 属于部门 '{other}'，不属于本部门",
        "the head post '{head}' belongs to '{other}', not to this department",
    ),
    "head-outside-department.hint": ("负责人必须是本部门的岗位", "the head must be a post of this department"),
    "self-dotted-line": (
        "dotted_line 包含 '{value}'，它已经是直接上级或本岗位",
        "dotted_line lists '{value}', which is the direct superior or the post itself",
    ),
    "self-dotted-line.hint": ("请从 dotted_line 中删除它", "remove it from dotted_line"),
    "unknown-check": ("checks：'{value}' 不是已知的检查代码", "checks: '{value}' is not a known check code"),
    "unknown-check.hint": ("是否应为 '{suggestion}'？", "did you mean '{suggestion}'?"),
    # design lints
    "span-of-control": (
        "有 {count} 个直接下级，超过上限 {limit}",
        "{count|direct subordinate|direct subordinates}, more than the limit of {limit}",
    ),
    "span-of-control.hint": (
        "考虑增设一级主管，或在 orgspec.yaml 的 limits.span_of_control 调整上限",
        "consider a supervisor level, or change limits.span_of_control in orgspec.yaml",
    ),
    "too-many-layers": (
        "汇报链有 {layers} 层，超过上限 {limit}：{chain}",
        "the reporting chain has {layers} layers, more than the limit of {limit}: {chain}",
    ),
    "too-many-layers.hint": (
        "考虑减少管理层级，或调整 limits.layers",
        "consider fewer layers, or change limits.layers",
    ),
    "post-without-duties": ("岗位没有填写工作内容与职责（duties）", "the post lists no duties"),
    "post-without-duties.hint": ("请添加 duties:", "add duties:"),
    "post-without-kpis": ("岗位没有关键绩效指标（kpis）", "the post has no KPIs"),
    "post-without-kpis.hint": (
        "请添加 kpis:，或在 orgspec.yaml 的 checks 中把 post-without-kpis 设为 ignore",
        "add kpis:, or set post-without-kpis to ignore under checks in orgspec.yaml",
    ),
    "department-without-head": ("部门没有指定负责人岗位（head）", "the department names no head post"),
    "department-without-head.hint": ("请添加 head: 负责人岗位的 id", "add head: with the id of its head post"),
    "duplicate-duty": (
        "职责“{text}”与同部门岗位 {other} 的职责完全相同",
        "the duty '{text}' is word for word a duty of {other} in the same department",
    ),
    "duplicate-duty.hint": (
        "请分清两个岗位的职责；如果确是共用条款，请写进 clauses.yaml 并引用",
        "separate the two posts' duties; if it is a shared clause, put it in clauses.yaml and reference it",
    ),
    "authority-without-owner": (
        "事项“{item}”有 {says}，但没有岗位审批（decide）",
        "the business item '{item}' has {says} but no post decides it",
    ),
    "authority-without-owner.hint": ("请给某个岗位的该项权限写 say: decide", "give one post say: decide on this item"),
    "duty-shares": ("职责的时间占比合计为 {total}%，不是 100%", "the duties' shares add up to {total}%, not 100%"),
    "duty-shares.hint": ("请调整各项 share", "adjust the shares"),
    "unused-clause": (
        "标准条款 '{id}' 没有被任何岗位或部门引用",
        "the standard clause '{id}' is used by no post or department",
    ),
    "unused-clause.hint": ("引用它（- clause: {id}），或删除它", "reference it (- clause: {id}) or delete it"),
    "kpi-weights": (
        "关键绩效指标的权重合计为 {total}%，不是 100%",
        "the KPIs' weights add up to {total}%, not 100%",
    ),
    "kpi-weights.hint": ("请调整各项 weight，使合计为 100%", "adjust the weights so that they add up to 100%"),
    "based-on-top-post": (
        "岗位以 {base} 为基础（based_on），但没有写直接上级（reports_to），因此不向任何岗位汇报",
        "the post is based on {base} but sets no reports_to, so it reports to no post",
    ),
    "based-on-top-post.hint": (
        "请写 reports_to: <上级岗位>；如确实没有上级，请写 reports_to: null",
        "write reports_to: <superior post>; if it really has no superior, write reports_to: null",
    ),
    "unreadable-file": ("无法读取文件：{reason}", "the file cannot be read: {reason}"),
    "file-outside-project": (
        "这是指向项目文件夹之外（{target}）的符号链接，不会被读取",
        "the file is a symbolic link to {target}, outside the project folder, and is not read",
    ),
    "file-outside-project.hint": (
        "请把所指的文件复制进项目，或删除这个链接",
        "copy the file it points to into the project, or remove the link",
    ),
    "file-not-regular": (
        "这不是普通文件（而是管道、设备或套接字），不会被读取",
        "it is not a regular file (but a pipe, a device or a socket) and is not read",
    ),
    "file-not-regular.hint": ("请换成普通的 YAML 文件，或删除它", "replace it with a plain YAML file, or remove it"),
    "file-too-large": (
        "文件有 {size} 字节，超过上限 {limit} 字节，不会被读取",
        "the file has {size} bytes, more than the limit of {limit}, and is not read",
    ),
    "file-too-large.hint": (
        "一个部门或岗位文件远小于此：请确认这是要放的文件，或删减其内容",
        "a department or post file is far smaller: check that it is the file meant, or shorten it",
    ),
    "say.propose": ("提议", "propose"),
    "say.review": ("审核", "review"),
    "say.decide": ("审批", "decide"),
    "say.informed": ("知会", "be informed"),
    "say.none": ("权限", "authorities"),
    "loc.top": ("文件顶层", "the top level"),
    # kinds of things
    "kind.post": ("岗位", "post"),
    "kind.department": ("部门", "department"),
    "kind.clause": ("标准条款", "standard clause"),
    # the authority matrix (approvals.yaml)
    "kind.party": (
        "审批方（岗位 id 或 orgspec.yaml 中声明的机构）",
        "party (a post id or a body declared in orgspec.yaml)",
    ),
    "unknown-reference.create-party": (
        "请检查拼写，或新建 roles/{value}.yaml；不是岗位的机构请在 orgspec.yaml 的 approvals.bodies 中声明",
        "check the spelling, or create roles/{value}.yaml; a body that is not a post is declared under "
        "approvals.bodies in orgspec.yaml",
    ),
    "unknown-reference.declare-body": (
        "请检查拼写；岗位请写它的 id，不是岗位的机构请在 orgspec.yaml 中声明：approvals: {{bodies: [{value}]}}",
        "check the spelling; name a post by its id, and declare a body that is not a post in orgspec.yaml: "
        "approvals: {{bodies: [{value}]}}",
    ),
    "approval-final": ("事项“{item}”{tier}{problem}", "the business item '{item}'{tier} {problem}"),
    "approval-final.none": ("没有终审的一方（{final}）", "has no party with a final action ({final})"),
    "approval-final.many": ("有 {count} 方终审：{parties}", "has {count} parties with a final action: {parties}"),
    "approval-final.hint": (
        "每一档金额须恰好有一方的动作是终审（{final}），其他各方提议、审核、会签或知会",
        "each tier needs exactly one party whose action is final ({final}); the others propose, review, "
        "countersign or are informed",
    ),
    "approval-tier-overlap": (
        "事项“{item}”{tier}与第 {line} 行的规则{other_tier}金额重叠",
        "the business item '{item}'{tier} overlaps the rule on line {line}{other_tier}",
    ),
    "approval-tier-overlap.hint": (
        "同一事项的各档金额不能重叠：每一档的 above 等于低一档的 up_to",
        "the tiers of an item must not overlap: each tier's above is the up_to of the tier below it",
    ),
    "approval-tier-gap": (
        "事项“{item}”中 {gap} 的金额没有规则",
        "the business item '{item}' has no rule for amounts {gap}",
    ),
    "approval-tier-gap.hint": (
        "请为这一档写一条规则，或调整相邻一档的 above 或 up_to",
        "write a rule for these amounts, or change the above or up_to of the tier next to them",
    ),
    "approval-duplicate-party": (
        "“{party}”在事项“{item}”{tier}的签批顺序中出现两次：第 {first} 步和第 {step} 步",
        "'{party}' signs twice in the rule for '{item}'{tier}: steps {first} and {step}",
    ),
    "approval-duplicate-party.hint": (
        "一条规则中每一方只签一次：请删除其中一步，或换成另一方",
        "a party signs once per rule: remove one of the steps, or name another party",
    ),
    "expected.distinct-words": (
        "“{word}”既指 {first} 又指 {second}；一个词只能指一项",
        "'{word}' names both {first} and {second}; a word may name one only",
    ),
    "expected.final-action": (
        "至少要有一个动作是终审（final: true），例如审批",
        "at least one action must be final (final: true), such as decide 审批",
    ),
    "expected.tier-order": (
        "above（不含的下限）必须小于 up_to（含的上限）",
        "above (the lower bound, not included) must be less than up_to (the upper bound, included)",
    ),
    # job families, posts held concurrently, the 三定, labelled sections
    "family-level": (
        "岗位 '{post}' 已是职位序列 '{family}' 的一级",
        "the post '{post}' is already a level of the job family '{family}'",
    ),
    "family-level.hint": (
        "一个岗位只能是一个职位序列中的一级：请删除这一项",
        "a post is one level of one job family: remove this entry",
    ),
    "replaces-outside-family": (
        "replaces 只对职位序列中有下一级的岗位有效，本岗位没有下级层级可替换",
        "replaces applies to a level of a job family above its lowest; this post has no level below it to replace",
    ),
    "replaces-outside-family.hint": (
        "把本岗位列入 orgspec.yaml 中某个职位序列的 levels（在它的下一级之后），或删除 replaces",
        "list the post in the levels of a job family in orgspec.yaml, after the level below it, or remove replaces",
    ),
    "concurrent-cycle": ("兼任关系形成了循环：{cycle}", "the posts held concurrently form a cycle: {cycle}"),
    "concurrent-cycle.hint": (
        "一人兼任的岗位只写在主岗位上：请删除其中一个 also_holds",
        "write also_holds on the person's main post only: remove one of these also_holds",
    ),
    "concurrent-chain": (
        "本岗位由 '{holder}' 的任职者兼任，又写了兼任 '{held}'：兼任不能连锁",
        "this post is held by the holder of '{holder}' and names '{held}' in also_holds: posts held concurrently cannot form a chain",
    ),
    "concurrent-chain.hint": (
        "一人兼任的所有岗位都写在主岗位上（每个主岗位写一个 also_holds）",
        "name the post held concurrently on the person's main post (one also_holds per main post)",
    ),
    "concurrent-seats": (
        "岗位编制 {authorised} 个，但有 {holders} 的任职者兼任本岗位",
        "the post has {authorised} seats but is held concurrently by the holders of {holders}",
    ),
    "concurrent-seats.hint": (
        "每个兼任者占一个编制：请提高 authorised，或删除多余的 also_holds",
        "each concurrent holder takes a seat: raise authorised, or remove an also_holds",
    ),
    "staffing-mismatch": (
        "{kind} {declared} 名，但本部门（含下级部门）{kind}岗位合计 {total} 名（{posts}）",
        "{kind}: {declared} declared, but the seats of the posts of this kind (sub-departments included) add up to {total} ({posts})",
    ),
    "staffing-mismatch.hint": (
        "请修改 staffing 中的数字，或岗位的 authorised 和 staffing_kind",
        "correct the number under staffing, or authorised and staffing_kind of the posts",
    ),
    "leadership-quota": (
        "领导职数：{rank} {quota} 名，但有 {count} 个岗位编制担任{rank}（{posts}）",
        "leadership quota: {quota} × {rank}, but {count} seats hold that rank ({posts})",
    ),
    "leadership-quota.hint": (
        "请减少担任该职务的岗位编制，或修改 leadership 中的职数",
        "reduce the seats holding the rank, or correct the quota under leadership",
    ),
    "leadership-without-quota": (
        "leadership：本部门及上级部门的领导职数中没有“{rank}”",
        "leadership: no leadership quota of this department or a department above it names '{rank}'",
    ),
    "leadership-without-quota.hint": (
        "请在部门的 leadership 中写上 {rank}: 职数",
        "add {rank}: <quota> under leadership of the department",
    ),
    "unknown-competency-level": (
        "level：{level} 不在能力等级表中（{levels}）",
        "level: {level} is not on the competency scale ({levels})",
    ),
    "unknown-competency-level.hint": (
        "请用 orgspec.yaml 中 competency_scale 的等级，或在那里添加这一级",
        "use a level of competency_scale in orgspec.yaml, or add the level there",
    ),
    "unknown-section": (
        "sections：“{id}”不是 orgspec.yaml 中声明的栏目",
        "sections: '{id}' is not a section declared in orgspec.yaml",
    ),
    "unknown-section.hint": (
        "请在 orgspec.yaml 的 sections 中声明它（- {{id: {id}, title: …}}）",
        "declare it under sections in orgspec.yaml (- {{id: {id}, title: …}})",
    ),
    **LABELS,
    **IMPORT_MESSAGES,
}
