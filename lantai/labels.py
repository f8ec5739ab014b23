"""Words of the exhibition's own interface, in Chinese and English, declared once."""

from __future__ import annotations

from .problems import is_chinese

LABELS: dict[str, tuple[str, str]] = {
    "home": ("Home", "首页"),
    "categories": ("Categories", "展区"),
    "category": ("Category", "展区"),
    "brands": ("Collections", "档案品牌"),
    "brand": ("Collection", "档案品牌"),
    "stories": ("Stories", "故事"),
    "story": ("Story", "故事"),
    "featured": ("Featured stories", "精选故事"),
    "items": ("Archive items", "档案条目"),
    "item": ("Archive item", "档案条目"),
    "sources": ("Sources", "资料来源"),
    "links": ("Links", "相关链接"),
    "related": ("Related", "相关内容"),
    "previous": ("Previous", "上一篇"),
    "next": ("Next", "下一篇"),
    "people": ("People", "人物"),
    "places": ("Places", "地点"),
    "tags": ("Subjects", "主题"),
    "archives": ("Holding archives", "馆藏单位"),
    "region": ("Region", "地区"),
    "batch": ("Batch", "批次"),
    "batch_n": ("Batch {n}", "第{n}批"),
    "date": ("Date", "时间"),
    "events": ("Chronology", "大事记"),
    "code": ("Reference code", "档号"),
    "title": ("Title", "题名"),
    "creator": ("Creator", "责任者"),
    "holder": ("Holder", "馆藏单位"),
    "type": ("Type", "类型"),
    "rights": ("Rights", "权利说明"),
    "description": ("Description", "描述"),
    "appears_in": ("Appears in", "出现于"),
    "read_story": ("Read the story", "阅读故事"),
    "view_brand": ("View the collection", "查看品牌"),
    "view_item": ("View the item", "查看档案"),
    "n_stories": ("{n} stories", "{n} 个故事"),
    "n_brands": ("{n} collections", "{n} 个品牌"),
    "breadcrumb": ("Breadcrumb", "面包屑导航"),
    "about_exhibition": ("About the exhibition", "关于本展"),
    "enter": ("Enter the exhibition", "进入展览"),
    "published": ("Published", "发布"),
    "no_stories": ("No stories yet.", "暂无故事。"),
    "media": ("Media", "媒体"),
    "cite": ("How to cite", "引用格式"),
    "story_of": ("A story of {brand}", "{brand}的故事"),
    "draft": ("Draft: not published", "草稿：不会发布"),
    "all_items": ("All archive items", "全部档案条目"),
}


def label(key: str, language: str, **params: object) -> str:
    english, chinese = LABELS[key]
    return (chinese if is_chinese(language) else english).format(**params)
