"""The exhibition's settings, with the defaults that let a five-line mkdocs.yml build."""

from __future__ import annotations

from ..filing import normalise
from ..model import DEFAULT_ASSETS, Admin, Category, Settings, Translation
from ..problems import is_chinese

# The three sections of the 浙档精品 report; any project may declare its own instead.
DEFAULT_CATEGORIES = [
    ("governance", "Informing governance", "资政有为",
     "Records that inform decisions and serve development", "档案资政，服务发展大局"),
    ("livelihood", "Open to the people", "开放为民",
     "Records that serve people's daily lives", "开放档案，守护民生福祉"),
    ("memory", "Continuing memory", "赓续记忆",
     "Records that carry history and culture forward", "赓续记忆，汲取精神力量"),
]


def default_categories(language: str) -> list[Category]:
    zh = is_chinese(language)
    return [Category(cid, zh_name if zh else en_name, zh_text if zh else en_text)
            for cid, en_name, zh_name, en_text, zh_text in DEFAULT_CATEGORIES]


def read_category(entry: dict) -> Category:
    """One declared category. In a one-line YAML mapping such as
    `{id: trade, name: Trade, description: Ships, goods and the people who moved them}`
    the commas split the description into extra keys without values; they are joined
    back, since that is what the editor wrote (and what CONTENT-FORMAT.md shows)."""
    known = {"id": "", "name": "", "description": ""}
    translations: dict[str, dict[str, str]] = {}
    last = None
    for key, value in entry.items():
        field_name, _, language = str(key).partition("_")
        if language and field_name in ("name", "description") and value is not None:  # name_en
            translations.setdefault(language, {})[field_name] = str(value)
        elif key in known:
            known[key] = "" if value is None else str(value)
            last = key
        elif value is None and last:
            known[last] = f"{known[last]}, {key}"
    return Category(known["id"], known["name"] or known["id"], known["description"], translations)


def read_translations(value: object) -> list[Translation]:
    """The `translations` option: `[en]` or `{en: {site_name, subtitle, site_description}}`.
    What is not a language code is kept as written, for check_settings to report."""
    entries = value.items() if isinstance(value, dict) else ((code, None) for code in value or [])
    out = []
    for code, words in entries:
        words = words if isinstance(words, dict) else {}
        out.append(Translation(str(code), str(words.get("site_name") or ""), str(words.get("subtitle") or ""),
                               str(words.get("site_description") or "")))
    return out


def make_settings(site_name: str, language: str | None, options: dict, site_url: str | None = None,
                  admin_repo: str = "") -> Settings:
    """Settings from the plugin's options."""
    language = language or "zh"
    categories = [read_category(c) for c in options.get("categories") or []] or default_categories(language)
    return Settings(site_name=site_name, language=language, subtitle=options.get("subtitle") or "",
                    categories=categories, featured=list(options.get("featured") or []),
                    code_kind=str(options.get("code_kind") or "identifier"),
                    raw_html=str(options.get("raw_html") or "sanitise"),
                    image_metadata=str(options.get("image_metadata") or "strip"),
                    page_size=max(0, int(options.get("page_size") or 0)),
                    contact_email=str(options.get("contact_email") or "").strip(),
                    oai_gateway=str(options.get("oai_gateway") or "").strip(),
                    icp_filing=normalise(options.get("icp_filing")),
                    police_filing=normalise(options.get("police_filing")),
                    assets=[str(a) for a in (options["assets"] if options.get("assets") is not None
                                             else DEFAULT_ASSETS)],
                    catalogue=str(options.get("catalogue") or "catalogue"),
                    catalogue_columns=_mapping(options.get("catalogue_columns")),
                    catalogue_brand=str(options.get("catalogue_brand") or ""),
                    catalogue_restricted=_mapping(options.get("catalogue_restricted")),
                    translations=read_translations(options.get("translations")),
                    admin=read_admin(options.get("admin"), admin_repo),
                    site_url=site_url or "")


def read_admin(value: object, repo_from_ci: str = "") -> Admin:
    """The `admin` option: `true` (the interface in the preview only), or a mapping with
    its backend. A repository not written there comes from CI (LANTAI_ADMIN_REPO)."""
    if value is None or value is False:
        return Admin()
    if value is True:
        return Admin(enabled=True, repo=repo_from_ci)
    if not isinstance(value, dict):
        return Admin(enabled=True, unknown=(repr(value),))
    known = {f for f in Admin.__dataclass_fields__ if f not in ("enabled", "unknown")}
    words = {key: str(value[key]).strip() for key in known if value.get(key) is not None}
    words.setdefault("repo", repo_from_ci)
    return Admin(enabled=value.get("enabled", True) is not False, **words,
                 unknown=tuple(sorted(str(key) for key in value if key not in known and key != "enabled")))


def _mapping(value: object) -> dict:
    """A mapping option as written; anything else is kept for check_settings to report."""
    if value is None:
        return {}
    return dict(value) if isinstance(value, dict) else {None: value}
