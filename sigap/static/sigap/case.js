/* The case page: the location map, canned replies into the reply box, HTMX error swaps. */
(function () {
  "use strict";

  // Refusals (400 invalid form, 403 read-only, 409 someone else acted first) come back as the
  // case body with the message in it: show them instead of HTMX's default of ignoring them.
  if (window.htmx) {
    window.htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "4..", swap: true },
      { code: "...", swap: false, error: true },
    ];
  }

  function initMaps(root) {
    if (!window.L) return;
    root.querySelectorAll("[data-case-map]").forEach(function (el) {
      if (el.dataset.ready) return;
      var lat = parseFloat(el.dataset.lat);
      var lng = parseFloat(el.dataset.lng);
      if (!isFinite(lat) || !isFinite(lng)) return;
      el.dataset.ready = "1";
      var map = window.L.map(el).setView([lat, lng], 16);
      if (el.dataset.tiles) {
        window.L.tileLayer(el.dataset.tiles, {
          maxZoom: 19,
          attribution: "&copy; OpenStreetMap",
        }).addTo(map);
      }
      window.L.marker([lat, lng], { title: el.dataset.label || "" }).addTo(map);
    });
  }

  function insertAtCursor(box, text) {
    if (!box.value.trim()) {
      box.value = text;
    } else {
      var start = box.selectionStart != null ? box.selectionStart : box.value.length;
      var end = box.selectionEnd != null ? box.selectionEnd : start;
      box.value = box.value.slice(0, start) + text + box.value.slice(end);
    }
    box.focus();
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Delegated: the reply box is replaced by every HTMX swap.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("select[data-canned]")) return;
    var option = select.options[select.selectedIndex];
    var box = document.getElementById(select.dataset.target);
    if (option && option.dataset.text && box) insertAtCursor(box, option.dataset.text);
    select.selectedIndex = 0;
  });

  if (window.htmx) {
    window.htmx.onLoad(initMaps);
  } else {
    document.addEventListener("DOMContentLoaded", function () { initMaps(document); });
  }
})();
