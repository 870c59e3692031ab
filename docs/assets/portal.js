/* Filters for overview lists. Without JavaScript every item stays visible and the form stays
   hidden, so nothing depends on this script. Markup contract (see overrides/portal/macros.html):
   form[data-portal-filter] with <select name=KEY> or <input type=checkbox name=KEY value=V>;
   items [data-portal-item] with data-KEY="v1 v2"; groups [data-portal-group], each with an optional
   [data-portal-group-count] that shows how many of its items are visible; output [data-portal-count].
   The filter's state lives in the address (?status=beschlossen&region=duisburg): read on load and
   on back/forward, written with history.replaceState (no reload, no new history entry), so a
   filtered list can be shared and bookmarked. Values the form does not offer are ignored. */
(function () {
  "use strict";
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) { return !!el.name; });
  }
  function wantedOf(form) {
    var wanted = {};
    fields(form).forEach(function (el) {
      if (el.type === "checkbox") { if (el.checked) { wanted[el.name] = el.value; } }
      else if (el.value) { wanted[el.name] = el.value; }
    });
    return wanted;
  }
  function apply(form) {
    var scope = document.getElementById(form.getAttribute("data-portal-filter"));
    if (!scope) { return; }
    var wanted = wantedOf(form);
    var items = scope.querySelectorAll("[data-portal-item]");
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var ok = Object.keys(wanted).every(function (key) {
        var values = (item.getAttribute("data-" + key) || "").split(" ");
        return values.indexOf(wanted[key]) !== -1;
      });
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    Array.prototype.forEach.call(scope.querySelectorAll("[data-portal-group]"), function (group) {
      var visible = group.querySelectorAll("[data-portal-item]:not([hidden])").length;
      group.hidden = visible === 0;
      var count = group.querySelector("[data-portal-group-count]");
      if (count) { count.textContent = String(visible); }
    });
    var count = form.querySelector("[data-portal-count]");
    if (count) { count.textContent = shown + " von " + items.length + " angezeigt"; }
  }
  /* The form's fields from the address; a field the address does not name is cleared. */
  function restore(form) {
    var params = new URLSearchParams(window.location.search);
    fields(form).forEach(function (el) {
      var value = params.get(el.name);
      if (el.type === "checkbox") { el.checked = value !== null && value === el.value; }
      else if (el.tagName === "SELECT") {
        var offered = Array.prototype.some.call(el.options, function (o) { return o.value === value; });
        el.value = value !== null && offered ? value : "";
      }
    });
  }
  /* The address from the form: its fields replace theirs, other parameters and the anchor stay. */
  function remember(form) {
    if (!window.history || !window.history.replaceState) { return; }
    var params = new URLSearchParams(window.location.search);
    var wanted = wantedOf(form);
    fields(form).forEach(function (el) { params.delete(el.name); });
    Object.keys(wanted).forEach(function (key) { params.set(key, wanted[key]); });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", address);
  }
  function init() {
    var forms = document.querySelectorAll("form[data-portal-filter]");
    Array.prototype.forEach.call(forms, function (form) {
      form.hidden = false;
      form.addEventListener("change", function () { apply(form); remember(form); });
      form.addEventListener("reset", function () { window.setTimeout(function () { apply(form); remember(form); }, 0); });
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(form); remember(form); });
      restore(form);
      apply(form);
    });
    /* Back and forward (and a page restored from the browser's cache) show the address's filter. */
    function again() { Array.prototype.forEach.call(forms, function (form) { restore(form); apply(form); }); }
    window.addEventListener("popstate", again);
    window.addEventListener("pageshow", function (event) { if (event.persisted) { again(); } });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

/* Colour scheme: stored only once the visitor chooses one, as the privacy statement says
   (docs/datenschutz.md, § 25 Abs. 2 Nr. 2 TDDDG). Material's bundle, which runs just before this
   file, writes its palette to localStorage ("<scope>.__palette") on every page load, before anyone
   touches the toggle. Material's inline script in the header (partials/javascripts/palette.html)
   read the stored value into the global `palette` before the bundle ran: null means the visitor has
   not chosen yet, so the entry the bundle wrote is removed again. From then on Material's
   __md_set("__palette", …), which it calls by its global name, goes through only after a change on
   the toggle's inputs. tests/test_privacy.py checks both in Chromium. */
(function () {
  "use strict";
  if (typeof window.__md_set !== "function" || !window.__md_scope || !("palette" in window)) { return; }
  var chosen = window.palette !== null && window.palette !== undefined;
  if (!chosen) {
    try { localStorage.removeItem(window.__md_scope.pathname + ".__palette"); } catch (e) { /* no storage */ }
  }
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-md-component=palette]")) { chosen = true; }
  }, true);
  var set = window.__md_set;
  window.__md_set = function (name) {
    if (name === "__palette" && !chosen) { return; }
    return set.apply(this, arguments);
  };
})();
