/* Deep zoom on item pages, with OpenSeadragon (vendor/openseadragon, copied from npm by
   scripts/vendor-viewer). The mark-up is deep_zoom's in view_macros.html: a hidden frame with
   the viewer's buttons, and the item's figures; each image figure names its static IIIF Image
   API 3 service by the address of its info.json, relative to the page (data-lt-iiif). The
   image figures become the pages of one viewer, in order, and are hidden on screen; without
   JavaScript, or should OpenSeadragon not load, they stay as they are.

   The info.json's own "id" is absolute, from the site's address (or a placeholder), so it is
   not trusted: the service's address is where its info.json was fetched from. A local
   preview, a site under a sub-path and a test server on 127.0.0.1 all work that way, and no
   tile is asked of another host. Should an info.json not load, the page's largest rendition
   (the figure's own link) is shown instead, still zoomable. */
(function () {
  "use strict";

  function still() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function pageOf(figure) {
    var image = figure.querySelector("img");
    var caption = figure.querySelector("figcaption");
    var link = figure.querySelector("a[href]");
    return {
      figure: figure,
      info: new URL(figure.getAttribute("data-lt-iiif"), document.baseURI).href,
      alt: image ? image.getAttribute("alt") || "" : "",
      caption: caption ? caption.textContent.trim() : "",
      image: link ? new URL(link.getAttribute("href"), document.baseURI).href : image && image.currentSrc,
      source: null
    };
  }

  /* The page's tile source: its info.json with the service's address set from where it was
     fetched (OpenSeadragon reads "@id" before "id", so both are set when present). */
  function tileSource(page) {
    if (!page.source) {
      page.source = fetch(page.info, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + page.info);
        return response.json();
      }).then(function (info) {
        var service = page.info.replace(/\/info\.json$/, "");
        info.id = service;
        if ("@id" in info) info["@id"] = service;
        return info;
      }).catch(function () {
        return { type: "image", url: page.image };
      });
    }
    return page.source;
  }

  function setUp(root) {
    var frame = root.querySelector("[data-lt-viewer-frame]");
    var stage = root.querySelector("[data-lt-viewer-stage]");
    var figures = Array.prototype.slice.call(root.querySelectorAll("figure[data-lt-iiif]"));
    if (!frame || !stage || !figures.length || typeof window.OpenSeadragon !== "function") return;
    var pages = figures.map(pageOf);
    var where = frame.querySelector("[data-lt-viewer-where]");
    var caption = frame.querySelector("[data-lt-viewer-caption]");
    var buttons = {};
    Array.prototype.forEach.call(frame.querySelectorAll("[data-lt-viewer-do]"), function (button) {
      buttons[button.getAttribute("data-lt-viewer-do")] = button;
    });
    var calm = still();
    var viewer = window.OpenSeadragon({
      element: stage,
      // The buttons are the frame's own (labelled in the site's language); none of
      // OpenSeadragon's images is asked for.
      showNavigationControl: false,
      showSequenceControl: false,
      prefixUrl: "",
      visibilityRatio: 0.5,
      constrainDuringPan: true,
      maxZoomPixelRatio: 2,
      // Reduced motion: zoom and pan jump to where they go, and a flick does not glide on.
      animationTime: calm ? 0 : 0.8,
      blendTime: calm ? 0 : 0.1,
      gestureSettingsTouch: { pinchRotate: false, flickEnabled: !calm },
      gestureSettingsMouse: { flickEnabled: false }
    });
    frame.ltViewer = viewer;   // for the page's other scripts, and the tests
    var canvas = viewer.canvas;
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-describedby", "lt-viewer-keys");
    var current = -1;

    function show(index) {
      if (index < 0 || index >= pages.length || index === current) return;
      current = index;
      var page = pages[index];
      canvas.setAttribute("aria-label", (stage.getAttribute("data-label") || "{alt}").replace("{alt}", page.alt));
      if (where) {
        where.textContent = (where.getAttribute("data-label") || "{n} / {count}")
          .replace("{n}", index + 1).replace("{count}", pages.length);
      }
      if (caption) caption.textContent = page.caption;
      if (buttons.previous) buttons.previous.setAttribute("aria-disabled", String(index === 0));
      if (buttons.next) buttons.next.setAttribute("aria-disabled", String(index === pages.length - 1));
      frame.setAttribute("data-lt-viewer-page", String(index + 1));
      frame.removeAttribute("data-lt-viewer-ready");
      tileSource(page).then(function (source) {
        if (current === index) viewer.open(source);
      });
    }

    viewer.addHandler("open", function () {
      frame.setAttribute("data-lt-viewer-ready", String(current + 1));
    });
    viewer.addHandler("open-failed", function () {
      var page = pages[current];
      if (page && page.image && !page.fellBack) {
        page.fellBack = true;
        page.source = Promise.resolve({ type: "image", url: page.image });
        viewer.open({ type: "image", url: page.image });
      }
    });

    function zoom(factor) {
      viewer.viewport.zoomBy(factor);
      viewer.viewport.applyConstraints();
    }

    /* Full screen holds the whole frame, buttons included. Without the Fullscreen API for
       elements, the frame covers the window until pressed again or Escape. */
    function full() {
      return document.fullscreenElement === frame || frame.classList.contains("lt-viewer__frame--cover");
    }
    function setFull(on) {
      if (on === full()) return;
      if (frame.requestFullscreen && document.fullscreenEnabled !== false) {
        if (on) frame.requestFullscreen().catch(function () { cover(true); });
        else if (document.fullscreenElement === frame) document.exitFullscreen();
        else cover(false);
      } else {
        cover(on);
      }
    }
    function cover(on) {
      frame.classList.toggle("lt-viewer__frame--cover", on);
      pressed();
    }
    function pressed() {
      if (buttons["full-screen"]) buttons["full-screen"].setAttribute("aria-pressed", String(full()));
    }
    document.addEventListener("fullscreenchange", pressed);

    var actions = {
      "zoom-in": function () { zoom(1.5); },
      "zoom-out": function () { zoom(1 / 1.5); },
      // Fitting the page also undoes a turn (R), which a visitor may have pressed by chance.
      "home": function () { viewer.viewport.setRotation(0); viewer.viewport.goHome(); },
      "full-screen": function () { setFull(!full()); },
      "previous": function () { show(current - 1); },
      "next": function () { show(current + 1); }
    };
    frame.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-lt-viewer-do]");
      if (!button || button.getAttribute("aria-disabled") === "true") return;
      actions[button.getAttribute("data-lt-viewer-do")]();
    });

    /* Keys on the image, besides OpenSeadragon's own (arrows and WASD move, = and − zoom,
       0 fits, R turns): Page Up / Page Down (and J / K) turn the pages, + and − zoom on any
       keyboard layout and the number pad, F is full screen (OpenSeadragon would flip the
       scan, which no reader of a document wants), Escape leaves the covering frame. */
    viewer.addHandler("canvas-key", function (event) {
      var key = event.originalEvent;
      if (key.type !== "keydown" || key.ctrlKey || key.altKey || key.metaKey) return;
      var act = null;
      if (key.key === "PageDown" || key.code === "KeyK") act = actions.next;
      else if (key.key === "PageUp" || key.code === "KeyJ") act = actions.previous;
      else if (key.code === "KeyF") act = actions["full-screen"];
      else if (key.key === "Escape" && frame.classList.contains("lt-viewer__frame--cover")) act = function () { cover(false); };
      else if ((key.key === "+" || key.key === "Add") && key.code !== "Equal") act = actions["zoom-in"];
      else if ((key.key === "-" || key.key === "Subtract") && key.code !== "Minus") act = actions["zoom-out"];
      if (!act) return;
      event.preventDefaultAction = true;
      key.preventDefault();
      act();
    });

    // On paper the figures are printed; their images must have loaded by then.
    window.addEventListener("beforeprint", function () {
      pages.forEach(function (page) {
        Array.prototype.forEach.call(page.figure.querySelectorAll("img[loading=lazy]"), function (image) {
          image.loading = "eager";
        });
      });
    });

    pages.forEach(function (page) { page.figure.classList.add("lt-media--in-viewer"); });
    frame.hidden = false;
    root.classList.add("lt-viewer--on");
    show(0);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-lt-viewer]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
