"""The filing numbers a site hosted in mainland China must show: ICP 备案 and 公安备案.

A site on a server in the mainland shows its ICP filing number (ICP备案号), linked to the
MIIT's filing site, and its public-security filing number (公安机关互联网站安全备案号) with the
filing emblem, linked to its record at the Ministry of Public Security's filing site. Both are
settings (`icp_filing`, `police_filing`), checked here against the forms the filing systems
issue, and printed in every page's footer (the engine's copyright partial).

The emblem is served from the site itself. Lantai draws its own plain badge
(themes/lantai/assets/lantai/filing-badge.svg); an archive that has the emblem file the filing
system issues puts it at `content/assets/gongan-emblem.png` and the footer shows that instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# 浙ICP备12345678号, with -1 … for a further site of the same filing; 京ICP证030173号 for a licence
ICP = re.compile(rf"^[{PROVINCES}]ICP[备证]\d{{6,10}}号(?:-\d{{1,3}})?$")
# 浙公网安备 33010602011771号 (the space is optional, as the system prints it either way)
POLICE = re.compile(rf"^[{PROVINCES}]公网安备 ?(\d{{14}})号$")
ICP_SITE = "https://beian.miit.gov.cn/"
POLICE_SITE = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"
OWN_EMBLEM = "assets/gongan-emblem.png"        # below the content folder, published with assets/
BADGE = "assets/lantai/filing-badge.svg"


@dataclass(frozen=True)
class Filing:
    kind: str        # icp or police
    text: str        # the number as the filing system issued it
    href: str        # its record
    emblem: str      # site path of the emblem shown before it ("" for none)


def normalise(value: object) -> str:
    """A number as an editor may paste it: full-width digits and spaces made plain."""
    text = str(value or "").strip()
    text = text.translate({0x3000: " ", **{0xFF10 + n: str(n) for n in range(10)}})
    return re.sub(r"\s+", " ", text)


def icp_ok(text: str) -> bool:
    return bool(ICP.match(text))


def police_ok(text: str) -> bool:
    return bool(POLICE.match(text))


def filings(icp: str, police: str, content_dir: Path) -> list[Filing]:
    """What the footer shows, in the order the rules list them; nothing for an unset or
    malformed number (check reports that one)."""
    out = []
    if icp and icp_ok(icp):
        out.append(Filing("icp", icp, ICP_SITE, ""))
    match = POLICE.match(police) if police else None
    if match:
        emblem = OWN_EMBLEM if (content_dir / OWN_EMBLEM).is_file() else BADGE
        out.append(Filing("police", police, POLICE_SITE.format(code=match.group(1)), emblem))
    return out
