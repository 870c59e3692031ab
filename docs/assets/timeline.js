/* The timeline overview's filters across every milestone (overrides/timeline.html). The overview lists
   only the years, so that it stays small; every milestone is in zeitleiste/eintraege.json
   (hooks/portal/timeline_data.py), loaded on the first filter that is set. The milestones that match
   are shown under their years, with a link to each year's page. The form is the overview's ordinary
   filter form: portal.js shows it and keeps its state in the address; this script only reads it.
   Markup contract: [data-portal-remote="address of the JSON"] around the form, with
   [data-portal-results] for the matches and output[data-portal-count] in the form. Without
   JavaScript the form stays hidden and the year pages list everything. Text goes in as text
   (textContent), never as HTML. */
(function () {
  "use strict";
  var FIELDS = ["initiative", "kind", "status", "region"];

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined) { el.textContent = text; }
    return el;
  }
  function optionText(form, name, value) {
    var select = form.elements[name];
    if (!select || !select.options) { return value; }
    for (var i = 0; i < select.options.length; i += 1) {
      if (select.options[i].value === value) { return select.options[i].textContent; }
    }
    return value;
  }
  function wanted(form) {
    var found = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value) { found[name] = field.value; }
    });
    return found;
  }
  function matches(entry, want) {
    /* entry: [gruppe, datum_iso, datum, titel, ort, art, stand, initiative, regionen] */
    return (!want.initiative || entry[7] === want.initiative) && (!want.kind || entry[5] === want.kind) &&
      (!want.status || entry[6] === want.status) && (!want.region || entry[8].indexOf(want.region) !== -1);
  }
  function milestone(form, entry, root, initiatives) {
    var item = element("li", "portal-timeline__item portal-timeline__item--" + entry[6]);
    item.setAttribute("data-portal-item", "");
    var date = element("p", "portal-timeline__date");
    if (entry[1]) {
      var time = element("time", "", entry[2]);
      time.setAttribute("datetime", entry[1]);
      date.appendChild(time);
    } else {
      date.appendChild(element("span", "portal-date-unknown", entry[2]));
    }
    item.appendChild(date);
    var title = element("p", "portal-timeline__title");
    title.appendChild(element("strong", "", entry[3]));
    var details = [optionText(form, "kind", entry[5]), optionText(form, "status", entry[6])];
    if (entry[4]) { details.push(entry[4]); }
    title.appendChild(document.createTextNode(" "));
    title.appendChild(element("span", "portal-meta", "(" + details.join(", ") + ")"));
    item.appendChild(title);
    var link = element("a", "", optionText(form, "initiative", entry[7]));
    link.href = new URL(initiatives[entry[7]], root).href + "#zeitleiste";
    var of = element("p", "portal-meta");
    of.appendChild(link);
    item.appendChild(of);
    return item;
  }
  function show(box, form, data, root) {
    var results = box.querySelector("[data-portal-results]");
    var count = form.querySelector("[data-portal-count]");
    var want = wanted(form);
    var all = data.eintraege;
    results.textContent = "";
    if (!Object.keys(want).length) {
      results.hidden = true;
      if (count) { count.textContent = all.length + " von " + all.length + " angezeigt"; }
      return;
    }
    var found = all.filter(function (entry) { return matches(entry, want); });
    var groups = {};
    var order = [];
    found.forEach(function (entry) {
      if (!groups[entry[0]]) { groups[entry[0]] = []; order.push(entry[0]); }
      groups[entry[0]].push(entry);
    });
    /* Newest year first, as the year list; undated last; in a year, the timeline's order. */
    var rank = data.reihenfolge;  /* not Object.keys: it would put "2017" before "2023" */
    order.sort(function (a, b) { return rank.indexOf(a) - rank.indexOf(b); });
    if (!found.length) {
      results.appendChild(element("p", "", "Kein Meilenstein passt zu diesem Filter."));
    }
    order.forEach(function (key) {
      var group = data.gruppen[key];
      var section = element("section");
      section.setAttribute("data-portal-group", "");
      section.appendChild(element("h3", "", group.ueberschrift));
      var list = element("ol", "portal-timeline");
      groups[key].forEach(function (entry) { list.appendChild(milestone(form, entry, root, data.initiativen)); });
      section.appendChild(list);
      var more = element("p", "portal-meta");
      var page = element("a", "", "Alle Meilensteine von " + group.ueberschrift + ", mit Beschreibung und Quellen");
      page.href = new URL(group.adresse, root).href;
      more.appendChild(page);
      section.appendChild(more);
      results.appendChild(section);
    });
    results.hidden = false;
    if (count) { count.textContent = found.length + " von " + all.length + " angezeigt"; }
  }
  function init(box) {
    var form = box.querySelector("form");
    var address = new URL(box.getAttribute("data-portal-remote"), window.location.href);
    var root = new URL("../", address);  /* the JSON lies one folder below the site's root */
    var loading = null;
    var count = form.querySelector("[data-portal-count]");
    var unfiltered = count ? count.textContent : "";  /* "N von N angezeigt", written by the template */
    function load() {
      if (!loading) {
        loading = fetch(address.href, {credentials: "same-origin"}).then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        });
      }
      return loading;
    }
    function update() {
      if (!Object.keys(wanted(form)).length) {
        box.querySelector("[data-portal-results]").hidden = true;
        if (count) { count.textContent = unfiltered; }
        return;
      }
      load().then(function (data) { show(box, form, data, root); }, function () {
        var results = box.querySelector("[data-portal-results]");
        results.textContent = "";
        results.appendChild(element("p", "", "Die Liste der Meilensteine konnte nicht geladen werden. Die Seiten der einzelnen Jahre zeigen sie alle."));
        results.hidden = false;
      });
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    window.addEventListener("popstate", function () { window.setTimeout(update, 0); });
    /* portal.js has read the address into the form (it runs first): a shared, filtered address shows its matches. */
    window.setTimeout(update, 0);
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-portal-remote]"), init);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
