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
