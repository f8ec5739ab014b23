"""Synthetic exhibitions for benchmarks: N Chinese stories of about 1,500 characters.

Deterministic (seeded), so figures from two runs compare. Used by the benchmarks under
bench/; writes an ordinary Lantai project folder that `build.py build -f` builds.
"""

from __future__ import annotations

import random
from pathlib import Path

# Common characters and words, so that text segments like real Chinese prose.
WORDS = ("档案 历史 记忆 文献 收藏 整理 保护 利用 研究 编研 征集 口述 影像 照片 文书 手稿 书信 报刊 "
         "乡村 城市 海岛 港口 工厂 学校 商会 企业 家庭 青年 工人 农民 渔民 教师 学生 干部 "
         "浙江 杭州 宁波 温州 绍兴 台州 舟山 金华 衢州 丽水 湖州 嘉兴 "
         "建设 发展 改革 开放 垦荒 迁移 重建 纪念 传承 保存 展览 讲述 发现 见证").split()
PUNCT = "，，，。。、；"


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]
    text = ""
    for index, word in enumerate(words):
        text += word
        if index and index % rng.randint(3, 5) == 0:
            text += rng.choice("，、")
    return text.rstrip("，、") + "。"


def paragraph(rng: random.Random, chars: int) -> str:
    out = ""
    while len(out) < chars:
        out += sentence(rng)
    return out


def write_project(folder: Path, stories: int, per_brand: int = 100, seed: int = 1) -> Path:
    """Write a project of `stories` stories; returns its mkdocs.yml."""
    rng = random.Random(seed)
    (folder / "brands").mkdir(parents=True, exist_ok=True)
    (folder / "content").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(
        "site_name: 合成展览\ntheme:\n  name: material\n  language: zh\nplugins:\n  - lantai\n", encoding="utf-8")
    brands = max(1, -(-stories // per_brand))
    categories = ["governance", "livelihood", "memory"]
    for b in range(brands):
        brand_id = f"brand-{b:03d}"
        (folder / "brands" / f"{brand_id}.yml").write_text(
            f"name: 合成品牌{b}号{rng.choice(WORDS)}\narchives: [第{b}档案馆]\nregion: {rng.choice(WORDS)}市\n"
            f"category: {categories[b % 3]}\nsummary: {sentence(rng)}\n", encoding="utf-8")
        (folder / "content" / brand_id).mkdir(exist_ok=True)
    for s in range(stories):
        brand_id = f"brand-{s // per_brand:03d}"
        body = "\n\n".join(paragraph(rng, 300) for _ in range(5))
        (folder / "content" / brand_id / f"story-{s:05d}.md").write_text(
            f"---\ntitle: {rng.choice(WORDS)}{rng.choice(WORDS)}的故事{s}\nsummary: {sentence(rng)}\n"
            f"date: {1900 + rng.randint(0, 120)}\ntags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\n---\n\n{body}\n",
            encoding="utf-8")
    return folder / "mkdocs.yml"
