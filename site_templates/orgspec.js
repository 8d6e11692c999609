/* orgspec handbook: small enhancements. Every page reads and links without them. */
(function () {
  "use strict";

  /* The post index's filter: every word typed must be found in a row's names
     or their pinyin; a word of letters may also be the row's pinyin initials
     in order (xsjl finds 销售管理部经理, xsglbjl). */
  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function initialsInOrder(word, initials) {
    if (!/^[a-z]+$/.test(word) || initials.charAt(0) !== word.charAt(0)) return false;
    var at = 0;
    for (var i = 0; i < initials.length && at < word.length; i++) {
      if (initials.charAt(i) === word.charAt(at)) at++;
    }
    return at === word.length;
  }

  function rowMatches(row, query) {
    var text = row.getAttribute("data-find") || "";
    var initials = row.getAttribute("data-initials") || "";
    return query.every(function (word) {
      return text.indexOf(word) >= 0 || initialsInOrder(word, initials);
    });
  }

  function setUpFilter(input) {
    var table = document.getElementById(input.getAttribute("data-orgspec-filter"));
    var form = input.form;
    if (!table || !form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var none = form.querySelector(".orgspec-filter__none");
    function apply() {
      var query = words(input.value);
      var shown = 0;
      rows.forEach(function (row) {
        var match = rowMatches(row, query);
        row.hidden = !match;
        if (match) shown++;
      });
      if (none) none.hidden = shown > 0;
    }
    input.value = new URLSearchParams(location.search).get("find") || "";
    input.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* Charts: zoom in and out (the frame scrolls to pan), back to the column's width or the chart's own. */
  function setUpChart(figure) {
    var frame = figure.querySelector(".orgspec-chart");
    var svg = frame && frame.querySelector("svg");
    var tools = figure.querySelector(".orgspec-chart-tools");
    if (!svg || !tools || figure.dataset.ready) return;
    figure.dataset.ready = "1";
    var natural = parseFloat(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
    function scale() { return svg.getBoundingClientRect().width / natural; }
    function zoom(to) {
      if (to === null) {
        svg.style.width = svg.style.maxWidth = svg.style.minWidth = "";
      } else {
        svg.style.width = Math.round(natural * Math.min(Math.max(to, 0.1), 4)) + "px";
        svg.style.maxWidth = "none";
        svg.style.minWidth = "0";
      }
    }
    var actions = {
      "in": function () { zoom(scale() * 1.25); },
      "out": function () { zoom(scale() / 1.25); },
      "fit": function () { zoom(null); },
      "actual": function () { zoom(1); }
    };
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("[data-zoom]");
      if (button && actions[button.dataset.zoom]) actions[button.dataset.zoom]();
    });
    tools.hidden = false;
    centreHead(frame, svg);
  }

  /* The first box drawn is the chart's head: a chart wider than its frame opens with the head in the
     middle of the frame (or as near as the chart's edge allows), not at the chart's left edge. */
  function centreHead(frame, svg) {
    var head = svg.querySelector(".box");
    if (!head || frame.scrollWidth <= frame.clientWidth) return;
    var box = head.getBoundingClientRect(), view = frame.getBoundingClientRect();
    frame.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
  }

  /* Search results as people read them. MkDocs' search joins the words of Chinese titles with
     zero-width spaces and shows a page's search words as a paragraph; Zensical's dialog says
     "Search" and "3 results" in English whatever the site's language, though its pages carry the
     translations. Both are mended where they show. */
  function mend(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.indexOf("\u200b") >= 0) node.nodeValue = node.nodeValue.replace(/\u200b/g, "");
    }
    /* A page's search words (pinyin, initials, …) start with U+2063: they found the page, they need not show. */
    root.querySelectorAll("p").forEach(function (paragraph) {
      if (paragraph.textContent.trim().charAt(0) === "\u2063") paragraph.hidden = true;
    });
  }

  function zensicalWords() {
    var config = document.getElementById("__config");
    var button = document.querySelector(".md-search__button");
    try {
      var words = JSON.parse(config.textContent).translations || {};
      words.search = button ? button.textContent.trim() : "";
      return words;
    } catch (error) {
      return null;
    }
  }

  function translate(root, words) {
    var input = root.querySelector("input[placeholder='Search']");
    if (input && words.search) input.placeholder = words.search;
    var dialog = root.querySelector("[aria-label='Search']");
    if (dialog && words.search) dialog.setAttribute("aria-label", words.search);
    root.querySelectorAll("[role=status]").forEach(function (status) {
      var node = status.firstChild;  /* the dialog's own text node: it goes on updating it */
      if (!node || node.nodeType !== 3) return;
      var count = /^([\d,]+) results?$/.exec(node.data);
      if (node.data === "No results" && words["search.result.none"]) {
        node.data = words["search.result.none"];
      } else if (count && words["search.result.one"] && words["search.result.other"]) {
        node.data = count[1] === "1" ? words["search.result.one"] : words["search.result.other"].replace("#", count[1]);
      }
    });
  }

  function watch(root, mendIt) {
    var busy = false;
    new MutationObserver(function () {
      if (busy) return;
      busy = true;
      mendIt(root);
      busy = false;
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }

  function mendSearch() {
    var results = document.querySelector(".md-search-result__list");
    if (results && !results.dataset.mended) {
      results.dataset.mended = "1";
      watch(results, mend);
    }
    var words = document.documentElement.lang.indexOf("en") === 0 ? null : zensicalWords();
    if (!words || !document.querySelector(".md-search__button") || document.body.dataset.searchMended) return;
    document.body.dataset.searchMended = "1";
    function attach(host) {
      translate(host.shadowRoot, words);
      watch(host.shadowRoot, function (root) { translate(root, words); });
    }
    function host() {
      return Array.prototype.find.call(document.body.children, function (element) { return element.shadowRoot; });
    }
    if (host()) {
      attach(host());
      return;
    }
    new MutationObserver(function (changes, observer) {
      if (!host()) return;
      observer.disconnect();
      attach(host());
    }).observe(document.body, { childList: true });
  }

  /* Opened from disk, the builders' search cannot load its index: say how to serve the site. */
  function showOfflineNotes() {
    if (location.protocol !== "file:") return;
    document.querySelectorAll(".orgspec-offline").forEach(function (note) { note.hidden = false; });
  }

  function start() {
    document.querySelectorAll("[data-orgspec-filter]").forEach(setUpFilter);
    document.querySelectorAll(".orgspec-figure").forEach(setUpChart);
    mendSearch();
    showOfflineNotes();
  }

  /* Material's instant loading replaces the page without loading scripts again. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
