/* Filters for overview lists. Without JavaScript every item stays visible and the form stays
   hidden, so nothing depends on this script. Markup contract (see overrides/portal/macros.html):
   form[data-portal-filter] with <select name=KEY> or <input type=checkbox name=KEY value=V>;
   items [data-portal-item] with data-KEY="v1 v2"; groups [data-portal-group]; output [data-portal-count]. */
(function () {
  "use strict";
  function apply(form) {
    var scope = document.getElementById(form.getAttribute("data-portal-filter"));
    if (!scope) { return; }
    var wanted = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) { return; }
      if (el.type === "checkbox") { if (el.checked) { wanted[el.name] = el.value; } }
      else if (el.value) { wanted[el.name] = el.value; }
    });
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
      group.hidden = group.querySelectorAll("[data-portal-item]:not([hidden])").length === 0;
    });
    var count = form.querySelector("[data-portal-count]");
    if (count) { count.textContent = shown + " von " + items.length + " angezeigt"; }
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-portal-filter]"), function (form) {
      form.hidden = false;
      form.addEventListener("change", function () { apply(form); });
      form.addEventListener("reset", function () { window.setTimeout(function () { apply(form); }, 0); });
      form.addEventListener("submit", function (event) { event.preventDefault(); apply(form); });
      apply(form);
    });
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
