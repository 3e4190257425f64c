/*
 * The search page (/haku/): the site's own UI on Pagefind's JavaScript API, which
 * stems Finnish (<html lang="fi">); Pagefind's default UI is 134 KB more to download.
 * Without JavaScript the form sends ?q= to the page, whose <noscript> text points to
 * the listings. With it, typing searches, the theme checkboxes narrow the results (any
 * chosen theme), ?q= and ?teema= follow in the address, and the status line
 * (role="status") changes only once typing has stopped.
 */
(function () {
  "use strict";

  var PAGE = 10;       // results shown at first and added by "Näytä lisää tuloksia"
  var DEBOUNCE = 300;  // ms after the last key press before searching
  var SETTLE = 1000;   // ms after the last key press before the status line changes
  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  /* Pagefind's excerpt is escaped text with the matches in <mark>. Only <mark>
     becomes an element; anything else, a tag included, stays text. */
  function excerpt(html) {
    var p = el("p", "tarjotin-search__excerpt");
    var mark = null;
    String(html || "").split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>") mark = p.appendChild(el("mark"));
      else if (part === "</mark>") mark = null;
      else if (part) {
        (mark || p).appendChild(document.createTextNode(
          part.replace(/&(amp|lt|gt|quot|#39);/g, function (entity) { return ENTITIES[entity]; })));
      }
    });
    return p;
  }

  function link(text, url) {
    var a = el("a", null, text);
    var safe = /^https?:$/.test(new URL(url, window.location.href).protocol);
    a.setAttribute("href", safe ? url : "#");
    return a;
  }

  /* Up to three sections of the page, as Pagefind's default UI shows them,
     leaving out the page itself (its top, or its <h1>). */
  function sections(data, title) {
    var subs = (data.sub_results || []).filter(function (sub) {
      return sub.url !== data.url && sub.title !== title;
    });
    var best = subs.slice().sort(function (a, b) {
      return b.locations.length - a.locations.length;
    }).slice(0, 3);
    return subs.filter(function (sub) { return best.indexOf(sub) !== -1; });
  }

  function result(data) {
    var title = (data.meta && data.meta.title) || data.url;
    var item = el("li", "tarjotin-search__result");
    item.appendChild(el("h2", "tarjotin-search__title")).appendChild(link(title, data.url));
    item.appendChild(excerpt(data.excerpt));
    var subs = sections(data, title);
    if (subs.length) {
      var list = item.appendChild(el("ul", "tarjotin-search__sections"));
      subs.forEach(function (sub) {
        var li = list.appendChild(el("li"));
        li.appendChild(link(sub.title, sub.url));
        li.appendChild(excerpt(sub.excerpt));
      });
    }
    return item;
  }

  function init() {
    var root = document.getElementById("tarjotin-search");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    var form = root.querySelector("form");
    var input = form.elements.q;
    var fieldset = root.querySelector("fieldset");
    var boxes = [].slice.call(fieldset.querySelectorAll("input"));
    var status = root.querySelector("[role=status]");
    var list = root.querySelector("ol");
    var more = root.querySelector(".tarjotin-search__more");
    var bundle = new URL(root.getAttribute("data-bundle"), window.location.href).href;
    var pagefind = null;
    var totals = null;  // results per theme without a query
    var results = [];
    var shown = 0;
    var generation = 0;
    var lastKey = 0;
    var timer = 0;

    var params = new URLSearchParams(window.location.search);
    var chosen = params.getAll("teema").join(",").split(",");
    input.value = params.get("q") || "";
    boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });
    input.focus();

    function say(parts, wait) {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        status.textContent = "";
        status.append.apply(status, parts);  // text and elements, never HTML
      }, wait || 0);
    }

    function fail() {
      generation += 1;
      form.hidden = list.hidden = more.hidden = true;
      var message = root.querySelector(".tarjotin-search__error").cloneNode(true);
      say([].slice.call(message.childNodes));
    }

    function counts(filters) {
      var found = (filters && filters.Teema) || {};
      boxes.forEach(function (box) {
        box.parentNode.querySelector(".tarjotin-search__count").textContent =
          "(" + (found[box.getAttribute("data-filter")] || 0) + ")";
      });
    }

    function updateUrl(query, chosen) {
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      if (chosen.length) params.set("teema", chosen.map(function (box) { return box.value; }).join(","));
      var search = params.toString() ? "?" + params : "";
      window.history.replaceState(window.history.state, "", window.location.pathname + search + window.location.hash);
    }

    /* Loads and shows the next page of results; `fresh` replaces the previous search's. */
    function show(fresh, focus) {
      var current = generation;
      var batch = results.slice(shown, shown + PAGE);
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
        if (current !== generation) return;
        if (fresh) list.textContent = "";
        var items = pages.map(result);
        items.forEach(function (item) { list.appendChild(item); });
        shown += items.length;
        list.hidden = shown === 0;
        more.hidden = shown >= results.length;
        if (focus && items.length) items[0].querySelector("a").focus();
      });
    }

    function announce(query, names, count) {
      var within = names.length ? ", rajaus: " + names.join(", ") : "";
      var wait = Math.max(0, lastKey + SETTLE - Date.now());
      if (count) {
        say([count + (count === 1 ? " palvelu" : " palvelua") + " löytyi" +
          (query ? " haulla ”" + query + "”" : "") + within], wait);
      } else {
        say([(query ? "Haulla ”" + query + "” ei löytynyt palveluita" : "Palveluita ei löytynyt") + within +
          ". Kokeile toista sanaa tai selaa ", link("teemoittain", root.getAttribute("data-themes")), "."], wait);
      }
    }

    function run(debounced) {
      var query = input.value.trim();
      var chosen = boxes.filter(function (box) { return box.checked; });
      var names = chosen.map(function (box) { return box.getAttribute("data-filter"); });
      var current = (generation += 1);
      var found = query || names.length
        ? pagefind[debounced ? "debouncedSearch" : "search"](query || null,
          names.length ? { filters: { Teema: { any: names } } } : {}, DEBOUNCE)
        : Promise.resolve({ results: [], totalFilters: totals });
      found.then(function (search) {
        if (!search || current !== generation) return null;  // a newer search is on its way
        updateUrl(query, chosen);
        results = search.results;
        shown = 0;
        counts(search.totalFilters);
        return show(true, false).then(function () {
          if (current !== generation) return;
          if (query || names.length) announce(query, names, results.length);
          else say([], 0);
        });
      }).catch(fail);
    }

    import(bundle + "pagefind.js")
      .then(function (module) {
        pagefind = module;
        return pagefind.options({ excerptLength: 20 });
      })
      .then(function () {
        pagefind.init();
        return pagefind.filters();
      })
      .then(function (filters) {
        totals = filters;
        counts(totals);
        fieldset.hidden = false;
        input.addEventListener("input", function () {
          lastKey = Date.now();
          window.clearTimeout(timer);  // the status line waits until typing stops
          run(true);
        });
        fieldset.addEventListener("change", function () { run(false); });
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          lastKey = 0;
          run(false);
        });
        more.addEventListener("click", function () {
          if (more.dataset.busy) return;  // one page at a time
          more.dataset.busy = "true";
          show(false, true).catch(fail).then(function () { delete more.dataset.busy; });
        });
        run(false);
      })
      .catch(fail);
  }

  window.tarjotin.onEveryPage(init);
})();
