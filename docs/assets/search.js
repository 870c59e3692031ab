/* The portal's search dialog (overrides/partials/search.html), backed by Pagefind's JavaScript API.
 *
 * - Pagefind (<site>/pagefind/pagefind.js, its WebAssembly and index chunks) is imported only when the
 *   reader opens the search, never on page load; every request goes to the site itself.
 * - A query typed with ae/oe/ue/ss ("Muelheim", "Strasse") is searched as typed and in its forms with
 *   ä/ö/ü/ß; the answers are merged by id, each page keeping its best score.
 * - A hit shows its title (link), the kind of page, the initiative, the status as the site's own tag
 *   (cloned from the <template>s of portal/search.html's status_templates) and the excerpt with the
 *   matched words in <mark>. Only the first PAGE_SIZE hits load their data; "weitere Treffer" the next.
 * - Keyboard: "/", "s" or "f" open the search, arrow keys move between the field and the hits, Enter
 *   opens a hit (in the field: the first), Escape closes and returns focus to where it was. The number
 *   of hits is announced in a polite live region.
 * No inline styles (the Content-Security-Policy forbids them): visibility goes through `hidden`. */
(() => {
  "use strict";

  const PAGE_SIZE = 10;
  const DELAY = 200;  // ms after the last key before asking the index
  const FILTERS = ["art", "initiative", "region", "thema", "status"];
  const CONTENT = "Inhalte";  // the `bereich` filter's value for content pages (not help or legal)

  const dialog = document.querySelector("[data-portal-search]");
  const toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  const form = dialog.querySelector("[data-portal-search-form]");
  const input = dialog.querySelector("#portal-search-query");
  const status = dialog.querySelector("#portal-search-status");
  const list = dialog.querySelector("#portal-search-results");
  const more = dialog.querySelector("[data-portal-search-more]");
  const options = dialog.querySelector("[data-portal-search-options]");
  const scope = dialog.querySelector("[data-portal-search-scope]");
  let selects = [];          // the filter choices, once their <template> is in the page

  let loading = null;       // the promise of Pagefind's module, from the first use on
  let hasScope = false;     // whether the index has the `bereich` filter
  let hits = [];            // the merged hits of the current query, best first
  let shown = 0;            // how many of them are in the list
  let asked = 0;            // number of the latest query: older answers are dropped
  let timer = 0;
  let returnTo = null;      // where focus was before the search opened

  /* The site's root address: Material writes the page's relative base into its config. */
  function siteRoot() {
    const config = document.getElementById("__config");
    const base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  /* Pagefind, imported from the site itself on first use; its filters fill the choices. A failed
   * import (no index yet, offline) is tried again on the next query. */
  function load() {
    if (!loading) {
      const root = siteRoot();
      loading = import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
        await module.options({ baseUrl: root.pathname, excerptLength: 24 });
        await module.init();
        await fillFilters(await module.filters());
        return module;
      });
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  /* Filters the index has become visible choices with their counts; the rest stay hidden. */
  async function fillFilters(all) {
    const template = dialog.querySelector("template[data-portal-search-filters]");
    if (template) {
      template.replaceWith(template.content.cloneNode(true));
      selects = [...dialog.querySelectorAll("select[data-filter]")];
      for (const select of selects) select.addEventListener("change", () => search(input.value));
    }
    hasScope = Boolean(all && all.bereich && all.bereich[CONTENT]);
    scope.closest("p").hidden = !hasScope;
    let any = false;
    for (const select of selects) {
      const values = (all && all[select.dataset.filter]) || {};
      const names = Object.keys(values).sort((a, b) => a.localeCompare(b, "de"));
      for (const name of names) {
        const option = document.createElement("option");
        option.value = name;
        option.dataset.label = labelOf(select.dataset.filter, name);
        option.textContent = `${option.dataset.label} (${values[name]})`;
        select.append(option);
      }
      select.parentElement.hidden = names.length === 0;
      any = any || names.length > 0;
    }
    const details = dialog.querySelector(".portal-search__filters");
    if (details) details.hidden = !any;  // no empty "Treffer eingrenzen"
    options.hidden = !(any || hasScope);
  }

  /* A filter value in words: a status key ("in_umsetzung") as the site says it ("in Umsetzung"),
   * taken from the status templates; both kinds' words where they differ ("abgeschlossen / beendet"). */
  function labelOf(filter, value) {
    if (filter !== "status") return value;
    const templates = [...dialog.querySelectorAll("template[data-status]")];
    const word = (t) => t.content.textContent.trim();
    if (templates.some((t) => word(t) === value)) return value;  // the index gives the word already
    const words = templates.filter((t) => t.dataset.status === value).map(word);
    return [...new Set(words)].join(" / ") || value;
  }

  /* The counts under the current query: the option keeps its name, its number follows the hits. */
  function updateCounts(counts) {
    for (const select of selects) {
      const values = (counts && counts[select.dataset.filter]) || {};
      for (const option of select.options) {
        if (option.value) option.textContent = `${option.dataset.label} (${values[option.value] || 0})`;
      }
    }
  }

  function chosenFilters() {
    const chosen = {};
    if (hasScope && !scope.checked) chosen.bereich = CONTENT;
    for (const select of selects) if (select.value) chosen[select.dataset.filter] = select.value;
    return chosen;
  }

  /* The query as typed, and with ä/ö/ü for ae/oe/ue ("Quelle" keeps its "ue" after q) and ß for ss. */
  function spellings(query) {
    const umlauts = (text) => text.replace(/(?<![qQ])([aouAOU])[eE]/g, (_, vowel) => ({
      a: "ä", o: "ö", u: "ü", A: "Ä", O: "Ö", U: "Ü" })[vowel]);
    const sharp = (text) => text.replace(/ss/g, "ß");
    return [...new Set([query, umlauts(query), sharp(query), sharp(umlauts(query))])];
  }

  async function search(query) {
    const number = ++asked;
    if (!query.trim()) {
      hits = []; shown = 0; list.replaceChildren(); more.hidden = true;
      status.textContent = "Suchbegriff eingeben";
      return;
    }
    let module;
    try {
      module = await load();
    } catch (error) {
      status.textContent = "Die Suche ist gerade nicht verfügbar. Bitte laden Sie die Seite später neu.";
      return;
    }
    const filters = chosenFilters();
    const answers = await Promise.all(spellings(query).map((form) => module.search(form, { filters })));
    if (number !== asked) return;
    const best = new Map();
    for (const answer of answers) {
      for (const hit of answer ? answer.results : []) {
        const known = best.get(hit.id);
        if (!known || hit.score > known.score) best.set(hit.id, hit);
      }
    }
    hits = [...best.values()].sort((a, b) => b.score - a.score);
    shown = 0;
    list.replaceChildren();
    updateCounts(answers[0] && answers[0].filters);
    await showMore(number);
    if (number !== asked) return;
    const count = hits.length ? `${hits.length} Treffer` : "Keine Treffer";
    const narrowed = Object.keys(filters).some((key) => key !== "bereich") ? " (eingegrenzt)" : "";
    status.textContent = `${count} für „${query.trim()}“${narrowed}`;
  }

  async function showMore(number) {
    const next = hits.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(next.map((hit) => hit.data()));
    if (number !== asked) return;
    const first = list.children.length;
    list.append(...data.map(item));
    shown += next.length;
    more.hidden = shown >= hits.length;
    more.textContent = `weitere Treffer (noch ${hits.length - shown})`;
    return list.children[first];
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* One hit: title link, then kind, initiative and status, then the excerpt. */
  function item(data) {
    const meta = data.meta || {};
    const li = element("li", "md-search-result__item portal-search__hit");
    const article = element("article", "md-search-result__article md-typeset");
    const heading = element("h3", "portal-search__title");
    const link = element("a", "md-search-result__link portal-search__link", meta.title || data.url);
    link.href = data.url;
    heading.append(link);
    article.append(heading);
    const facts = element("p", "portal-search__facts");
    if (meta.art) facts.append(element("span", "portal-search__kind", meta.art));
    if (meta.initiative && meta.art !== "Initiative") {
      const several = meta.initiative.includes(" · ");  // the index joins several initiatives so
      facts.append(element("span", "portal-search__initiative", `${several ? "Initiativen" : "Initiative"}: ${meta.initiative}`));
    }
    if (meta.status && (meta.art === "Initiative" || meta.art === "Maßnahme")) facts.append(statusTag(meta));
    if (facts.childNodes.length) article.append(facts);
    const excerpt = element("p", "portal-search__excerpt");
    excerpt.append(...marked(data.excerpt || ""));
    article.append(excerpt);
    li.append(article);
    return li;
  }

  /* The site's status tag for the hit's status, or its word alone where the page has no templates. */
  function statusTag(meta) {
    const kind = meta.art === "Initiative" ? "initiative" : "measure";
    const template = [...dialog.querySelectorAll("template[data-kind]")]
      .find((t) => t.dataset.kind === kind && t.dataset.status === meta.status);
    if (template) return template.content.cloneNode(true);
    return element("span", `portal-status portal-status--${meta.status.replace(/[^a-z_]/g, "")}`,
      meta.status_label || meta.status);
  }

  /* Pagefind's excerpt as nodes: its text, and <mark> around the matched words; nothing else of it
   * becomes markup (parsed in an inert document, copied as text). */
  function marked(html) {
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
    return [...parsed.childNodes].map((node) => (node.nodeName === "MARK"
      ? element("mark", "", node.textContent) : document.createTextNode(node.textContent)));
  }

  /* Opening and closing: Material's #__search toggle shows the overlay, as its own search did. */
  function open(from) {
    if (!toggle.checked) {
      returnTo = from && !dialog.contains(from) ? from : returnTo;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load().catch(() => {});
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    const target = returnTo;
    returnTo = null;
    if (target && target.isConnected && target !== document.body) target.focus();
    else if (dialog.contains(document.activeElement)) document.activeElement.blur();
  }

  function links() {
    return [...list.querySelectorAll("a.portal-search__link")];
  }

  input.addEventListener("focus", (event) => open(event.relatedTarget));
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), DELAY);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => setTimeout(() => { search(""); input.focus(); }));
  scope.addEventListener("change", () => search(input.value));
  more.addEventListener("click", async () => {
    const firstNew = await showMore(asked);
    if (firstNew) firstNew.querySelector("a").focus();
  });

  // While closed, nothing in the dialog below the field can take focus (Shift+Tab from the header
  // would land on hidden filters and hits).
  const output = dialog.querySelector(".md-search__output");
  const settle = () => { output.inert = !toggle.checked; };
  settle();
  toggle.addEventListener("change", settle);

  // Tab past the dialog's last control (or Shift+Tab before the field) closes it, as leaving the
  // field closed Material's: focus goes on through the page, never to controls behind an overlay.
  dialog.addEventListener("focusout", (event) => {
    const to = event.relatedTarget;
    if (toggle.checked && to && !dialog.contains(to)) {
      returnTo = null;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });

  // The magnifier in the header (phones) opens the dialog: focus goes to the field.
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== input) {
      returnTo = returnTo || document.activeElement;
      setTimeout(() => input.focus({ preventScroll: true }), 50);
    } else if (!toggle.checked && dialog.contains(document.activeElement)) {
      document.activeElement.blur();  // closed by the overlay or the back arrow: reopen on next focus
    }
  });

  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (event.target.tagName === "SELECT") return;  // a choice's own arrow keys
    const stops = [input, ...links()];
    const at = stops.indexOf(document.activeElement.closest("a") || document.activeElement);
    if (at < 0 || stops.length < 2) return;
    event.preventDefault();
    const to = event.key === "ArrowDown" ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    stops[to].focus();
  });

  // Material's shortcuts for its search: "/", "s" and "f" open it from anywhere but a form field.
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || toggle.checked) return;
    if (!["/", "s", "f"].includes(event.key)) return;
    const active = document.activeElement;
    const typing = "input:not([type=radio]):not([type=checkbox]):not([type=button]), textarea, select";
    if (active && (active.isContentEditable || active.matches(typing))) return;  // the key is typed there
    event.preventDefault();
    returnTo = active;
    input.focus();
  });
})();
