/*
 * Lantai search: the box in the header and the search page, on Pagefind's JS API.
 *
 * The index is the site's own (pagefind/, written at build time by lantai/search.py);
 * nothing is fetched from another host, and every address is relative to the site's
 * root, so a site served from a sub-path searches the same. Pagefind fetches only the
 * index chunks a query needs.
 *
 * Keyboard: type to see results; Down moves into the results, Up/Down between them,
 * Escape goes back to the box (and, from the box, closes the results); Enter in the box
 * opens the search page with every result. A polite live region says how many results
 * there are, so a screen reader hears it without losing its place.
 */
(function () {
  "use strict";

  var widget = document.querySelector("[data-lt-search]");
  if (!widget) return;
  var root = new URL(widget.getAttribute("data-lt-base").replace(/\/?$/, "/"), location.href);
  var say = JSON.parse(widget.querySelector(".lt-search__words").textContent);
  var HEADER_RESULTS = 6;
  var PAGE_SIZE = 20;

  // -- Pagefind, loaded on first use ----------------------------------------------------

  var engine = null;
  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        // Chinese is indexed as character pairs: a longer excerpt, counted in words.
        var cjk = /^(zh|ja)/i.test(document.documentElement.lang || "");
        return module.options({ baseUrl: root.pathname, noWorker: true, excerptLength: cjk ? 60 : 30 }).then(function () {
          module.init();
          return module;
        });
      });
    }
    return engine;
  }

  // -- traditional characters in a query become simplified (the index is simplified) ----

  var table = null;
  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  function simplified(query) {
    if (!CJK.test(query)) return Promise.resolve(query);
    if (!table) {
      table = fetch(new URL("assets/lantai/t2s.txt", root).href)
        .then(function (response) { return response.ok ? response.text() : ""; })
        .catch(function () { return ""; })
        .then(function (pairs) {
          var map = Object.create(null);
          var chars = Array.from(pairs);
          for (var i = 0; i + 1 < chars.length; i += 2) map[chars[i]] = chars[i + 1];
          return map;
        });
    }
    return table.then(function (map) {
      return Array.from(query).map(function (ch) { return map[ch] || ch; }).join("");
    });
  }

  // -- Chinese: overlapping character pairs, as the index holds them (lantai/search.py) --

  var CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
  var CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/g;
  function hex(chars) {
    return "zx" + Array.from(chars).map(function (ch) {
      return ("000" + ch.charCodeAt(0).toString(16)).slice(-4);
    }).join("");
  }
  // 陈望道 -> the words for 陈望 and 望道; a single character is the start of every pair it
  // begins (Pagefind matches the last word as a prefix); anything else is left as typed.
  function pairs(word) {
    return word.replace(CJK_RUN, function (run) {
      if (run.length === 1) return " " + hex(run) + " ";
      var out = [];
      for (var i = 0; i + 1 < run.length; i++) out.push(hex(run.slice(i, i + 2)));
      return " " + out.join(" ") + " ";
    }).replace(/\s+/g, " ").trim();
  }

  // The visitor's words as pairs, which Pagefind ranks with its weights; a word of three
  // characters or more is also asked as a phrase, keeping only pages that hold it as typed.
  function find(module, words, filters) {
    var options = { filters: filters || {} };
    if (!words.length) return module.search(null, options);
    var ranked = module.search(words.map(pairs).join(" "), options);
    var phrases = words.filter(function (word) { return (word.match(CJK_CHAR) || []).length > 2; });
    if (!phrases.length) return ranked;
    return Promise.all([ranked].concat(phrases.map(function (word) {
      return module.search('"' + pairs(word) + '"', options);
    }))).then(function (answers) {
      var found = answers[0];
      var kept = found.results.filter(function (result) {
        return answers.slice(1).every(function (answer) {
          return answer.results.some(function (other) { return other.id === result.id; });
        });
      });
      // No page holds the words as typed: show the pages that hold their pairs.
      return kept.length ? { results: kept } : found;
    });
  }

  // A search whose answer arrives after a newer one started is dropped.
  function searcher() {
    var latest = 0;
    return function (query, filters) {
      var ticket = ++latest;
      return Promise.all([pagefind(), simplified(query)]).then(function (loaded) {
        var words = loaded[1].split(/\s+/).filter(Boolean);
        return find(loaded[0], words, filters).then(function (found) {
          found.words = words;
          return found;
        });
      }).then(function (found) {
        return ticket === latest ? found : null;
      }, function () {
        // No index (a site with nothing to search yet): no results, said as such.
        return ticket === latest ? { results: [], words: [] } : null;
      });
    };
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  // Pagefind's excerpt, read back as written (the pairs joined again, no spaces between
  // Chinese characters), with the visitor's words marked where they stand whole.
  function excerptHtml(excerpt, words) {
    var text = excerpt.replace(/<\/?mark>/g, "");
    // The hidden pinyin readings (lantai/search/record.py: READING_MARK) are for finding, not reading.
    text = text.replace(/(?:\S+ )?ltpinyin\b ?/g, "").trim();
    text = text.replace(/\bzx((?:[0-9a-f]{4})+)\b/g, function (word, codes) {
      return codes.match(/.{4}/g).map(function (code) { return String.fromCharCode(parseInt(code, 16)); }).join("");
    });
    text = text.replace(/([\u3400-\u9fff\uf900-\ufaff])([\u3400-\u9fff\uf900-\ufaff]) (?=\2)/g, "$1");
    text = text.replace(/([\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])\s+(?=[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])/g, "$1");
    words.forEach(function (word) {
      var escaped = escapeHtml(word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      text = text.replace(new RegExp("(?![^<]*>)(" + escaped + ")", "gi"), "<mark>$1</mark>");
    });
    return text;
  }

  function count(n) {
    if (n === 0) return say.none;
    if (n === 1) return say.one;
    return say.other.replace("#", String(n));
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "lt-result";
    var meta = data.meta || {};
    var link = document.createElement("a");
    link.className = "lt-result__link";
    link.href = data.url;
    link.textContent = meta.title || data.url;
    var heading = document.createElement("p");
    heading.className = "lt-result__title";
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = [meta.kind, meta.brand === meta.title ? "" : meta.brand, meta.date].filter(Boolean);
    if (facts.length) {
      var line = document.createElement("p");
      line.className = "lt-result__meta";
      facts.forEach(function (fact, index) {
        var span = document.createElement("span");
        span.className = index === 0 ? "lt-result__kind" : "lt-result__fact";
        span.textContent = fact;
        line.appendChild(span);
      });
      item.appendChild(line);
    }
    if (data.excerpt && data.excerpt.trim()) {
      var excerpt = document.createElement("p");
      excerpt.className = "lt-result__excerpt";
      excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
      item.appendChild(excerpt);
    }
    return item;
  }

  function show(list, results, words) {
    return Promise.all(results.map(function (result) { return result.data(); })).then(function (all) {
      all.forEach(function (data) {
        data.excerpt = excerptHtml(data.excerpt || "", words || []);
        list.appendChild(resultItem(data));
      });
    });
  }

  // Typing, but not the letters of an input method still composing a Chinese word.
  function whenTyped(input, handler) {
    input.addEventListener("input", function (event) { if (!event.isComposing) handler(); });
    input.addEventListener("compositionend", handler);
  }

  function links(list) {
    return Array.prototype.slice.call(list.querySelectorAll(".lt-result__link"));
  }

  // Up/Down between result links, Escape back to the box.
  function arrowKeys(list, input, onEscape) {
    list.addEventListener("keydown", function (event) {
      var all = links(list);
      var at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at + 1 < all.length) {
        all[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        (at > 0 ? all[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        input.focus();
        if (onEscape) onEscape();
      } else {
        return;
      }
      event.preventDefault();
    });
  }

  // -- the box in the header ------------------------------------------------------------

  (function header() {
    var form = widget.querySelector(".lt-search__box");
    var input = widget.querySelector(".lt-search__input");
    var panel = widget.querySelector(".lt-search__panel");
    var status = widget.querySelector(".lt-search__status");
    var list = widget.querySelector(".lt-search__results");
    var all = widget.querySelector(".lt-search__all");
    var opener = widget.querySelector(".lt-search__open");
    var closer = widget.querySelector(".lt-search__close");
    var run = searcher();
    var timer = null;

    function setOpen(open) {
      widget.classList.toggle("lt-search--open", open);
      opener.setAttribute("aria-expanded", String(open));
      if (!open) panel.hidden = true;
    }

    function update() {
      var query = input.value;
      if (!query.trim()) {
        panel.hidden = true;
        list.textContent = "";
        status.textContent = "";
        return;
      }
      run(query).then(function (found) {
        if (!found) return;
        var fresh = document.createElement("ol");
        return show(fresh, found.results.slice(0, HEADER_RESULTS), found.words).then(function () {
          if (input.value !== query) return;
          list.textContent = "";
          while (fresh.firstChild) list.appendChild(fresh.firstChild);
          status.textContent = count(found.results.length);
          all.hidden = found.results.length <= HEADER_RESULTS;
          var link = all.querySelector("a");
          link.href = widget.getAttribute("data-lt-search-page") + "?q=" + encodeURIComponent(query);
          link.textContent = say.all + " (" + found.results.length + ")";
          panel.hidden = false;
          list.setAttribute("data-lt-query", query);
        });
      });
    }

    // The engine loads when the visitor shows intent, while they type, not with every page.
    function warm() { pagefind().catch(function () {}); }
    input.addEventListener("focus", warm);
    form.addEventListener("pointerenter", warm);
    opener.addEventListener("pointerdown", warm);
    whenTyped(input, function () {
      clearTimeout(timer);
      timer = setTimeout(update, 60);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !panel.hidden) {
        var first = links(list)[0];
        if (first) { first.focus(); event.preventDefault(); }
      } else if (event.key === "Escape") {
        if (!panel.hidden) {
          panel.hidden = true;
        } else {
          input.value = "";
          setOpen(false);
          opener.focus();
        }
        event.preventDefault();
      }
    });
    form.addEventListener("submit", function (event) {
      if (!input.value.trim()) event.preventDefault();
    });
    arrowKeys(list, input, function () { panel.hidden = true; });
    opener.addEventListener("click", function () {
      setOpen(true);
      input.focus();
    });
    closer.addEventListener("click", function () {
      input.value = "";
      update();
      setOpen(false);
      opener.focus();
    });
    // Results close when focus or a click leaves the search box.
    document.addEventListener("click", function (event) {
      if (!widget.contains(event.target)) panel.hidden = true;
    });
    widget.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !widget.contains(event.relatedTarget)) panel.hidden = true;
    });
    input.addEventListener("focus", function () {
      if (input.value.trim() && list.children.length) panel.hidden = false;
    });
  })();

  // -- the search page ------------------------------------------------------------------

  (function searchPage() {
    var page = document.querySelector(".lt-search-page");
    if (!page) return;
    var form = page.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = page.querySelector(".lt-search-page__status");
    var list = page.querySelector(".lt-search-page__results");
    var more = page.querySelector(".lt-search-page__more");
    var run = searcher();
    var shown = [];
    var words = [];
    var timer = null;

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) { select.value = params.get(select.name) || ""; });

    function filters() {
      var chosen = {};
      selects.forEach(function (select) { if (select.value) chosen[select.name] = select.value; });
      return chosen;
    }

    function remember() {
      var next = new URLSearchParams();
      if (input.value.trim()) next.set("q", input.value.trim());
      selects.forEach(function (select) { if (select.value) next.set(select.name, select.value); });
      var query = next.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }

    function update() {
      remember();
      var query = input.value;
      var chosen = filters();
      if (!query.trim() && !Object.keys(chosen).length) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = say.placeholder;
        return;
      }
      run(query, chosen).then(function (found) {
        if (!found) return;
        shown = found.results;
        words = found.words;
        var fresh = document.createElement("ol");
        return show(fresh, shown.slice(0, PAGE_SIZE), words).then(function () {
          list.textContent = "";
          while (fresh.firstChild) list.appendChild(fresh.firstChild);
          status.textContent = count(shown.length);
          more.hidden = shown.length <= PAGE_SIZE;
          list.setAttribute("data-lt-query", new URLSearchParams(location.search).toString());
        });
      });
    }

    whenTyped(input, function () {
      clearTimeout(timer);
      timer = setTimeout(update, 60);
    });
    selects.forEach(function (select) { select.addEventListener("change", update); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    more.querySelector("button").addEventListener("click", function () {
      var from = list.children.length;
      show(list, shown.slice(from, from + PAGE_SIZE), words).then(function () {
        more.hidden = list.children.length >= shown.length;
        var next = links(list)[from];
        if (next) next.focus();
      });
    });
    arrowKeys(list, input);
    update();
  })();
})();
