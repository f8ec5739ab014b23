"""Problems found in an editor's files, and how they are worded.

Every check in Lantai returns `Problem`s instead of raising, so one run reports every
mistake in the project. A problem names the file, the line and the field; its text is
looked up in `MESSAGES` by key, in the site's language (Chinese or English), and always
says what was expected so that an editor can fix the file without asking anyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"
# A warning about something the build handles safely by itself (a link to a draft is left
# out): `check` shows it; it does not stop a strict build as warnings do.
NOTICE = "notice"

# Each message: (English, Chinese). Placeholders are filled from Problem.params.
MESSAGES: dict[str, tuple[str, str]] = {
    "yaml-syntax": (
        "the file is not valid YAML ({detail}); check indentation and quote text that contains ':' or starts with '[', '{{', '*', '&', '!' or '#'",
        "不是有效的 YAML（{detail}）；请检查缩进，含有冒号或以 [ {{ * & ! # 开头的文字请加引号",
    ),
    "yaml-tab": (
        "this line is indented with a tab; YAML indents with spaces only: replace the tab by spaces",
        "本行用制表符（Tab）缩进；YAML 只能用空格缩进：请把制表符换成空格",
    ),
    "yaml-control-char": (
        "the file holds the invisible control character {char}, which YAML does not allow; delete it "
        "(it often comes with text copied from a PDF or a word processor)",
        "文件中有不可见的控制字符 {char}，YAML 不允许；请删除（常见于从 PDF 或文字处理软件复制的文字）",
    ),
    "yaml-aliases": (
        "the YAML aliases (*name) here would make a value of more than {limit} elements, or one that contains "
        "itself; write the values out instead of repeating anchors",
        "此处的 YAML 别名（*名称）会展开成超过 {limit} 个元素的值，或包含自身的值；请直接写出内容，不要层层引用锚点",
    ),
    "yaml-too-deep": (
        "the values here are nested more than {limit} levels deep (check for unclosed '[' or '{{'); "
        "a field needs at most a few levels",
        "此处的值嵌套超过 {limit} 层（请检查是否有未闭合的 '[' 或 '{{'）；字段最多只需几层",
    ),
    "utf16": (
        "the file is saved as UTF-16 ('Unicode'); save it again with the UTF-8 encoding",
        "文件以 UTF-16（“Unicode”）编码保存；请用 UTF-8 编码重新保存",
    ),
    "not-utf8": (
        "the file is not saved as UTF-8 (this line holds bytes that cannot be read); save it again with the "
        "UTF-8 encoding",
        "文件不是 UTF-8 编码（本行有无法识别的字节）；请用 UTF-8 编码重新保存（如在“另存为”时选择 UTF-8）",
    ),
    "yaml-not-mapping": (
        "the file must hold fields as 'name: value' lines, found {found}",
        "文件内容应为“字段: 值”形式的若干行，实际是{found}",
    ),
    "front-matter-missing": (
        "the story has no front matter; start the file with a '---' line, the fields (title, summary …), and another '---' line",
        "故事缺少头部信息；文件应以一行 '---' 开始，写上字段（title、summary 等），再以一行 '---' 结束",
    ),
    "front-matter-unclosed": (
        "the front matter starting on line 1 is never closed; add a line with only '---' after the last field",
        "第 1 行开始的头部信息没有结束；请在最后一个字段后加一行 '---'",
    ),
    "duplicate-key": (
        "the field is written twice (first on line {first}); keep one",
        "字段重复出现（第一次在第 {first} 行）；请只保留一个",
    ),
    "required": (
        "this field is required: {hint}",
        "必填字段缺失：{hint}",
    ),
    "unknown-field": (
        "unknown field{suggestion}; the fields here are {allowed}",
        "未知字段{suggestion}；此处可用的字段为 {allowed}",
    ),
    "did-you-mean": (" (did you mean '{name}'?)", "（是否应为 '{name}'？）"),
    "type-text": (
        "expected text, found {found}",
        "应为文字，实际是{found}",
    ),
    "placeholder": (
        "'{value}' is the scaffold's placeholder; write the real value",
        "'{value}' 是模板中的占位文字；请填写实际内容",
    ),
    "empty-text": (
        "the text is empty; write it or remove the field",
        "内容为空；请填写，或删除该字段",
    ),
    "type-list": (
        "expected a list (one '- value' per line, or [a, b]), found {found}",
        "应为列表（每行一个 '- 值'，或写成 [甲, 乙]），实际是{found}",
    ),
    "type-mapping": (
        "expected fields ('name: value'), found {found}; example: {example}",
        "应为若干“字段: 值”，实际是{found}；示例：{example}",
    ),
    "type-number": (
        "expected a number, found {found}",
        "应为数字，实际是{found}",
    ),
    "type-bool": (
        "expected true or false, found {found}",
        "应为 true 或 false，实际是{found}",
    ),
    "location": (
        "expected [latitude, longitude] in degrees, for example [30.03, 120.87]; found {found}",
        "应为 [纬度, 经度]（单位为度），例如 [30.03, 120.87]；实际是{found}",
    ),
    "location-range": (
        "latitude must be between -90 and 90 and longitude between -180 and 180; found [{lat}, {lon}] (are they swapped?)",
        "纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间；实际是 [{lat}, {lon}]（是否写反了？）",
    ),
    "image-alt": (
        "the image {value} has no alt text: write what it shows between the brackets, ![a harbour ledger, 1921]({value}), or give it a title, ![]({value} \"title\")",
        "图片 {value} 缺少替代文字：请在方括号中写明图片内容，如 ![1921年的港口账簿]({value})，或加上标题 ![]({value} \"标题\")",
    ),
    "edtf": (
        "'{value}' is not a date in EDTF; write for example 1920, 1920-08, 1956-01-29, 1956/1960, 1920~ (about) or 1920? (uncertain)",
        "'{value}' 不是 EDTF 格式的日期；可写作 1920、1920-08、1956-01-29、1956/1960、1920~（约）或 1920?（存疑）",
    ),
    "url": (
        "'{value}' is not a web address; write it in full, starting with https:// or http://",
        "'{value}' 不是网址；请写完整，以 https:// 或 http:// 开头",
    ),
    "bad-id": (
        "'{value}' cannot be an id: use lower-case ASCII letters, digits and hyphens, for example shangyu-red-memory; rename the {what}",
        "'{value}' 不能用作标识：只能使用小写英文字母、数字和连字符，例如 shangyu-red-memory；请重命名该{what}",
    ),
    "reserved-id": (
        "'{value}' is reserved for the site's own pages ({reserved}); rename the {what}",
        "'{value}' 是网站保留地址（{reserved}）；请重命名该{what}",
    ),
    "unknown-category": (
        "'{value}' is not one of {allowed}; use one of them or declare it under 'categories' in mkdocs.yml",
        "'{value}' 不是已声明的分类（{allowed}）之一；请改用其中之一，或在 mkdocs.yml 的 categories 中声明",
    ),
    "brand-missing": (
        "the folder content/{brand}/ holds stories, but there is no brand file brands/{brand}.yml; add it (python build.py new brand {brand}) or move the stories",
        "content/{brand}/ 文件夹中有故事，但没有品牌文件 brands/{brand}.yml；请新建（python build.py new brand {brand}），或移动这些故事",
    ),
    "unknown-related": (
        "'{value}' is neither a story (brand-id/story-id) nor a brand id of this project",
        "'{value}' 既不是本项目的故事（品牌标识/故事标识），也不是品牌标识",
    ),
    "duplicate-code": (
        "reference code '{value}' is already used by {other}; every item needs its own code",
        "档号 '{value}' 已被 {other} 使用；每个档案条目的档号必须唯一",
    ),
    "contact-email": (
        "'{value}' is not an email address; write the address harvesters may write to, e.g. archives@example.org "
        "(it is published as the OAI-PMH adminEmail)",
        "'{value}' 不是电子邮件地址；请写联系邮箱，例如 archives@example.org（作为 OAI-PMH 的 adminEmail 公开）",
    ),
    "admin-unknown": (
        "'{value}' is not a setting of the editing interface; admin takes backend, repo, branch, base_url, "
        "api_root and app_id (see the editor guide, 'Editing in the browser')",
        "'{value}' 不是编辑界面的设置项；admin 可写 backend、repo、branch、base_url、api_root、app_id（见编辑指南“在浏览器中编辑”）",
    ),
    "admin-backend": (
        "'{value}' is not a backend of the editing interface; write one of {allowed}",
        "'{value}' 不是编辑界面支持的后端；请写 {allowed} 之一",
    ),
    "admin-repo": (
        "'{value}' is not a repository; write it as owner/name, e.g. zjda/lantai-exhibition",
        "'{value}' 不是仓库名；请写作 所有者/仓库名，例如 zjda/lantai-exhibition",
    ),
    "admin-address": (
        "'{value}' is not a web address; write it in full, e.g. https://git.example.org",
        "'{value}' 不是网址；请写完整，例如 https://git.example.org",
    ),
    "admin-preview-only": (
        "the editing interface works in the preview (serve) only and the published site has no /admin/: "
        "to sign in with {backend} on the published site, set {needs} under admin (see the editor guide)",
        "编辑界面目前只在预览（serve）中可用，发布的网站不含 /admin/：如需在发布的网站上用 {backend} 登录编辑，"
        "请在 admin 下填写 {needs}（见编辑指南）",
    ),
    "icp-filing": (
        "'{value}' is not an ICP filing number; write it as the MIIT filing system issued it, e.g. "
        "浙ICP备12345678号 or 浙ICP备12345678号-1 (a province, ICP备, the digits, 号)",
        "'{value}' 不是 ICP 备案号；请照工业和信息化部备案系统给出的号码填写，例如 浙ICP备12345678号 或 "
        "浙ICP备12345678号-1（省份简称、ICP备、数字、号）",
    ),
    "police-filing": (
        "'{value}' is not a public-security filing number; write it as the filing system issued it, e.g. "
        "浙公网安备 33010602011771号 (a province, 公网安备, the 14 digits, 号)",
        "'{value}' 不是公安备案号；请照全国互联网安全管理服务平台给出的号码填写，例如 浙公网安备 33010602011771号"
        "（省份简称、公网安备、14 位数字、号）",
    ),
    "oai-gateway": (
        "'{value}' is not a gateway address; write the base URL of the OAI Static Repository Gateway, "
        "e.g. https://gateway.example.org/oai/ (no query, no fragment)",
        "'{value}' 不是网关地址；请写 OAI 静态库网关的基础网址，例如 https://gateway.example.org/oai/（不含查询串和锚点）",
    ),
    "code-kind": (
        "'{value}' is not a kind of code; write one of {allowed} (reference: the archive's own reference code, 档号)",
        "'{value}' 不是编号类别；请写 {allowed} 之一（reference 表示档案馆自己的档号）",
    ),
    "related-draft": (
        "'{value}' is a draft: it is not published, so this link is left out of the published story; publish it (remove 'draft: true') or take it out of 'related'",
        "'{value}' 是草稿，不会发布，所以已发布的故事中不显示这条链接；请发布该故事（删去 draft: true），或从 related 中删去",
    ),
    "code-draft": (
        "'[[{value}]]' is an item of a draft story: it is not published, so the marker is left out of the published page; publish that story or move the item to this story's or brand's 'items'",
        "'[[{value}]]' 属于草稿故事，不会发布，所以已发布的页面中不显示此处；请发布该故事，或把该条目移到本故事或品牌的 items 中",
    ),
    "link-missing": (
        "the link '{value}' leads to no file or page of this project; check the file's name and folder (a link is read from the folder of the file it is written in; link another page by its file, e.g. ../about.md)",
        "链接 '{value}' 指向的文件或页面不存在；请核对文件名和所在文件夹（链接从它所在文件的文件夹算起；链接到其他页面请写其文件名，如 ../about.md）",
    ),
    "raw-html": (
        "'{value}' is not a way to publish editors' HTML; write one of {allowed} (sanitise: remove scripts, "
        "event handlers and javascript: links; trust: publish it as written)",
        "'{value}' 不是正文 HTML 的处理方式；请写 {allowed} 之一（sanitise 删除脚本、事件属性和 javascript: 链接；"
        "trust 按原样发布）",
    ),
    "image-location": (
        "'{value}' says where it was taken (GPS), and Lantai cannot remove that from this kind of file without changing the picture; save it as JPEG, PNG or WebP (whose location Lantai removes), or set image_metadata: keep in mkdocs.yml to publish it as it is",
        "'{value}' 记录了拍摄地点（GPS），兰台无法在不改变画面的情况下从这类文件中删去；请另存为 JPEG、PNG 或 WebP（兰台会删去其中的地点），或在 mkdocs.yml 中设置 image_metadata: keep 按原样发布",
    ),
    "image-metadata": (
        "'{value}' is not a way to publish photographs; write strip (their location and camera details removed, the default) or keep (published as they are)",
        "'{value}' 不是照片的发布方式；请写 strip（删去拍摄地点和相机信息，默认）或 keep（按原样发布）",
    ),
    "unknown-code": (
        "'[[{value}]]' names no archive item of this project; check the reference code or add the item to the story's or brand's 'items'",
        "'[[{value}]]' 所指的档案条目不存在；请核对档号，或在故事或品牌的 items 中添加该条目",
    ),
    "missing-file": (
        "the file '{value}' does not exist (looked for {looked}); check the name and that it sits next to {beside}",
        "文件 '{value}' 不存在（查找位置：{looked}）；请核对文件名，并确认它与 {beside} 放在一起",
    ),
    "media-kind": (
        "'{value}' is not a kind of file the exhibition can show; use an image (.jpg .png .webp .gif .svg), audio (.mp3 .m4a .ogg .wav), video (.mp4 .webm) or a PDF",
        "'{value}' 不是展览可展示的文件类型；请使用图片（.jpg .png .webp .gif .svg）、音频（.mp3 .m4a .ogg .wav）、视频（.mp4 .webm）或 PDF",
    ),
    "transcript-kind": (
        "a transcript must be a text (.txt) or WebVTT (.vtt) file that goes with audio or video; found '{value}'",
        "文字稿应为与音频或视频配套的文本（.txt）或 WebVTT（.vtt）文件；实际是 '{value}'",
    ),
    "translation-undeclared": (
        "this file is named as a translation into '{value}', a language the site does not publish "
        "(its translations: {declared}); declare it under the plugin's `translations` in mkdocs.yml, or rename the file",
        "此文件按“{value}”语言的译文命名，但网站未发布该语言（已设置的语言：{declared}）；"
        "请在 mkdocs.yml 插件的 translations 中声明，或重命名该文件",
    ),
    "translation-without-original": (
        "this translation has no original beside it ({original}); a translation is shown only with its "
        "original: name it as the original is, with the language before .md",
        "此译文旁没有原文（{original}）；译文只与原文一同显示：请按原文的文件名命名，在 .md 前加语言代码",
    ),
    "translation-original-only": (
        "a translation does not give this field: it is the same in every language and written in the "
        "original ({original}) alone; delete it here",
        "译文中不能写此字段：它在各语言中相同，只写在原文（{original}）中；请在此处删除",
    ),
    "translation-language": (
        "'{value}' cannot be a language of this site's translations: write one of {allowed}, once, other "
        "than the site's own language (theme.language)",
        "'{value}' 不能作为本站的译文语言：请写 {allowed} 之一，每种只写一次，且不同于网站本身的语言（theme.language）",
    ),
    "reserved-page": (
        "the free page '{value}' would take the address of the site's own {reserved} pages; rename the file",
        "自由页面 '{value}' 与网站保留地址 {reserved} 冲突；请重命名该文件",
    ),
    "story-outside-brand": (
        "stories live in content/<brand-id>/<story-id>.md; move this file one folder up or down",
        "故事应放在 content/<品牌标识>/<故事标识>.md；请调整该文件的位置",
    ),
    "no-brands": (
        "the project has no brand files; add one with: python build.py new brand <brand-id>",
        "项目中没有品牌文件；可用 python build.py new brand <品牌标识> 新建",
    ),
    "no-folder": (
        "the folder {value} is missing; a project holds mkdocs.yml, brands/ and content/",
        "缺少文件夹 {value}；一个项目应包含 mkdocs.yml、brands/ 和 content/",
    ),
    "settings": (
        "{detail}",
        "{detail}",
    ),
    "duplicate-category": (
        "the category id '{value}' is declared twice",
        "分类标识 '{value}' 重复声明",
    ),
    "duplicate-slug": (
        "reference code '{value}' gives the same page address, items/{slug}/, as '{other_code}' ({other}); "
        "change one of the codes so that they differ in more than case and punctuation",
        "档号 '{value}' 与 '{other_code}'（{other}）对应同一个页面地址 items/{slug}/；请修改其中一个档号，使两者不只是大小写或标点不同",
    ),
    "page-brand-clash": (
        "the free page '{value}' would take the address of the brand in brands/{value}.yml; rename the file",
        "自由页面 '{value}' 与品牌 brands/{value}.yml 的页面地址冲突；请重命名该文件",
    ),
    "related-self": (
        "a story cannot be related to itself; remove '{value}'",
        "故事不能与自身相关；请删除 '{value}'",
    ),
    "brand-stories-none": (
        "the brand has no published story yet; it is shown with its introduction only",
        "该品牌还没有已发布的故事，页面只显示品牌介绍",
    ),
    "text-single-line": (
        "a summary is plain text of one or two sentences; remove the line breaks and Markdown",
        "摘要应为一两句纯文字；请去掉换行和 Markdown 标记",
    ),
    "config-python-tag": (
        "the tag {tag} makes MkDocs run Python code when it reads this file; Lantai refuses it. Remove the tag "
        "(mkdocs.yml is code: let only trusted people change it)",
        "标签 {tag} 会让 MkDocs 在读取本文件时执行 Python 代码，Lantai 拒绝执行。请删除该标签（mkdocs.yml 相当于代码：只应由可信的人修改）",
    ),
    "invisible-char": (
        "'{value}' holds invisible characters ({chars}: zero-width or text-direction marks), which would make "
        "it look like another entry while being different; delete them",
        "'{value}' 含有不可见字符（{chars}：零宽字符或文字方向控制符），看似与其他条目相同实则不同；请删除",
    ),
    "too-long": (
        "'{value}' is {length} characters long; at most {limit} are allowed here, shorten it",
        "'{value}' 长 {length} 个字符；此处最多 {limit} 个，请缩短",
    ),
    "image-unreadable": (
        "'{value}' is not an image that can be read ({detail}): it may be empty, cut short or another kind of file "
        "renamed; export it again as JPEG or PNG",
        "'{value}' 不是可读取的图片（{detail}）：可能是空文件、文件不完整或其他类型的文件改了扩展名；请重新导出为 JPEG 或 PNG",
    ),
    "image-too-large": (
        "'{value}' is {width}×{height} pixels, more than the {limit} megapixels Lantai reads; make a smaller copy "
        "for the exhibition (3000 pixels wide is plenty)",
        "'{value}' 为 {width}×{height} 像素，超过 Lantai 可读取的 {limit} 百万像素；请为展览另存一份较小的图片（宽 3000 像素足够）",
    ),
    "svg-unreadable": (
        "'{value}' is not an SVG image that can be read (it must be well-formed XML with an <svg> root); "
        "export it again, or use PNG",
        "'{value}' 不是可读取的 SVG 图片（应为以 <svg> 为根元素的规范 XML）；请重新导出，或改用 PNG",
    ),
    "image-outside": (
        "the image '{value}' is outside the content folder, so it would not be published (a broken image); "
        "put the file in content/ next to the story and name it from there",
        "图片 '{value}' 位于 content 文件夹之外，不会被发布（页面上将显示为损坏的图片）；请把文件放进 content/，与故事放在一起",
    ),
    "outside-project": (
        "'{value}' is outside the project (the folder holding mkdocs.yml), or is a link that leads out of it, "
        "so it is never published; copy the file itself into the project, next to {beside}, and name it from there",
        "'{value}' 位于项目之外（项目即 mkdocs.yml 所在的文件夹），或是指向项目之外的链接，因此绝不会发布；"
        "请把文件本身复制到项目中，与 {beside} 放在一起，再从那里引用",
    ),
    "link-outside-project": (
        "this is a link to a file or folder outside the project (the folder holding mkdocs.yml); Lantai neither "
        "reads nor publishes it. Put a copy of the file itself here instead of the link, or remove the link",
        "这是指向项目之外（项目即 mkdocs.yml 所在的文件夹）的文件或文件夹的链接；Lantai 既不读取也不发布它。"
        "请用文件本身的副本代替该链接，或删除该链接",
    ),
    "outside-content": (
        "'{value}' is in the project but neither in content/ nor beside the brand files in brands/, so it would "
        "not be published (a broken link); move it into content/, next to {beside}, and name it from there",
        "'{value}' 在项目中，但既不在 content/ 中，也不在 brands/ 的品牌文件旁边，因此不会被发布（页面上将是失效的链接）；"
        "请把它移到 content/ 中，与 {beside} 放在一起，再从那里引用",
    ),
    "hidden-file": (
        "'{value}' has a name, or sits in a folder, starting with '_' or '.'; such files are editors' own and "
        "never published. Move the file out of there, next to {beside}, or rename it",
        "'{value}' 的文件名或所在文件夹以 '_' 或 '.' 开头；这类文件留给编辑自用，绝不会发布。"
        "请把文件移出该文件夹，与 {beside} 放在一起，或重命名",
    ),
    "assets-folder": (
        "'{value}' cannot be an assets folder: name a folder (or a file) below content/, such as assets or "
        "harbour-trade/media, without '..' and with no part starting with '_' or '.'",
        "'{value}' 不能用作资源文件夹：请写 content/ 下的一个文件夹（或文件），如 assets 或 harbour-trade/media，"
        "不能含 '..'，各级名称也不能以 '_' 或 '.' 开头",
    ),
    "no-assets-folder": (
        "the assets folder content/{value} does not exist; create it, or correct or remove it under 'assets'",
        "资源文件夹 content/{value} 不存在；请新建该文件夹，或在 assets 中改正或删除这一项",
    ),
    "catalogue-too-big": (
        "the file is {size} MB, more than the {limit} MB a catalogue file may be; split the catalogue into "
        "several files in catalogue/ (each sheet or CSV file of up to {rows} rows)",
        "文件大小为 {size} MB，超过档案目录文件上限 {limit} MB；请把目录拆成 catalogue/ 中的几个文件（每个工作表或 CSV 文件最多 {rows} 行）",
    ),
    "catalogue-zip-bomb": (
        "the workbook says it unpacks to {size} MB ({detail}), far more than a catalogue sheet holds; Lantai does "
        "not open it. Save the sheet again from the spreadsheet program, or export it as CSV",
        "该工作簿声明解压后为 {size} MB（{detail}），远超档案目录应有的大小；兰台不打开它。请用电子表格软件重新保存，或导出为 CSV",
    ),
    "catalogue-too-many-rows": (
        "the {what} holds more than {limit} rows; split it into several files in catalogue/",
        "该{what}超过 {limit} 行；请拆成 catalogue/ 中的几个文件",
    ),
    "catalogue-not-spreadsheet": (
        "the file is not an Excel workbook (.xlsx) that can be read ({detail}); save it again from the spreadsheet "
        "program as 'Excel Workbook (.xlsx)', or as CSV (UTF-8). Old .xls files must be saved as .xlsx",
        "不是可读取的 Excel 工作簿（.xlsx）（{detail}）；请在电子表格软件中另存为“Excel 工作簿（.xlsx）”或 CSV（UTF-8）。旧的 .xls 文件须另存为 .xlsx",
    ),
    "catalogue-not-text": (
        "the file holds bytes that no CSV file has ({detail}); it may be a workbook renamed to .csv: save it again "
        "as CSV (UTF-8), or name it .xlsx if it is a workbook",
        "文件中含有 CSV 文件不会有的字节（{detail}）；可能是改了扩展名的工作簿：请另存为 CSV（UTF-8），若本是工作簿请改名为 .xlsx",
    ),
    "catalogue-encoding": (
        "the CSV file is neither UTF-8 nor GB18030/GBK ({detail}); save it again as 'CSV UTF-8 (comma delimited)'",
        "该 CSV 文件既不是 UTF-8，也不是 GB18030/GBK 编码（{detail}）；请另存为“CSV UTF-8（逗号分隔）”",
    ),
    "catalogue-csv": (
        "the file cannot be read as CSV ({detail}); check the quotes around the cells near this row, or save it "
        "again from the spreadsheet program",
        "无法按 CSV 读取（{detail}）；请检查本行附近单元格的引号，或用电子表格软件重新保存",
    ),
    "catalogue-empty": (
        "the {what} is empty; its first row names the columns ({example} …) and each row below is one item. "
        "Fill it in, or delete it",
        "该{what}是空的；第一行写列名（{example} ……），其下每行一个档案条目。请填写，或删除它",
    ),
    "catalogue-header-empty": (
        "column {column} has no name in the first row, but holds values; name it (the first row names every "
        "column), or delete the column",
        "第 {column} 列在第一行没有列名，但下面有内容；请在第一行写上列名，或删除该列",
    ),
    "catalogue-header-duplicate": (
        "two columns are named '{value}' (columns {first} and {second}); rename one of them",
        "有两列都叫 '{value}'（第 {first} 列和第 {second} 列）；请重命名其中一列",
    ),
    "catalogue-no-column": (
        "no column gives the {field} of the items; name one {names}, or map a column to {field} under "
        "catalogue_columns in mkdocs.yml",
        "没有给出条目 {field} 的列；请把其中一列命名为 {names}，或在 mkdocs.yml 的 catalogue_columns 中把某列对应到 {field}",
    ),
    "catalogue-column-twice": (
        "this column and '{other}' both give the {field} of the items; map one of them to another field, or to "
        "skip, under catalogue_columns in mkdocs.yml",
        "此列与 '{other}' 都对应条目的 {field}；请在 mkdocs.yml 的 catalogue_columns 中把其中一列对应到其他字段，或写 skip",
    ),
    "catalogue-unknown-column": (
        "this column is not one of Lantai's fields, so it is kept and shown with each item as it is, under its "
        "own name; to make it a field, map it under catalogue_columns in mkdocs.yml ('{value}': description), "
        "or map it to skip to leave it out of the site",
        "此列不是兰台的字段，会以原列名原样显示在每个条目中；若要作为字段，请在 mkdocs.yml 的 catalogue_columns 中"
        "对应（'{value}': description），或对应到 skip，使此列不发布",
    ),
    "catalogue-held-back": (
        "{count} of {rows} rows are held back ({why}) and are published nowhere: no page, search, open data, "
        "sitemap or OAI-PMH",
        "{rows} 行中有 {count} 行不予公开（{why}），不会出现在网站的任何地方：页面、搜索、开放数据、站点地图和 OAI-PMH",
    ),
    "catalogue-open-value": (
        "'{value}' does not say whether the record is open; write {open} (published) or {closed} (held back), or "
        "leave the cell empty",
        "'{value}' 不能表明是否开放；请写 {open}（公开）或 {closed}（不公开），或留空",
    ),
    "catalogue-brand": (
        "'{value}' is not a brand of this project ({allowed}); write a brand id, or leave the cell empty",
        "'{value}' 不是本项目的品牌（{allowed}）；请写品牌标识，或留空",
    ),
    "catalogue-setting": (
        "{detail}",
        "{detail}",
    ),
    "code-held-back": (
        "'[[{value}]]' is a catalogue row held back from publication ({where}); it is never published, so it "
        "cannot be shown here: remove the marker, or open the record in the catalogue first",
        "'[[{value}]]' 是不予公开的目录条目（{where}），不会发布，因此不能在此展示：请删去此处，或先在目录中将其开放",
    ),
    "output-busy": (
        "{target}: another build is writing this folder right now (it holds {lock}); wait until it has "
        "finished, or build into another folder with -d",
        "{target}：另一个构建正在写入此文件夹（锁文件 {lock}）；请等它结束，或用 -d 构建到其他文件夹",
    ),
    "output-unwritable": (
        "{target}: the site cannot be written there ({detail}); free some disk space, check that the folder "
        "may be written, or build into another folder with -d. The previous site, if any, is unchanged",
        "{target}：无法在此写入网站（{detail}）；请腾出磁盘空间、确认该文件夹可写，或用 -d 构建到其他文件夹。原有网站保持不变",
    ),
}


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file. `path` is relative to the project folder."""

    path: str
    line: int
    field: str
    key: str
    params: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    severity: str = ERROR
    # In a catalogue file (lantai/reading/catalogue.py) `line` is a row of a table and `sheet`
    # names the table: the workbook's sheet ("Sheet1"), or "" in a CSV file, which has one.
    # None: `line` is a line of a text file.
    sheet: str | None = field(default=None, compare=False)

    def message(self, language: str = "en") -> str:
        english, chinese = MESSAGES[self.key]
        template = chinese if is_chinese(language) else english
        return template.format(**dict(self.params))

    @property
    def place(self) -> str:
        return place(self.path, self.line, self.sheet)

    def format(self, language: str = "en") -> str:
        label = f"{self.field}: " if self.field else ""
        return f"{self.place}: {label}{self.message(language)}"

    def sort_key(self) -> tuple:
        """Files in name order; in a file, lines (or a sheet's rows) in order."""
        return (self.path, self.sheet or "", self.line, self.field, self.key, self.severity)


def place(path: str, line: int, sheet: str | None = None) -> str:
    """Where a problem is, as editors read it: `brands/x.yml:7`, and in a catalogue file
    `catalogue/records.xlsx:Sheet1:row 17` (`catalogue/records.csv:row 17` for a CSV file)."""
    if sheet is None:
        return f"{path}:{line}" if line else path
    where = f"{path}:{sheet}" if sheet else path
    return f"{where}:row {line}" if line else where


def problem(path: str | Path, line: int | None, field_name: str, key: str,
            severity: str = ERROR, sheet: str | None = None, **params: object) -> Problem:
    return Problem(visible(str(path)), line or 0, visible(field_name), key,
                   tuple((k, quote(v)) for k, v in params.items()), severity,
                   None if sheet is None else visible(sheet))


MAX_QUOTE = 300  # characters of a value a message quotes; the rest is "…"


def quote(value: object, limit: int = MAX_QUOTE) -> str:
    """A value as a message shows it: bounded in length however large the value (a YAML
    alias bomb must not be turned into text whole), invisible characters made visible."""
    text = _short(value, 3) if isinstance(value, (dict, list, tuple)) else str(value)
    text = visible(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _short(value: object, depth: int) -> str:
    if isinstance(value, dict):
        if depth <= 0:
            return "{…}"
        parts = [f"{_short(k, 0)}: {_short(v, depth - 1)}" for k, v in list(value.items())[:6]]
        return "{" + ", ".join(parts + (["…"] if len(value) > 6 else [])) + "}"
    if isinstance(value, (list, tuple)):
        if depth <= 0:
            return "[…]"
        parts = [_short(v, depth - 1) for v in value[:6]]
        return "[" + ", ".join(parts + (["…"] if len(value) > 6 else [])) + "]"
    text = repr(value)  # as Python writes a list's elements: 'east', 22.28
    return text if len(text) <= 80 else text[:79] + "…"


def visible(text: str) -> str:
    """Zero-width, bidi and control characters written as <U+200B>, so that an editor sees
    what makes two look-alike words differ, and no message can reorder or hide itself."""
    import unicodedata
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"<U+{ord(ch):04X}>" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs")
                   else ch for ch in text)


def is_chinese(language: str | None) -> bool:
    return (language or "").lower().startswith("zh")


def describe(value: object, language: str = "en") -> str:
    """Name the kind of a YAML value for a message ("a list", "一个列表")."""
    zh = is_chinese(language)
    if value is None:
        return "空值" if zh else "nothing"
    if isinstance(value, bool):
        return f"布尔值 {value}" if zh else f"the boolean {value}"
    if isinstance(value, (int, float)):
        return f"数字 {value}" if zh else f"the number {value}"
    if isinstance(value, str):
        return f"文字 '{value}'" if zh else f"the text '{value}'"
    if isinstance(value, list):
        return "一个列表" if zh else "a list"
    if isinstance(value, dict):
        return "若干字段" if zh else "a set of fields"
    return type(value).__name__


class ProjectError(Exception):
    """Raised at the engine boundary when a project has errors; carries all of them."""

    def __init__(self, problems: list[Problem], language: str = "en"):
        self.problems = problems
        self.language = language
        super().__init__(format_report(problems, language))


def format_report(problems: list[Problem], language: str = "en") -> str:
    errors = sum(1 for p in problems if p.severity == ERROR)
    notes = sum(1 for p in problems if p.severity == NOTICE)
    warnings = len(problems) - errors - notes
    lines = [p.format(language) for p in sorted(problems, key=Problem.sort_key)]
    if is_chinese(language):
        lines.append(f"共 {errors} 个错误，{warnings} 个警告" + (f"，{notes} 条说明。" if notes else "。"))
    else:
        lines.append(f"{errors} error(s), {warnings} warning(s)" + (f", {notes} note(s)." if notes else "."))
    return "\n".join(lines)
