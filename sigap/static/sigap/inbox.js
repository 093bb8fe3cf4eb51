// The inbox's keyboard shortcuts and the bits of state that must survive HTMX refreshes
// (selected row, ticked checkboxes). No dependencies beyond the browser and htmx events.
(function () {
  "use strict";

  var selected = null; // tracking number of the highlighted row

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#inbox-results tr.inbox-row"));
  }

  function select(row) {
    rows().forEach(function (r) { r.classList.remove("selected"); r.removeAttribute("aria-selected"); });
    if (!row) { selected = null; return; }
    row.classList.add("selected");
    row.setAttribute("aria-selected", "true");
    selected = row.dataset.case;
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var list = rows();
    if (!list.length) { return; }
    var index = list.findIndex(function (r) { return r.dataset.case === selected; });
    var next = index < 0 ? (step > 0 ? 0 : list.length - 1) : index + step;
    select(list[Math.max(0, Math.min(list.length - 1, next))]);
  }

  function current() {
    return rows().find(function (r) { return r.dataset.case === selected; }) || null;
  }

  function isTyping(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function showHelp() {
    var dialog = document.getElementById("inbox-shortcuts");
    if (dialog && !dialog.open) { dialog.showModal(); }
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var search = document.getElementById("inbox-q");
    if (isTyping(event.target)) {
      if (event.key === "Escape" && event.target === search) { search.blur(); }
      return;
    }
    var dialog = document.getElementById("inbox-shortcuts");
    if (dialog && dialog.open) { return; }
    var row;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "Enter":
      case "o":
        row = current();
        if (!row) { return; }
        window.location.href = row.querySelector("a.inbox-open").href;
        break;
      case "x":
        row = current();
        var box = row && row.querySelector("input[type=checkbox]");
        if (!box) { return; }
        box.checked = !box.checked;
        updateBulkCount();
        break;
      case "/":
        if (!search) { return; }
        search.focus();
        search.select();
        break;
      case "?": showHelp(); break;
      default: return;
    }
    event.preventDefault();
  }

  function updateBulkCount() {
    var label = document.querySelector("[data-bulk-count]");
    if (!label) { return; }
    var ticked = document.querySelectorAll("#inbox-results input[name=cases]:checked").length;
    if (!label.dataset.empty) { label.dataset.empty = label.textContent; }
    label.textContent = ticked ? ticked + " " + label.dataset.selectedWord : label.dataset.empty;
  }

  // Keep ticked boxes and the highlighted row across the polling refresh of the list.
  var ticked = [];
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "inbox-results") {
      ticked = Array.prototype.map.call(
        document.querySelectorAll("#inbox-results input[name=cases]:checked"),
        function (box) { return box.value; });
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    ticked.forEach(function (value) {
      var box = document.querySelector('#inbox-results input[name=cases][value="' + value + '"]');
      if (box) { box.checked = true; }
    });
    var row = current();
    if (row) { row.classList.add("selected"); }
    updateBulkCount();
  });

  document.addEventListener("change", function (event) {
    if (event.target.name === "cases") { updateBulkCount(); }
  });

  // Forms that carry "where am I" read it at submit time: the URL changes with hx-push-url.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var next = form.querySelector("[data-current-url]");
    if (next) { next.value = window.location.pathname + window.location.search; }
    var query = form.querySelector("[data-current-query]");
    if (query) { query.value = window.location.search.replace(/^\?/, ""); }
  }, true);

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-shortcuts-open]")) { showHelp(); }
    var row = event.target.closest("#inbox-results tr.inbox-row");
    if (row && !event.target.closest("a, input")) { select(row); }
  });

  document.addEventListener("keydown", onKey);
})();
