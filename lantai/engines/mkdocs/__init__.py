"""The MkDocs engine: the only code in Lantai that imports MkDocs or knows Material's markup.

The seam, which a second engine (Zensical, say) implements in a folder of its own:

1. Settings. The engine reads its configuration file and gives Lantai the exhibition's
   settings (`lantai.reading.settings.make_settings`: site name, language, the `lantai`
   options, the site's address) and the folder holding the project.
2. Reading and checking. `lantai.reading.project.read_project` reads the project and
   `lantai.checking.check` adds every other problem. Any error stops the build before a
   file is written (`lantai.problems.format_report` says what and where); warnings are shown.
3. Planning. `lantai.drafts.published` removes drafts (a preview keeps them), then
   `lantai.pages.plan` lists every page: kind, address (directory URLs), title,
   description, what it hides of the frame (`navigation`, `toc`), whether it is a draft.
   Free pages written by editors are among them: the engine publishes no Markdown file of
   its own from the content folder.
4. Rendering. For each page, `lantai.pages.render` gives the finished article (HTML), its
   table of contents (Python-Markdown toc tokens), its Open Graph tags and the search marks.
   The engine puts them in its frame: the article inside an element carrying
   `data-pagefind-body` when the page has marks, the marks at its end, the tags in <head>.
   It never edits the HTML it is given.
5. Files. `lantai.publishing.files.published_files` names the editors' files to publish
   (nothing else of the content folder is), `lantai.publishing.cleaning.published_bytes`
   the bytes to publish them with; `lantai.views.site_files` gives the generated open data;
   `lantai.views.derived_files` the image renditions and share images, as jobs for the
   build cache (`lantai.build_cache.BuildCache.start` before the pages are rendered, so
   worker processes make them meanwhile); the theme's assets are themes/lantai/assets.
6. After writing. `Making.place(site_dir)` copies the cached files into the site, then
   `lantai.search.index.build_index(site_dir, kept)` indexes the written site, from the
   indexer's page copies kept by the last build (`lantai.search.copies`).

The frame itself (header with Lantai's search box, 404 page) is in theme/, as overrides
of Material's templates.
"""

from .plugin import LantaiPlugin

__all__ = ["LantaiPlugin"]
