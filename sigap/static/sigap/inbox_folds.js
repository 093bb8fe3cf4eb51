// The inbox's folding panels on a phone (home.html folds them before the first paint): they
// follow the screen's width, summarise the filters in use and the cases ticked while folded,
// and the tab strip scrolls its current tab into view.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 960px)");  // the breakpoint of inbox.css

  function fit() {
    ["inbox-filters-fold", "inbox-bulk-fold"].forEach(function (id) {
      var fold = document.getElementById(id);
      if (fold) { fold.open = !narrow.matches; }
    });
  }

  // "Status: Baru · Kanal: WhatsApp": the filters in use, readable while the form is folded.
  function summariseFilters() {
    var form = document.getElementById("inbox-filters");
    var note = document.querySelector("[data-filters-summary]");
    if (!form || !note) { return; }
    var parts = [];
    Array.prototype.forEach.call(form.querySelectorAll("label"), function (label) {
      var field = label.querySelector("select, input:not([type=hidden])");
      if (!field || !field.value) { return; }
      var value = field.tagName === "SELECT" ? field.options[field.selectedIndex].text : field.value;
      parts.push(label.firstChild.textContent.trim() + ": " + value);
    });
    note.textContent = parts.join(" · ");
  }

  // "2 laporan dipilih" on the folded bulk bar, worded like inbox.js's count in the form.
  function summariseSelection() {
    var count = document.querySelector("[data-bulk-count]");
    var note = document.querySelector("[data-bulk-summary]");
    if (!count || !note) { return; }
    var ticked = document.querySelectorAll("#inbox-results input[name=cases]:checked").length;
    note.textContent = ticked ? ticked + " " + count.dataset.selectedWord : "";
  }

  // On a phone the tabs scroll sideways: bring the current one into view, a bit of its left
  // neighbour showing. A live refresh re-renders the strip: it keeps where the user had
  // scrolled it, unless the current tab changed.
  var shown = { tab: null, scroll: 0 };

  function activeTab() {
    return document.querySelector("#inbox-results .inbox-tab.active");
  }

  function rememberStrip() {
    var tab = activeTab();
    if (tab) { shown = { tab: tab.getAttribute("href"), scroll: tab.parentNode.scrollLeft }; }
  }

  function scrollActiveTab() {
    var tab = activeTab();
    if (!tab) { return; }
    var strip = tab.parentNode;
    if (tab.getAttribute("href") === shown.tab) { strip.scrollLeft = shown.scroll; return; }
    var left = tab.offsetLeft - strip.offsetLeft;
    if (left + tab.offsetWidth > strip.clientWidth) { strip.scrollLeft = left - 32; }
  }

  fit();
  summariseFilters();
  if (window.sigapInboxFolds) { return; }
  window.sigapInboxFolds = true;
  narrow.addEventListener("change", fit);
  document.addEventListener("change", function (event) {
    if (event.target.form && event.target.form.id === "inbox-filters") { summariseFilters(); }
    if (event.target.name === "cases") { summariseSelection(); }
  });
  document.addEventListener("input", function (event) {
    if (event.target.id === "inbox-q") { summariseFilters(); }
  });
  document.addEventListener("keyup", function (event) {
    if (event.key === "x") { summariseSelection(); }  // inbox.js ticks the selected row
  });
  document.addEventListener("htmx:beforeSwap", rememberStrip);
  document.addEventListener("htmx:afterSettle", function () {
    scrollActiveTab();
    setTimeout(summariseSelection);  // after inbox.js has ticked the kept boxes again
  });
  document.addEventListener("DOMContentLoaded", scrollActiveTab);
  // "/" goes to the search box (inbox.js), which must be shown first.
  document.addEventListener("keydown", function (event) {
    var fold = document.getElementById("inbox-filters-fold");
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (event.key === "/" && fold && !typing) { fold.open = true; }
  }, true);
})();
