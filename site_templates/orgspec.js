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

  /* Search with Pagefind (search: engine in orgspec.yaml): Material's search box, with its keys, its
     dialog on phones and its words in the site's language; the results come from Pagefind's index,
     whose pieces the browser fetches as a query needs them, and are drawn as Material draws its own. */
  var SHOWN = 10;

  function pagefindWords() {
    try {
      return JSON.parse(document.getElementById("__config").textContent).translations || {};
    } catch (error) {
      return {};
    }
  }

  /* Pagefind's excerpt: the page's text, escaped, with <mark> around the words found. A page's search words
     (from U+2063 to the end of their paragraph) found it, they need not show: where the excerpt holds some
     of them, the beginning of the page's text is shown instead. */
  var SEARCH_WORDS = /\u2063[^]*?(\.\s|$)/g;

  function excerptOf(data) {
    var text = data.content.replace(SEARCH_WORDS, " ");
    var plain = data.excerpt.replace(/<\/?mark>/g, "");
    var probe = document.createElement("p");
    probe.innerHTML = plain;
    if (text.indexOf(probe.textContent) >= 0) return data.excerpt;
    probe.textContent = text.split(/\s+/).slice(0, 30).join(" ");
    return probe.innerHTML;
  }

  /* Material moves through its results with the arrow keys, and keeps their links out of the Tab order;
     in the handbook's own dialog (Zensical) they are reached with Tab. */
  function resultItem(data, score, tabbed) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    if (!tabbed) link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-search-result__article--document md-typeset";
    article.setAttribute("data-md-score", String(score));
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = excerptOf(data);
    article.append(icon, title, excerpt);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  /* Pages titled with what was typed first, as the builders' own search ranks them; Pagefind's order otherwise. */
  function titledFirst(pages, query) {
    var typed = query.toLowerCase();
    function titled(data) { return ((data.meta && data.meta.title) || "").toLowerCase().indexOf(typed) >= 0 ? 0 : 1; }
    return pages.map(function (data, index) { return [titled(data), index, data]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (entry) { return entry[2]; });
  }

  function setUpPagefind(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var box = form.closest("[data-orgspec-search]");
    var input = form.querySelector(".md-search__input");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var words = pagefindWords();
    var folder = new URL(form.getAttribute("data-orgspec-pagefind"), location.href);
    var scroller = box.querySelector(".md-search__scrollwrap");
    var tabbed = box.tagName === "DIALOG";
    var engine = null, latest = 0, asking = null, more = [];
    function load() {
      if (!engine) {
        engine = import(folder.href + "pagefind.js").then(function (pagefind) {
          pagefind.options({ baseUrl: new URL("..", folder).pathname });
          return pagefind;
        });
      }
      return engine;
    }
    function say(count, query) {
      if (!count) meta.textContent = words[query ? "search.result.none" : "search.result.placeholder"] || "";
      else if (count === 1) meta.textContent = words["search.result.one"] || "1";
      else meta.textContent = (words["search.result.other"] || "#").replace("#", String(count));
    }
    function find() {
      var query = input.value.trim();
      if (query === asking) return;  /* a key that changed nothing, such as an arrow */
      asking = query;
      more = [];
      var asked = ++latest;
      if (!query) {
        list.innerHTML = "";
        say(0, "");
        return;
      }
      load().then(function (pagefind) {
        return pagefind.debouncedSearch(query, {}, 150);
      }).then(function (search) {
        if (!search || asked !== latest) return null;  /* a later query is under way */
        return Promise.all(search.results.slice(0, SHOWN).map(function (result) { return result.data(); }))
          .then(function (pages) {
            if (asked !== latest) return;
            list.innerHTML = "";
            titledFirst(pages, query).forEach(function (data, index) { list.appendChild(resultItem(data, pages.length - index, tabbed)); });
            say(search.results.length, query);
            more = search.results.slice(SHOWN);
          });
      });
    }
    /* Ten results at first, ten more each time the list is scrolled to its end, as Material does. */
    function showMore() {
      var asked = latest, next = more.splice(0, SHOWN);
      if (!next.length || scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 50) {
        more = next.concat(more);
        return;
      }
      Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
        if (asked !== latest) return;
        pages.forEach(function (data) { list.appendChild(resultItem(data, 0, tabbed)); });
      });
    }
    if (scroller) scroller.addEventListener("scroll", showMore);
    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", find);
    input.addEventListener("keyup", find);
    form.addEventListener("reset", function () { setTimeout(find, 0); });
    if (input.value) find();  /* typed before the script ran */
    if (box.tagName === "DIALOG") setUpSearchDialog(box, form, input, list);
  }

  /* Under Zensical the search box is a dialog: the header's button or a key (/, s or f, as the builders'
     own search) opens it, Escape or a click beside it closes it, Enter opens the first result. */
  function setUpSearchDialog(dialog, form, input, list) {
    function open() {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
    }
    document.querySelectorAll("[data-orgspec-search-open]").forEach(function (button) {
      button.addEventListener("click", open);
    });
    dialog.querySelector("[data-orgspec-search-close]").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  /* the backdrop */
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) location.href = first.href;
    });
    dialog.orgspecOpen = open;
    if (keysBound) return;
    keysBound = true;
    document.addEventListener("keydown", function (event) {
      var target = event.target, shown = document.querySelector("dialog[data-orgspec-search]");
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!shown || shown.open || typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "/" || event.key === "s" || event.key === "f") {
        event.preventDefault();
        event.stopImmediatePropagation();
        shown.orgspecOpen();
      }
    }, true);
  }
  var keysBound = false;

  /* Opened from disk, the builders' search cannot load its index: say how to serve the site. */
  function showOfflineNotes() {
    if (location.protocol !== "file:") return;
    document.querySelectorAll(".orgspec-offline").forEach(function (note) { note.hidden = false; });
  }

  function start() {
    document.querySelectorAll("form[data-orgspec-pagefind]").forEach(setUpPagefind);
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
