/* Lantai exhibition views: in-page filters and sorting, the image lightbox, transcripts
   that move their player. Plain script, no library; nothing is fetched but a paged
   catalogue's own rows (data/catalogue/<n>.json, from the same site) when a visitor filters. */
(function () {
  "use strict";
  var zh = /^zh/i.test(document.documentElement.lang || "");
  var words = zh ? { close: "关闭", zoomIn: "放大", zoomOut: "缩小" } : { close: "Close", zoomIn: "Zoom in", zoomOut: "Zoom out" };

  /* Filters: <form data-lt-filters="ID"> narrows the [data-lt-row] elements inside #ID. */
  function setUpFilters(form) {
    var target = document.getElementById(form.getAttribute("data-lt-filters"));
    if (!target) return;
    var rows = Array.prototype.slice.call(target.querySelectorAll("[data-lt-row]"));
    var groups = Array.prototype.slice.call(target.querySelectorAll("[data-lt-group]"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("[data-lt-select]"));
    var text = form.querySelector("[data-lt-text]");
    var count = form.querySelector("[data-lt-count]");
    var empty = target.querySelector("[data-lt-empty]") || target.parentNode.querySelector("[data-lt-empty]");
    var whole = target.hasAttribute("data-lt-part") ? wholeCatalogue(target, selects, count, empty, apply) : null;
    function apply() {
      var query = text ? text.value.trim().toLowerCase() : "";
      if (whole && whole.apply(query)) return;
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return !select.value || row.getAttribute("data-" + select.name) === select.value;
        }) && (!query || row.textContent.toLowerCase().indexOf(query) !== -1);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-lt-row]:not([hidden])");
      });
      if (empty) empty.hidden = shown !== 0;
      if (count) count.textContent = (count.getAttribute("data-label") || "{n}").replace("{n}", shown);
      if (count && whole && whole.failed() && (query || selects.some(function (s) { return s.value; }))) {
        count.textContent += " " + target.getAttribute("data-lt-failed");
      }
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* A catalogue in pages (lantai/views/paging.py) lists one page of rows; a filter searches
     all of them. The rows of every page are fetched once, on the first filter, from the
     files the table names (data-lt-part, "{n}" standing for the page); at most data-lt-limit
     matching rows are shown, and the page's own rows and pager come back when the filter is
     cleared. Should the rows not load, the filter applies to the page in view, and says so. */
  function wholeCatalogue(table, selects, count, empty, rerun) {
    var body = table.tBodies[0];
    var own = Array.prototype.slice.call(body.rows);
    var pagers = Array.prototype.slice.call(document.querySelectorAll("nav.lt-pages"));
    var root = table.getAttribute("data-lt-root") || "./";
    var limit = Number(table.getAttribute("data-lt-limit")) || 500;
    var rows = null, loading = false, failed = false, filtered = false;
    function load() {
      loading = true;
      var parts = [];
      for (var n = 1; n <= Number(table.getAttribute("data-lt-part-count")); n++) {
        parts.push(fetch(table.getAttribute("data-lt-part").replace("{n}", n)).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }));
      }
      Promise.all(parts).then(function (pages) {
        rows = [];
        pages.forEach(function (page) { rows = rows.concat(page.rows); });
        rows.forEach(function (row) {
          row.text = [row.code, row.title, row.shown, row.type, row.holder, row.brand_name].join("\n").toLowerCase();
        });
      }).catch(function () { failed = true; }).then(function () {
        loading = false;
        rerun();
      });
    }
    function cell(tr, child) {
      var td = document.createElement("td");
      if (child) td.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      tr.appendChild(td);
    }
    function element(name, text, attributes) {
      var node = document.createElement(name);
      node.textContent = text;
      Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
      return node;
    }
    function make(row) {   // the same row catalogue.html writes
      var tr = document.createElement("tr");
      tr.setAttribute("data-lt-row", "");
      [["code", row.code], ["title", row.title], ["date", row.sort], ["type", row.type], ["holder", row.holder],
       ["brand", row.brand]].forEach(function (pair) { tr.setAttribute("data-" + pair[0], pair[1]); });
      cell(tr, element("span", row.code, { "class": "lt-code" }));
      cell(tr, element("a", row.title, { href: root + row.url }));
      cell(tr, row.date ? element("time", row.shown, { datetime: row.date }) : null);
      cell(tr, row.type);
      cell(tr, row.holder);
      cell(tr, row.brand_name ? element("a", row.brand_name, { href: root + row.brand_url }) : null);
      return tr;
    }
    function show(list) {
      while (body.firstChild) body.removeChild(body.firstChild);
      list.forEach(function (tr) { body.appendChild(tr); });
      if (table.ltResort) table.ltResort();
    }
    function say(label) {
      if (count) count.textContent = label;
    }
    /* Filters the whole catalogue: true when it did, false to let the page's rows be filtered. */
    function apply(query) {
      var active = query || selects.some(function (select) { return select.value; });
      if (!active || failed) {
        if (filtered) { show(own); filtered = false; }
        pagers.forEach(function (nav) { nav.hidden = false; });
        return false;
      }
      pagers.forEach(function (nav) { nav.hidden = true; });
      if (!rows) {
        if (!loading) load();
        say(table.getAttribute("data-lt-loading"));
        return true;
      }
      var matches = rows.filter(function (row) {
        return selects.every(function (select) { return !select.value || row[select.name] === select.value; }) &&
          (!query || row.text.indexOf(query) !== -1);
      });
      show(matches.slice(0, limit).map(make));
      filtered = true;
      if (empty) empty.hidden = matches.length !== 0;
      say(matches.length > limit
        ? table.getAttribute("data-lt-first").replace("{n}", matches.length).replace("{shown}", limit)
        : (count.getAttribute("data-label") || "{n}").replace("{n}", matches.length));
      return true;
    }
    return { apply: apply, failed: function () { return failed; } };
  }

  /* Sorting: buttons [data-lt-sort=KEY] in a table[data-lt-sortable] order rows by data-KEY. */
  function setUpSorting(table) {
    var body = table.tBodies[0];
    var collator = new Intl.Collator(zh ? "zh-Hans-CN" : undefined, { numeric: true, sensitivity: "base" });
    function order(key, ascending) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var by = collator.compare(a.getAttribute("data-" + key) || "", b.getAttribute("data-" + key) || "");
        if (by === 0) by = collator.compare(a.getAttribute("data-code") || "", b.getAttribute("data-code") || "");
        return ascending ? by : -by;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    // Rows put in by a filter over the whole catalogue take the order the headers show.
    table.ltResort = function () {
      var header = table.querySelector("th[aria-sort]");
      if (header) order(header.getAttribute("data-lt-sort-key"), header.getAttribute("aria-sort") === "ascending");
    };
    table.querySelectorAll("[data-lt-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var header = button.closest("th");
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        order(button.getAttribute("data-lt-sort"), ascending);
      });
    });
  }

  /* Lightbox: a[data-lt-lightbox] opens its large image in a dialog; zoom and drag to look closer. */
  var box = null;
  function lightbox() {
    if (box) return box;
    var dialog = document.createElement("dialog");
    dialog.className = "lt-lightbox";
    dialog.innerHTML = '<div class="lt-lightbox__stage"><img class="lt-lightbox__image" alt=""></div>' +
      '<div class="lt-lightbox__bar"><button type="button" data-zoom="-1"></button>' +
      '<button type="button" data-zoom="1"></button><button type="button" data-close></button></div>';
    var image = dialog.querySelector("img");
    var stage = dialog.querySelector(".lt-lightbox__stage");
    dialog.querySelector('[data-zoom="-1"]').textContent = "−";
    dialog.querySelector('[data-zoom="-1"]').setAttribute("aria-label", words.zoomOut);
    dialog.querySelector('[data-zoom="1"]').textContent = "+";
    dialog.querySelector('[data-zoom="1"]').setAttribute("aria-label", words.zoomIn);
    dialog.querySelector("[data-close]").textContent = "×";
    dialog.querySelector("[data-close]").setAttribute("aria-label", words.close);
    var state = { scale: 1, x: 0, y: 0, drag: null };
    function draw() {
      image.style.transform = "translate(" + state.x + "px," + state.y + "px) scale(" + state.scale + ")";
      dialog.setAttribute("data-scale", String(state.scale));
    }
    function zoom(step) {
      state.scale = Math.min(8, Math.max(1, state.scale * (step > 0 ? 1.5 : 1 / 1.5)));
      if (state.scale === 1) { state.x = 0; state.y = 0; }
      draw();
    }
    dialog.addEventListener("click", function (event) {
      var zoomButton = event.target.closest("[data-zoom]");
      if (zoomButton) zoom(Number(zoomButton.getAttribute("data-zoom")));
      else if (event.target.closest("[data-close]") || event.target === dialog) dialog.close();
    });
    stage.addEventListener("wheel", function (event) { event.preventDefault(); zoom(event.deltaY < 0 ? 1 : -1); }, { passive: false });
    stage.addEventListener("dblclick", function () { zoom(state.scale >= 8 ? -8 : 1); });
    stage.addEventListener("pointerdown", function (event) {
      if (state.scale === 1) return;
      state.drag = { x: event.clientX - state.x, y: event.clientY - state.y };
      stage.setPointerCapture(event.pointerId);
    });
    stage.addEventListener("pointermove", function (event) {
      if (!state.drag) return;
      state.x = event.clientX - state.drag.x; state.y = event.clientY - state.drag.y; draw();
    });
    stage.addEventListener("pointerup", function () { state.drag = null; });
    dialog.addEventListener("close", function () { if (box && box.opener) box.opener.focus(); });
    document.body.appendChild(dialog);
    box = { dialog: dialog, image: image, state: state, draw: draw, opener: null };
    return box;
  }
  function openLightbox(link) {
    var view = lightbox();
    view.state.scale = 1; view.state.x = 0; view.state.y = 0; view.draw();
    view.image.src = link.getAttribute("href");
    view.image.alt = link.getAttribute("data-alt") || "";
    view.opener = link;
    if (view.dialog.showModal) view.dialog.showModal(); else view.dialog.setAttribute("open", "");
  }

  /* Transcripts: a cue's button moves its player to the cue; the cue being heard is marked. */
  function setUpTranscript(section) {
    var player = document.getElementById(section.getAttribute("data-lt-transcript"));
    if (!player) return;
    var cues = Array.prototype.slice.call(section.querySelectorAll(".lt-cue"));
    section.addEventListener("click", function (event) {
      var button = event.target.closest("[data-lt-seek]");
      if (!button) return;
      player.currentTime = Number(button.getAttribute("data-lt-seek"));
      var playing = player.play();
      if (playing && playing.catch) playing.catch(function () {});
    });
    player.addEventListener("timeupdate", function () {
      var now = player.currentTime;
      cues.forEach(function (cue) {
        var inside = now >= Number(cue.getAttribute("data-start")) && now < Number(cue.getAttribute("data-end"));
        if (inside) cue.setAttribute("aria-current", "true"); else cue.removeAttribute("aria-current");
      });
    });
  }

  function start() {
    document.querySelectorAll("form[data-lt-filters]").forEach(setUpFilters);
    document.querySelectorAll("table[data-lt-sortable]").forEach(setUpSorting);
    document.querySelectorAll("[data-lt-transcript]").forEach(setUpTranscript);
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-lt-lightbox]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      openLightbox(link);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
