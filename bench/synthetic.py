"""Synthetic exhibitions for benchmarks: brands and Chinese stories, and the same stories for Material.

Deterministic (seeded): the same arguments write the same bytes, so figures from two runs
compare. `write_project` writes an ordinary Lantai project folder that `build.py build -f`
builds and `build.py check` passes: brands with archives, regions, locations and sources;
stories of about 1,500 Chinese characters with a title, summary, EDTF date, events, tags,
people, places (most with a location inside Zhejiang), sources, related stories and archive
items whose cards stand in the text; a few small but real JPEG photographs per brand (800×600,
so every image derivative is made) shared by that brand's items and placed in some stories.
`write_material_project` writes the same stories' Markdown as a stock MkDocs + Material project.

The text is drawn from fixed word lists (two- to four-character words of archive writing,
personal names, Zhejiang's places) with a Zipf-like weighting, so that a search index meets
the mix of frequent and rare words of real prose.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

# -- vocabulary -------------------------------------------------------------------------------

NOUNS = """
档案 档案馆 史料 文献 卷宗 手稿 书信 日记 账簿 契约 地契 族谱 家谱 照片 底片 胶片 录音 录像 影像 口述
报刊 剪报 公告 通知 批复 请示 会议记录 工作笔记 登记表 花名册 证明书 奖状 证书 徽章 票据 粮票 布票
地图 图纸 蓝图 碑刻 拓片 印章 信封 邮票 明信片 年鉴 县志 村志 厂志 校史 大事记 目录 索引 全宗
乡村 村庄 集镇 县城 城市 街道 弄堂 码头 港口 渡口 海岛 山区 平原 盆地 溪流 水库 堤坝 海塘 盐场
渔场 茶园 竹林 桑园 稻田 梯田 果园 林场 工厂 车间 作坊 仓库 商铺 钱庄 银行 邮局 学校 夜校 书院
祠堂 庙宇 会馆 医院 卫生院 供销社 合作社 生产队 公社 乡政府 居委会 商会 工会 青年团 妇联 侨联
渔民 农民 工人 茶农 蚕农 盐民 船工 商人 侨胞 学徒 匠人 教师 学生 医生 干部 知青 垦荒队员 志愿者
老人 青年 妇女 儿童 家庭 家族 乡亲 移民 华侨 创业者 企业家 收藏家 研究者 档案员 编研人员
丝绸 茶叶 瓷器 青瓷 竹编 木雕 石雕 剪纸 刺绣 织带 纸伞 黄酒 火腿 海盐 柑橘 杨梅 毛笔 宣纸
轮船 帆船 渔船 汽车 火车 铁路 公路 桥梁 电报 电话 广播 电影 报纸 杂志 课本 教材 算盘
历史 记忆 乡愁 传统 风俗 习俗 节日 方言 歌谣 民歌 戏曲 越剧 婺剧 绍剧 评话 故事 传说
精神 信念 理想 责任 荣誉 友谊 亲情 乡情 经验 做法 办法 制度 规矩 标准 计划 方案 政策 改革
""".split()
VERBS = """
记录 保存 整理 收集 征集 捐赠 移交 接收 修复 装裱 扫描 数字化 编目 著录 鉴定 开放 利用 查阅
研究 编纂 编研 出版 展览 陈列 讲述 回忆 采访 口述 拍摄 寻访 考证 核实 比对 发现 找到 见证
建设 发展 开垦 垦荒 迁移 重建 修建 创办 开办 经营 生产 运输 贸易 交流 合作 互助 传承 保护
纪念 缅怀 学习 教育 宣传 推广 组织 动员 参加 支援 坚持 克服 改变 推动 促进 服务 帮助
""".split()
ADJECTIVES = """
珍贵 完整 详细 清楚 模糊 泛黄 残缺 罕见 普通 真实 生动 朴素 艰苦 热闹 安静 繁忙 偏远
古老 崭新 重要 特别 难忘 深刻 宝贵 丰富 零散 系统 独特 鲜活 厚重 温暖
""".split()
TIME_WORDS = """
当年 那时 后来 此后 如今 今天 多年后 几十年来 二十世纪 上世纪 解放初期 改革开放以后 新世纪以来
清末 民国时期 抗战期间 五十年代 六十年代 七十年代 八十年代 九十年代 春天 夏天 秋天 冬天 清晨 傍晚
""".split()
FUNCTION = "的 的 的 的 了 了 在 是 和 与 把 被 从 向 对 为 也 都 还 就 又 才 曾 已 将 这 那 些 个 位 份 件 张 本".split()
THIS = "这份 这批 这张 这本 这封 这卷 这组 这些 这段 这件".split()
MEASURES = "一份 一批 一张 一本 一封 一卷 几份 数十件 上百件 数千件 三册 两箱 一组".split()
CONNECTIVES = "因此 于是 同时 此外 不过 然而 后来 最终 尤其 特别是 换句话说 据记载 据回忆 据考证".split()

SURNAMES = "陈 王 张 李 刘 杨 黄 吴 赵 周 徐 孙 朱 胡 林 郑 何 钱 沈 蒋 叶 方 潘 金 应 楼 俞 袁 邵 竺 童 毛 夏 姚 陆 戴 严 邱 章 葛".split()
GIVEN = ("国 华 明 建 军 文 平 志 伟 强 芳 英 秀 兰 梅 丽 红 云 海 林 波 涛 峰 德 福 荣 庆 祥 春 秋 宗 楣 "
         "洁 敏 静 燕 萍 霞 鹏 飞 宏 伦 达 昌 盛 岳 阳 勤 俭 耕 读 锦 绣 淑 慧 贤 良 忠 信 孝 义").split()

# Places inside Zhejiang with their (approximate) WGS 84 coordinates: counties and towns.
ZHEJIANG = {
    "杭州": (30.27, 120.15), "宁波": (29.87, 121.55), "温州": (28.00, 120.70), "绍兴": (30.00, 120.58),
    "湖州": (30.87, 120.09), "嘉兴": (30.75, 120.76), "金华": (29.08, 119.65), "衢州": (28.97, 118.87),
    "舟山": (30.02, 122.10), "台州": (28.66, 121.42), "丽水": (28.45, 119.92), "余杭": (30.42, 120.30),
    "萧山": (30.16, 120.26), "富阳": (30.05, 119.96), "临安": (30.23, 119.72), "桐庐": (29.80, 119.69),
    "淳安": (29.61, 119.04), "建德": (29.47, 119.28), "余姚": (30.04, 121.15), "慈溪": (30.17, 121.27),
    "奉化": (29.66, 121.41), "象山": (29.48, 121.87), "宁海": (29.29, 121.43), "瑞安": (27.78, 120.65),
    "乐清": (28.11, 120.96), "永嘉": (28.15, 120.69), "平阳": (27.66, 120.57), "苍南": (27.52, 120.43),
    "文成": (27.79, 120.09), "泰顺": (27.56, 119.72), "海宁": (30.51, 120.68), "平湖": (30.70, 121.02),
    "桐乡": (30.63, 120.57), "嘉善": (30.83, 120.93), "海盐": (30.53, 120.95), "德清": (30.54, 119.98),
    "长兴": (31.01, 119.91), "安吉": (30.64, 119.68), "上虞": (30.03, 120.87), "诸暨": (29.71, 120.24),
    "嵊州": (29.59, 120.82), "新昌": (29.50, 120.90), "兰溪": (29.21, 119.46), "义乌": (29.31, 120.08),
    "东阳": (29.29, 120.24), "永康": (28.89, 120.05), "浦江": (29.45, 119.89), "武义": (28.89, 119.82),
    "磐安": (29.05, 120.45), "江山": (28.74, 118.63), "常山": (28.90, 118.51), "开化": (29.14, 118.41),
    "龙游": (29.03, 119.17), "岱山": (30.25, 122.20), "嵊泗": (30.73, 122.45), "临海": (28.86, 121.14),
    "温岭": (28.37, 121.39), "玉环": (28.14, 121.23), "天台": (29.14, 121.01), "仙居": (28.85, 120.73),
    "三门": (29.10, 121.38), "大陈岛": (28.45, 121.88), "龙泉": (28.07, 119.14), "青田": (28.14, 120.29),
    "缙云": (28.66, 120.09), "遂昌": (28.59, 119.28), "松阳": (28.45, 119.48), "云和": (28.12, 119.57),
    "庆元": (27.62, 119.06), "景宁": (27.97, 119.64), "乌镇": (30.74, 120.49), "西塘": (30.94, 120.89),
    "南浔": (30.87, 120.42), "石浦": (29.20, 121.95), "沈家门": (29.95, 122.30), "楠溪江": (28.30, 120.70),
}
ELSEWHERE = "上海 南京 苏州 北京 广州 福州 厦门 武汉 香港 新加坡 东京 巴黎 纽约 旧金山 约翰内斯堡".split()
TOWN_SUFFIXES = "镇 乡 村 街 桥 埠 湾 岙 坑 岭".split()
PUBLISHERS = ("浙江日报 潮新闻（浙江在线） 中国档案报 浙江档案 钱江晚报 宁波日报 温州日报 台州日报 绍兴日报 "
              "浙江人民出版社 浙江古籍出版社 中国档案出版社").split()
ITEM_TYPES = "文书 照片 照片 账簿 书信 报刊 实物 口述 图书 地图 证书".split()
TAGS = """
档案征集 口述历史 编研 红色档案 乡村记忆 城市记忆 海洋文化 渔业 农业 手工业 民营经济 侨乡 教育 医疗
交通 水利 商贸 丝绸 茶文化 非遗 民俗 方言 戏曲 家风 家谱 老字号 垦荒精神 移民 改革开放 共同富裕
抗战 解放 土地改革 合作化 知青 乡镇企业 义乌小商品 围垦 海塘 古村落 古桥 古道 书院 名人 华侨 志愿服务
""".split()
CATEGORIES = (("governance", "资政有为", "档案服务发展大局，为决策和经济发展提供支撑"),
              ("livelihood", "开放为民", "档案走近日常生活，守护民生福祉"),
              ("memory", "赓续记忆", "档案传承历史文化，汲取精神力量"))
IMAGES_PER_BRAND = 3
PUNCT_END = "。。。。！？"


# -- text -------------------------------------------------------------------------------------

class Writer:
    """Chinese prose from the word lists, with a Zipf-like choice of words."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.people = sorted({rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
                              for _ in range(3000)})
        rng.shuffle(self.people)
        self.places = list(ZHEJIANG)
        self.towns = sorted({rng.choice(self.places) + rng.choice("东南西北上下新老大小") + rng.choice(TOWN_SUFFIXES)
                             for _ in range(600)})
        words = NOUNS + VERBS + ADJECTIVES
        rng.shuffle(words)
        self.words = words
        weights = [1 / (rank + 1) ** 0.8 for rank in range(len(words))]
        self.cumulative = list(itertools.accumulate(weights))

    def word(self) -> str:
        return self.rng.choices(self.words, cum_weights=self.cumulative)[0]

    def person(self) -> str:
        return self.rng.choice(self.people[:1500] if self.rng.random() < .8 else self.people)

    def place(self) -> str:
        return self.rng.choice(self.places if self.rng.random() < .6 else self.towns)

    def clause(self) -> str:
        rng = self.rng
        pick = rng.random()
        if pick < .25:
            return f"{rng.choice(TIME_WORDS)}，{self.person()}在{self.place()}{rng.choice(VERBS)}了{rng.choice(MEASURES)}{self.word()}"
        if pick < .45:
            return f"{self.word()}{rng.choice(FUNCTION)}{self.word()}{rng.choice(VERBS)}{rng.choice(NOUNS)}"
        if pick < .6:
            return f"{rng.choice(CONNECTIVES)}，{rng.choice(THIS)}{rng.choice(ADJECTIVES)}的{rng.choice(NOUNS)}{rng.choice(FUNCTION)}{self.word()}"
        if pick < .75:
            return f"{self.place()}的{rng.choice(NOUNS)}和{rng.choice(NOUNS)}{rng.choice(VERBS)}{self.word()}{self.word()}"
        return "".join(self.word() + (rng.choice(FUNCTION) if rng.random() < .4 else "") for _ in range(rng.randint(3, 6)))

    def sentence(self) -> str:
        parts = [self.clause() for _ in range(self.rng.randint(1, 3))]
        return "，".join(parts) + self.rng.choice(PUNCT_END)

    def paragraph(self, chars: int) -> str:
        out = ""
        while len(out) < chars:
            out += self.sentence()
        return out

    def title(self) -> str:
        rng = self.rng
        forms = (lambda: f"{self.place()}的{rng.choice(NOUNS)}", lambda: f"{self.person()}和{rng.choice(NOUNS)}",
                 lambda: f"{rng.choice(VERBS)}{rng.choice(NOUNS)}的{rng.choice(TIME_WORDS)}",
                 lambda: f"{rng.choice(MEASURES[:6])}{rng.choice(ADJECTIVES)}的{rng.choice(NOUNS)}")
        return rng.choice(forms)()


def _year(rng: random.Random) -> int:
    return rng.randint(1900, 2020)


def _edtf(rng: random.Random) -> str:
    year = _year(rng)
    form = rng.random()
    if form < .4:
        return str(year)
    if form < .65:
        return f"{year}-{rng.randint(1, 12):02d}"
    if form < .8:
        return f"{year}/{min(2023, year + rng.randint(1, 8))}"
    if form < .9:
        return f"{year}~"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- images -----------------------------------------------------------------------------------

def write_photo(path: Path, rng: random.Random) -> None:
    """An 800×600 JPEG: a coloured gradient under upscaled noise, like a faded photograph."""
    from PIL import Image
    width, height = 800, 600
    small = Image.frombytes("RGB", (40, 30), rng.randbytes(40 * 30 * 3)).resize((width, height), Image.Resampling.BICUBIC)
    ramp = Image.linear_gradient("L").resize((width, height))
    tone = tuple(rng.randint(90, 200) for _ in range(3))
    paper = Image.merge("RGB", [ramp.point(lambda v, t=t: t + (v - 128) // 3) for t in tone])
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.blend(paper, small, .35).save(path, "JPEG", quality=82)


# -- the project ------------------------------------------------------------------------------

@dataclass
class StoryText:
    """What the Material side needs of a story: where it goes, its title and Markdown body."""
    brand_id: str
    story_id: str
    title: str
    body: str


@dataclass
class Exhibition:
    config: Path                            # the Lantai project's mkdocs.yml
    brands: dict[str, tuple[str, str]]      # brand id -> (name, description)
    stories: list[StoryText] = field(default_factory=list)
    items: int = 0
    images: int = 0


def brand_id_of(index: int) -> str:
    return f"brand-{index:03d}"


def story_id_of(index: int) -> str:
    return f"story-{index:05d}"


def write_project(folder: Path, stories: int, per_brand: int = 50, seed: int = 1) -> Path:
    """Write a Lantai project of `stories` stories into `folder`; returns its mkdocs.yml."""
    return write_exhibition(folder, stories, per_brand, seed).config


def write_exhibition(folder: Path, stories: int, per_brand: int = 50, seed: int = 1) -> Exhibition:
    rng = random.Random(seed)
    writer = Writer(rng)
    (folder / "brands").mkdir(parents=True, exist_ok=True)
    (folder / "content").mkdir(parents=True, exist_ok=True)
    categories = "\n".join(f"        - {{id: {cid}, name: {name}, description: {text}}}" for cid, name, text in CATEGORIES)
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: 档案里的浙江 · 合成展览\nsite_description: 用于性能基准的合成档案展览\ndocs_dir: content\n"
        "theme:\n  name: material\n  language: zh\nplugins:\n  - lantai:\n      subtitle: 合成档案展览\n"
        f"      code_kind: exhibition\n      categories:\n{categories}\n", encoding="utf-8")
    (folder / "content" / "about.md").write_text(
        "---\ntitle: 关于本展\n---\n\n# 关于本展\n\n" + writer.paragraph(200) + "\n", encoding="utf-8")
    count = max(1, -(-stories // per_brand))
    exhibition = Exhibition(config, {})
    for b in range(count):
        brand_id = brand_id_of(b)
        place = rng.choice(writer.places)
        name = f"{place}{rng.choice(NOUNS)}{rng.choice(('记忆', '档案', '故事', '印记', '见证'))}{b}"
        description = writer.paragraph(150) + "\n\n" + writer.paragraph(150)
        lat, lon = ZHEJIANG[place]
        exhibition.brands[brand_id] = (name, description)
        (folder / "brands" / f"{brand_id}.yml").write_text(
            f"name: {_q(name)}\narchives: [{_q(place + '市档案馆')}, {_q(place + rng.choice(TOWN_SUFFIXES[:2]) + '档案室')}]\n"
            f"region: {_q(place)}\ncategory: {CATEGORIES[b % 3][0]}\nsummary: {_q(writer.sentence())}\n"
            f"description: |\n" + "".join(f"  {line}\n" if line else "\n" for line in description.split("\n"))
            + f"location: [{lat}, {lon}]\ntags: [{', '.join(_q(t) for t in rng.sample(TAGS, 3))}]\nbatch: {1 + b % 3}\n"
            f"sources:\n  - title: {_q(writer.title())}\n    publisher: {_q(rng.choice(PUBLISHERS))}\n"
            f"    date: \"{rng.randint(2015, 2024)}\"\n", encoding="utf-8")
        media = folder / "content" / brand_id / "media"
        for n in range(IMAGES_PER_BRAND):
            write_photo(media / f"photo-{n + 1}.jpg", rng)
        exhibition.images += IMAGES_PER_BRAND
    for s in range(stories):
        b = s // per_brand
        brand_id, story_id = brand_id_of(b), story_id_of(s)
        text, items = _story(writer, rng, b, s, per_brand, stories)
        exhibition.items += items
        (folder / "content" / brand_id / f"{story_id}.md").write_text(text, encoding="utf-8")
        title = re.search(r'^title: "(.*)"$', text, re.M).group(1)
        body = text.split("\n---\n", 1)[1]
        exhibition.stories.append(StoryText(brand_id, story_id, title, body))
    return exhibition


def _story(writer: Writer, rng: random.Random, b: int, s: int, per_brand: int, stories: int) -> tuple[str, int]:
    """One story's file: front matter and a body of about 1,500 characters; and its item count."""
    brand_id = brand_id_of(b)
    title = f"{writer.title()}（{s}）"
    people = list(dict.fromkeys(writer.person() for _ in range(rng.randint(1, 4))))
    places = list(dict.fromkeys(writer.place() for _ in range(rng.randint(1, 3))))
    if rng.random() < .1:
        places.append(rng.choice(ELSEWHERE))
    places = [p for p in places if p not in ELSEWHERE] + [p for p in places if p in ELSEWHERE]
    meta = [f"title: {_q(title)}", f"summary: {_q(writer.sentence())}", f"date: \"{_edtf(rng)}\""]
    if rng.random() < .5:
        meta.append("events:")
        for _ in range(rng.randint(1, 2)):
            meta += [f"  - date: \"{_edtf(rng)}\"", f"    title: {_q(writer.title())}", f"    text: {_q(writer.sentence())}"]
    meta.append(f"people: [{', '.join(_q(p) for p in people)}]")
    meta.append("places:")
    for place in places:
        if place in ZHEJIANG:
            lat, lon = ZHEJIANG[place]
            meta += [f"  - name: {_q(place)}", f"    location: [{lat}, {lon}]"]
        else:
            meta.append(f"  - {_q(place)}")  # a town of the list, or a city outside Zhejiang: no map location
    meta.append(f"tags: [{', '.join(_q(t) for t in rng.sample(TAGS, rng.randint(2, 5)))}]")
    codes = []
    meta.append("items:")
    items = rng.randint(1, 3)
    for n in range(items):
        code = f"B{b:03d}-{s:05d}-{n + 1}"
        codes.append(code)
        meta += [f"  - code: {code}", f"    title: {_q(writer.title())}", f"    date: \"{_edtf(rng)}\"",
                 f"    creator: {_q(writer.person())}", f"    type: {rng.choice(ITEM_TYPES)}",
                 f"    description: {_q(writer.sentence())}"]
        if rng.random() < .6:
            photo = rng.randint(1, IMAGES_PER_BRAND)
            meta += ["    media:", f"      - file: media/photo-{photo}.jpg", f"        caption: {_q(writer.title())}"]
    first = b * per_brand
    neighbours = [i for i in range(first, min(stories, first + per_brand)) if i != s]
    if neighbours and rng.random() < .5:
        meta.append(f"related: [{brand_id}/{story_id_of(rng.choice(neighbours))}]")
    meta += ["sources:", f"  - title: {_q(writer.title())}", f"    publisher: {_q(rng.choice(PUBLISHERS))}",
             f"    date: \"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}\""]
    meta.append(f"order: {s - first + 1}")
    blocks = [writer.paragraph(260)]
    for section in range(rng.randint(2, 3)):
        blocks.append(f"## {writer.title()}")
        blocks.append(writer.paragraph(220))
        if codes:
            blocks.append(f"[[{codes.pop(0)}]]")
        blocks.append(writer.paragraph(200))
    if rng.random() < .3:
        blocks.append(f"![{writer.title()}](media/photo-{rng.randint(1, IMAGES_PER_BRAND)}.jpg)")
    if rng.random() < .3:
        blocks.append("\n".join(f"- {writer.sentence()}" for _ in range(3)))
    blocks += [f"[[{code}]]" for code in codes]
    blocks.append(writer.paragraph(120))
    return "---\n" + "\n".join(meta) + "\n---\n\n" + "\n\n".join(blocks) + "\n", items


# -- the same stories for stock Material ------------------------------------------------------

ITEM_MARKER = re.compile(r"^\[\[[^\]]+\]\]$", re.M)


def write_material_project(folder: Path, exhibition: Exhibition) -> Path:
    """The same stories as plain MkDocs + Material: front matter title only, the body's Markdown
    as written (item cards, which only Lantai knows, left out), one page per brand with its
    description, navigation from the folders with `navigation.prune`, Material's own search."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    source = exhibition.config.parent / "content"
    (docs / "index.md").write_text("# 档案里的浙江 · 合成展览\n\n用于性能基准的合成档案展览。\n", encoding="utf-8")
    for brand_id, (name, description) in exhibition.brands.items():
        (docs / brand_id / "media").mkdir(parents=True, exist_ok=True)
        (docs / brand_id / "index.md").write_text(f"---\ntitle: {_q(name)}\n---\n\n# {name}\n\n{description}\n",
                                                  encoding="utf-8")
        for photo in sorted((source / brand_id / "media").glob("*.jpg")):
            (docs / brand_id / "media" / photo.name).write_bytes(photo.read_bytes())
    for story in exhibition.stories:
        body = re.sub(r"\n{3,}", "\n\n", ITEM_MARKER.sub("", story.body))
        (docs / story.brand_id / f"{story.story_id}.md").write_text(
            f"---\ntitle: {_q(story.title)}\n---\n\n# {story.title}\n{body}", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: 档案里的浙江 · 合成展览\ndocs_dir: docs\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n  features:\n    - navigation.prune\n"
        "plugins:\n  - search\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n  - footnotes\n  - admonition\n"
        "  - toc:\n      permalink: true\n", encoding="utf-8")
    return config
