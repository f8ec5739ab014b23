"""Exhibition views: several ways through the same holdings, by time, place, object and subject.

The modules here turn the content model into what the pages show (timeline entries, map
places, catalogue rows, index terms, media renditions, structured data, share images);
lantai/pages lays them out. `site_files` gives every file of a build that is not a page
(open data, image renditions, share images). Free of any engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Project
from . import catalogue, media, share
from .common import published_items
from .head import SITE_SHARE

if TYPE_CHECKING:
    from ..pages.page import Page


def site_files(project: Project, pages: list["Page"]) -> dict[str, bytes]:
    """Every generated file that is not a page: open data, image renditions, share images."""
    from ..exports import export_files
    files = export_files(project)
    files.update(catalogue.part_files(project))    # the catalogue's rows by page, for its filters
    pictures = [pic for item in published_items(project) for m in item.media if (pic := media.picture(project, m))]
    pictures += [image.picture for story in sorted(project.stories.values(), key=lambda s: s.key)
                 for image in media.text_images(project, story.body, (project.root / story.path).parent)]
    files.update(media.render_files(pictures))
    language = project.language
    files[SITE_SHARE] = share.share_image("site", project.settings.site_name, project.settings.subtitle or "",
                                          project.settings.site_name, "", language)
    for page in pages:
        spec = page.share
        if spec is not None and spec.drawn and spec.path not in files:
            files[spec.path] = share.share_image(spec.key, spec.title, spec.kicker, project.settings.site_name,
                                                 spec.group, language)
    return files


__all__ = ["site_files"]
