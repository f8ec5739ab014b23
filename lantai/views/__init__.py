"""Exhibition views: several ways through the same holdings, by time, place, object and subject.

The modules here turn the content model into what the pages show (timeline entries, map
places, catalogue rows, index terms, media renditions, structured data, share images);
lantai/pages lays them out. Every file of a build that is not a page comes from here: open
data as bytes (`site_files`), image renditions and share images as build-cache jobs
(`derived_files`, made in worker processes and kept between builds: lantai/build_cache.py).
Free of any engine.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..model import Project
from . import catalogue, iiif, media, oai
from .common import published_items
from .head import SITE_SHARE

if TYPE_CHECKING:
    from ..build_cache import Job
    from ..pages.page import Page


def site_files(project: Project, pages: list["Page"], day: date) -> dict[str, bytes]:
    """The generated files made as the build goes: open data and the OAI-PMH static repository,
    whose records are datestamped `day` (the build's reproducible date, given by the engine)."""
    from ..exports import export_files
    files = export_files(project)
    files.update(catalogue.part_files(project))    # the catalogue's rows by page, for its filters
    files.update(oai.site_file(project, day))      # for union catalogues' harvesters
    files.update(iiif.site_files(project))          # image services' info.json, manifests, collections
    return files


def derived_files(project: Project, pages: list["Page"]) -> list["Job"]:
    """The files that take long to make: image renditions, IIIF tiles and share images, one job each."""
    from ..build_cache import Job
    pictures = [pic for item in published_items(project) for m in item.media if (pic := media.picture(project, m))]
    pictures += [image.picture for story in sorted(project.stories.values(), key=lambda s: s.key)
                 for image in media.text_images(project, story.body, (project.root / story.path).parent)]
    jobs, seen = [], set()
    for pic in pictures:
        job = media.picture_job(pic)
        if job.outputs[0] not in seen:   # one photograph shown by several items
            seen.add(job.outputs[0])
            jobs.append(job)
    jobs += iiif.jobs(project)    # every item scan cut into IIIF tiles
    language, site_name = project.language, project.settings.site_name
    jobs.append(Job((SITE_SHARE,), "share", ("site", site_name, project.settings.subtitle or "", site_name, "", language)))
    shared = {SITE_SHARE}
    for page in pages:
        spec = page.share
        if spec is not None and spec.drawn and spec.path not in shared:
            shared.add(spec.path)
            jobs.append(Job((spec.path,), "share", (spec.key, spec.title, spec.kicker, site_name, spec.group, language)))
    return jobs


__all__ = ["derived_files", "site_files"]
