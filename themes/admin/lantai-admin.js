// The editing interface (/admin/): Decap CMS as vendored, with these changes only.
//
// Text opens in Markdown, not in Decap's rich-text editor, which rewrites Markdown it does
// not know (an item's [[CODE]] mark, attribute lists) when it saves. An editor who switches
// to rich text keeps that choice: Decap remembers it under the same key.
try {
  if (localStorage.getItem("cms.md-mode") === null) localStorage.setItem("cms.md-mode", "raw");
} catch (error) { /* storage switched off: Decap's own default */ }
//
// Decap's media library shows each image as a thumbnail without alternative text, its file
// name printed beneath it; a screen reader then reads the image's address. The thumbnails
// are marked decorative (alt=""), so the name beneath is what is read. Images Decap gives
// an alt of its own keep it. tests/test_admin.py runs axe on the media library.
(function () {
  function mark(root) {
    root.querySelectorAll("img:not([alt])").forEach(function (image) { image.setAttribute("alt", ""); });
  }
  new MutationObserver(function () { mark(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
})();
