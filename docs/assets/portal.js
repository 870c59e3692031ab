/* Filters for overview lists. Without JavaScript every item stays visible and the form stays
   hidden, so nothing depends on this script. Markup contract (see overrides/portal/macros.html):
   form[data-portal-filter] with <select name=KEY> or <input type=checkbox name=KEY value=V>;
   items [data-portal-item] with data-KEY="v1 v2"; groups [data-portal-group], each with an optional
   [data-portal-group-count] that shows how many of its items are visible; output [data-portal-count].
   The filter's state lives in the address (?status=beschlossen&region=duisburg): read on load and
   on back/forward, written with history.replaceState (no reload, no new history entry), so a
   filtered list can be shared and bookmarked. Values the form does not offer are ignored.

   A list too long for one page (the measures overview, overrides/measures.html) shows only its first
   page and names its filter data instead: data-portal-index="…/massnahmen/filter.json" (format in
   hooks/portal/measure_index.py). The data is loaded once, when a filter is first set (or the form
   first gets focus); the matches are drawn from the page's <template id="LIST-eintrag"> and
   <template id="LIST-status-KEY"> (the server's markup of a list item and of each status tag), the
   first data-portal-limit of them with a button [data-portal-more=LIST] for more. With no filter
   set, the server's first page comes back, with its page links [data-portal-pager]. */

/* The filters of a list that names its filter data (data-portal-index): see the comment above. */
function portalIndexed(form, scope) {
  "use strict";
  var page = parseInt(scope.getAttribute("data-portal-limit"), 10) || 100;
  var total = parseInt(scope.getAttribute("data-portal-total"), 10) || 0;
  /* Addresses as the server writes them ("x/" beside the page, "../initiativen/x/"). */
  var measures = (scope.getAttribute("data-portal-measures") || "").replace(/^\.\/$/, "");
  var initiatives = scope.getAttribute("data-portal-initiatives") || "";
  var original = Array.prototype.slice.call(scope.childNodes);
  var count = form.querySelector("[data-portal-count]");
  var more = document.querySelector('[data-portal-more="' + scope.id + '"]');
  var template = document.getElementById(scope.id + "-eintrag");
  var serverItems = scope.querySelectorAll("[data-portal-item]").length;
  var serverText = serverItems < total ? total + " Maßnahmen, hier die ersten " + serverItems : total + " von " + total + " angezeigt";
  var data = null, loading = null, matches = [], shown = 0, generation = 0;

  function load() {
    if (!loading) {
      loading = window.fetch(scope.getAttribute("data-portal-index"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(function (json) {
          /* id → table number, for the comparisons per row. */
          function numbers(list, key) {
            var found = {};
            list.forEach(function (entry, n) { found[key ? entry[0] : entry] = n; });
            return found;
          }
          json.lookup = { status: numbers(json.statuses), initiative: numbers(json.initiatives, true),
                          region: numbers(json.regions), topic: numbers(json.topics) };
          data = json;
          return json;
        });
      loading.catch(function () { loading = null; });  /* a later filter tries again */
    }
    return loading;
  }
  function pageParts(hidden) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-portal-pager], [data-portal-page-note]"),
      function (el) { el.hidden = hidden; });
  }
  function select(wanted) {
    var want = {};
    Object.keys(wanted).forEach(function (key) {
      if (data.lookup[key]) { var n = data.lookup[key][wanted[key]]; want[key] = n === undefined ? -1 : n; }
    });
    return data.rows.filter(function (row) {
      if (want.status !== undefined && row[2] !== want.status) { return false; }
      if (want.initiative !== undefined && row[3] !== want.initiative) { return false; }
      if (want.region !== undefined && data.initiatives[row[3]][2].indexOf(want.region) === -1) { return false; }
      if (want.topic !== undefined && row[6].indexOf(want.topic) === -1) { return false; }
      if (wanted.overdue && !row[5]) { return false; }
      return true;
    });
  }
  function slot(el, name) { return el.querySelector('[data-slot="' + name + '"]'); }
  function statusTag(key) {
    return document.getElementById(scope.id + "-status-" + key).content.firstElementChild.cloneNode(true);
  }
  function item(row) {
    var li = template.content.firstElementChild.cloneNode(true);
    var title = slot(li, "title");
    title.textContent = row[1];
    title.setAttribute("href", measures + row[0] + "/");
    slot(li, "status").replaceWith(statusTag(data.statuses[row[2]]));
    var target = row[4] >= 0 ? data.targets[row[4]] : null;
    if (row[5] && target) { slot(li, "overdue-target").replaceWith(document.createTextNode(target[1])); }
    else { slot(li, "flag").remove(); }
    var initiative = slot(li, "initiative");
    initiative.textContent = data.initiatives[row[3]][1];
    initiative.setAttribute("href", initiatives + data.initiatives[row[3]][0] + "/");
    if (target) {
      var time = document.createElement("time");
      time.setAttribute("datetime", target[0]);
      time.textContent = target[1];
      slot(li, "time").replaceWith(time);
    } else { slot(li, "target").remove(); }
    Array.prototype.forEach.call(li.querySelectorAll("[data-slot]"), function (el) { el.removeAttribute("data-slot"); });
    return li;
  }
  /* The first ``limit`` matches under their status headings; each heading counts every match of its status. */
  function render(limit) {
    var counts = {};
    matches.forEach(function (row) { counts[row[2]] = (counts[row[2]] || 0) + 1; });
    var fragment = document.createDocumentFragment();
    var list = null, status = -1;
    shown = Math.min(limit, matches.length);
    for (var n = 0; n < shown; n += 1) {
      var row = matches[n];
      if (row[2] !== status) {
        status = row[2];
        var key = data.statuses[status];
        var label = statusTag(key).textContent.trim();
        var section = document.createElement("section");
        section.setAttribute("data-portal-group", "");
        var heading = document.createElement("h2");
        heading.id = "status-" + key;
        var number = document.createElement("span");
        number.setAttribute("data-portal-group-count", "");
        number.textContent = String(counts[status]);
        heading.append(label.charAt(0).toUpperCase() + label.slice(1) + " (", number, ")");
        list = document.createElement("ul");
        list.className = "portal-measures";
        section.append(heading, list);
        fragment.append(section);
      }
      list.append(item(row));
    }
    scope.replaceChildren(fragment);
    if (!matches.length) {
      var none = document.createElement("p");
      none.textContent = "Keine Maßnahme passt zu diesen Filtern.";
      scope.append(none);
    }
    if (more) {
      var rest = matches.length - shown;
      more.parentNode.hidden = rest <= 0;
      more.textContent = "Weitere " + Math.min(page, rest) + " anzeigen (noch " + rest + " von " + matches.length + ")";
    }
    if (count) {
      count.textContent = matches.length + " von " + total + " angezeigt" +
        (shown < matches.length ? ", hier die ersten " + shown : "");
    }
  }
  function showServerPage() {
    scope.replaceChildren.apply(scope, original);
    pageParts(false);
    if (more) { more.parentNode.hidden = true; }
    if (count) { count.textContent = serverText; }
  }
  if (more) {
    more.addEventListener("click", function () {
      var first = shown;
      render(shown + page);
      /* Keyboard and screen reader users go on where the new items begin. */
      var added = scope.querySelectorAll("[data-portal-item]")[first];
      var link = added && added.querySelector("a");
      if (link) { link.focus(); }
    });
  }
  form.addEventListener("focusin", function () { load().catch(function () {}); });
  if (count) { count.textContent = serverText; }
  return function apply(wanted) {
    generation += 1;
    var mine = generation;
    if (!Object.keys(wanted).length) { showServerPage(); return; }
    pageParts(true);
    load().then(function () {
      if (mine !== generation) { return; }
      matches = select(wanted);
      render(page);
    }, function () {
      if (mine !== generation) { return; }
      showServerPage();
      if (count) { count.textContent = "Die Filterdaten ließen sich nicht laden; die Seitenlinks und festen Listen führen zu jeder Maßnahme."; }
    });
  };
}

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
    if (scope.hasAttribute("data-portal-index")) {
      if (!form.portalIndexed) { form.portalIndexed = portalIndexed(form, scope); }
      form.portalIndexed(wanted);
      return;
    }
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
