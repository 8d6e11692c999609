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

  /* Opened from disk, the builders' search cannot load its index: say how to serve the site. */
  function showOfflineNotes() {
    if (location.protocol !== "file:") return;
    document.querySelectorAll(".orgspec-offline").forEach(function (note) { note.hidden = false; });
  }

  function start() {
    document.querySelectorAll("[data-orgspec-filter]").forEach(setUpFilter);
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
