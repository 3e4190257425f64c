/*
 * The search page (/haku/): the site's own UI on Pagefind's JavaScript API, which
 * stems Finnish (<html lang="fi">); Pagefind's default UI is 134 KB more to download.
 * Without JavaScript the form sends ?q= to the page, whose <noscript> text points to
 * the listings. With it, typing searches, the theme checkboxes narrow the results (any
 * chosen theme), ?q= and ?teema= follow in the address, and the status line
 * (role="status") changes only once typing has stopped.
 *
 * People type questions ("mistä saan apua masennukseen"), and Pagefind wants every
 * word to match. So question and filler words are left out (STOP_WORDS), each other
 * word is searched on its own, and a page is ranked by how many of the words it
 * matches, then by Pagefind's score (name, summary and keywords weigh most). Words
 * that find nothing are dropped, and the status line says which words were searched.
 * A result shows the service's name, summary, area and how to get in (Pagefind meta,
 * see service.md.j2). With no results, the page suggests the themes, the list of all
 * services and the closest words the index knows.
 */
(function () {
  "use strict";

  // Results shown at first and added by "Näytä lisää tuloksia": eight fit two phone
  // screens, and each costs its fragment's download (about 1.5 KB) on the first search.
  var PAGE = 8;
  /* The pause after a key press before searching: one and a half of the person's own
     usual gap between keys, so that a search waits for the end of a word rather than
     running on every key, and a fast typist does not wait for a slow one's pause. */
  var PAUSE_MIN = 120;  // ms
  var PAUSE_MAX = 300;  // ms, also before the gaps are known
  var PAUSE_FACTOR = 1.5;
  var GAPS = 5;         // the last gaps between keys that count
  var BURST = 1000;     // ms: a longer gap starts a new burst of typing and is not counted
  var SETTLE = 1000;   // ms after the last key press before the status line changes
  var SUGGESTIONS = 5; // closest known words offered when nothing is found
  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };
  /* Question and filler words that name no service: Finnish, and a few English and
     Swedish ones, for the vocabulary's English and Swedish words. */
  var STOP_WORDS = new Set((
    "kuka ketkä kenelle keneltä kenen keneen kehen mikä mitkä mitä mistä mihin missä millä " +
    "miltä mille minkä miten miksi milloin kuinka paljonko montako onko onkos voiko voinko " +
    "voisinko voisiko voiko saako saanko saisinko saisiko pitääkö täytyykö tarvitseeko " +
    "tarvitsenko pääsenkö haluan haluaisin halusin tarvitsen tarvitsisin tarvitaan etsin " +
    "etsitään hae haen olen oon olisi olisin ois on ole olla ei en et eikä ja tai sekä mutta " +
    "kun jos että jotta kanssa varten myös vielä nyt jo vain kyllä minä mä mää mie minulla " +
    "minulle minun minua minut mulla mulle mun mua mut meille meillä meidän sinä sä sinulla " +
    "hän he joka jonka jota jossa jolla se sen ne niitä tämä tää nämä joku jokin jotain " +
    "jotakin jostain jostakin johonkin apua apu avun avuksi auttaa auttaisi auttavat auttavaa " +
    "autetaan saa saan saada saisin saamaan saamiseksi pääsen päästä pääsee pääsisin voin " +
    "voi voida voisin hyvä paljon vähän esim jne " +
    "the a an for of to in on with where who how what when can could i my me help get find " +
    "is are and or och eller för med till på var vem hur vad kan jag min mig hjälp få är " +
    "en ett"
  ).split(" "));

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function decode(text) {
    return text.replace(/&(amp|lt|gt|quot|#39);/g, function (entity) { return ENTITIES[entity]; });
  }

  /* Pagefind's excerpt is escaped text with the matches in <mark>. Only <mark>
     becomes an element; anything else, a tag included, stays text. */
  function excerpt(html) {
    var p = el("p", "tarjotin-search__excerpt");
    var mark = null;
    String(html || "").split(/(<\/?mark>)/).forEach(function (part) {
      if (part === "<mark>") mark = p.appendChild(el("mark"));
      else if (part === "</mark>") mark = null;
      else if (part) (mark || p).appendChild(document.createTextNode(decode(part)));
    });
    return p;
  }

  function link(text, url) {
    var a = el("a", null, text);
    var safe = /^https?:$/.test(new URL(url, window.location.href).protocol);
    a.setAttribute("href", safe ? url : "#");
    return a;
  }

  /* The words of a query, lowercase, without punctuation; hyphenated words stay whole. */
  function words(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}-]+/u).map(function (word) {
      return word.replace(/^-+|-+$/g, "");
    }).filter(Boolean);
  }

  /* Edit distance, for ordering suggestions by how close they are to what was typed. */
  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j += 1) row.push(j);
    for (var i = 1; i <= a.length; i += 1) {
      var previous = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j += 1) {
        var here = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = here;
      }
    }
    return row[b.length];
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
    var help = root.querySelector(".tarjotin-search__suggestions");
    var closest = help.querySelector(".tarjotin-search__closest");
    var bundle = new URL(root.getAttribute("data-bundle"), window.location.href).href;
    var labels = { area: root.getAttribute("data-label-area"), access: root.getAttribute("data-label-access") };
    var pagefind = null;
    var totals = null;   // results per theme without a query
    var results = [];
    var shown = 0;
    var generation = 0;
    var lastKey = 0;
    var gaps = [];     // ms between the last key presses
    var timer = 0;
    var typing = 0;

    var params = new URLSearchParams(window.location.search);
    var chosen = params.getAll("teema").join(",").split(",");
    input.value = params.get("q") || "";
    boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });
    input.focus();

    // Typing is timed from the first key, also before Pagefind has loaded.
    input.addEventListener("input", function () {
      var now = Date.now();
      if (lastKey && now - lastKey < BURST) gaps = gaps.concat(now - lastKey).slice(-GAPS);
      lastKey = now;
      window.clearTimeout(timer);  // the status line waits until typing stops
    });

    function say(parts, wait) {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        status.textContent = "";
        status.append.apply(status, parts);  // text and elements, never HTML
      }, wait || 0);
    }

    function fail() {
      generation += 1;
      form.hidden = list.hidden = more.hidden = help.hidden = true;
      var message = root.querySelector(".tarjotin-search__error").cloneNode(true);
      say([].slice.call(message.childNodes));
    }

    function counts(found) {
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

    /* Searches each word on its own and ranks the pages by how many words they match,
       then by the sum of Pagefind's scores. Resolves to {results, used, perTheme},
       where perTheme is a promise of the results per theme.

       Which themes a result is in comes from the same word searched within each theme:
       a filter-only search would load every chunk of the index (hundreds of KB at 1,000
       services), a word's search only the chunk that holds it, and the theme searches
       reuse it. They are six more searches a word, so the results are shown without
       waiting for them unless a theme is chosen; the counts follow. */
    function searchWords(terms, names) {
      var themeNames = boxes.map(function (box) { return box.getAttribute("data-filter"); });
      // The plain searches first: Pagefind's worker answers in order.
      var plain = Promise.all(terms.map(function (term) { return pagefind.search(term); }));
      var of = Promise.all(terms.map(function (term) {
        return Promise.all(themeNames.map(function (name) {
          return pagefind.search(term, { filters: { Teema: name } });
        }));
      })).then(function (answers) {
        var themes = new Map(); // page id -> the names of its themes
        answers.forEach(function (answer) {
          answer.forEach(function (within, theme) {
            within.results.forEach(function (r) {
              var list = themes.get(r.id) || themes.set(r.id, []).get(r.id);
              if (list.indexOf(themeNames[theme]) === -1) list.push(themeNames[theme]);
            });
          });
        });
        return themes;
      });
      return plain.then(function (answers) {
        var pages = new Map();
        var used = [];
        answers.forEach(function (search, index) {
          if (!search.results.length) return;
          used.push(terms[index]);
          search.results.forEach(function (r, position) {
            var key = r.id === undefined ? position : r.id;
            var page = pages.get(key) || pages.set(key, { result: r, words: 0, score: 0 }).get(key);
            page.words += 1;
            page.score += r.score || 0;
          });
        });
        var ranked = Array.from(pages.values()).sort(function (a, b) {
          return b.words - a.words || b.score - a.score;
        });
        var perTheme = of.then(function (themes) {
          var found = {};
          ranked.forEach(function (page) {
            (themes.get(page.result.id) || []).forEach(function (name) { found[name] = (found[name] || 0) + 1; });
          });
          return found;
        });
        var all = ranked.map(function (page) { return page.result; });
        if (!names.length) return { results: all, used: used, perTheme: perTheme };
        return of.then(function (themes) {
          var within = ranked.filter(function (page) {
            return (themes.get(page.result.id) || []).some(function (name) { return names.indexOf(name) !== -1; });
          });
          return { results: within.map(function (page) { return page.result; }), used: used, perTheme: perTheme };
        });
      });
    }

    function result(data) {
      var meta = data.meta || {};
      var title = meta.title || data.url;
      var item = el("li", "tarjotin-search__result");
      item.appendChild(el("h2", "tarjotin-search__title")).appendChild(link(title, data.url));
      if (meta.summary) item.appendChild(el("p", "tarjotin-search__summary", meta.summary));
      else item.appendChild(excerpt(data.excerpt));
      var facts = [];
      if (meta.area) facts.push(labels.area + ": " + meta.area);
      if (meta.access) facts.push(labels.access + ": " + meta.access);
      if (facts.length) item.appendChild(el("p", "tarjotin-search__facts", facts.join(" · ")));
      return item;
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

    /* The words the index knows that are closest to those typed: the matches of the
       longest start of each word that finds something, nearest first. */
    function suggest(terms) {
      var current = generation;
      closest.hidden = true;
      function probe(term, length) {
        if (length < 3) return Promise.resolve([]);
        return pagefind.search(term.slice(0, length)).then(function (search) {
          if (!search.results.length) return probe(term, length - 1);
          return Promise.all(search.results.slice(0, 3).map(function (r) { return r.data(); })).then(function (pages) {
            var found = [];
            pages.forEach(function (page) {
              (String(page.excerpt || "").match(/<mark>[^<]*<\/mark>/g) || []).forEach(function (marked) {
                words(decode(marked.slice(6, -7))).forEach(function (word) { found.push(word); });
              });
            });
            return found;
          });
        });
      }
      return Promise.all(terms.map(function (term) { return probe(term, term.length - 1); })).then(function (found) {
        if (current !== generation) return;
        var seen = new Set();
        var options = [];
        found.forEach(function (candidates, index) {
          candidates.forEach(function (word) {
            if (!seen.has(word) && word !== terms[index]) {
              seen.add(word);
              options.push({ word: word, distance: distance(word, terms[index]) });
            }
          });
        });
        options.sort(function (a, b) { return a.distance - b.distance; });
        var target = closest.querySelector("ul");
        target.textContent = "";
        options.slice(0, SUGGESTIONS).forEach(function (option) {
          target.appendChild(el("li")).appendChild(link(option.word, "?q=" + encodeURIComponent(option.word)));
        });
        closest.hidden = !options.length;
      });
    }

    function quoted(list) {
      var parts = list.map(function (word) { return "”" + word + "”"; });
      return parts.length > 1 ? parts.slice(0, -1).join(", ") + " ja " + parts[parts.length - 1] : parts[0];
    }

    function announce(query, names, count, used, typed) {
      var within = names.length ? ", rajaus: " + names.join(", ") : "";
      var wait = Math.max(0, lastKey + SETTLE - Date.now());
      if (count) {
        var searched = used.length && used.length < typed.length
          ? ". Haettiin " + (used.length === 1 ? "sanalla " : "sanoilla ") + quoted(used) + "."
          : "";
        say([count + (count === 1 ? " palvelu" : " palvelua") + " löytyi" +
          (query ? " haulla ”" + query + "”" : "") + within + searched], wait);
      } else {
        say([(query ? "Haulla ”" + query + "” ei löytynyt palveluita" : "Palveluita ei löytynyt") + within +
          ". Kokeile toista sanaa tai selaa ", link("teemoittain", root.getAttribute("data-themes")), "."], wait);
      }
    }

    function run() {
      var query = input.value.trim();
      var chosen = boxes.filter(function (box) { return box.checked; });
      var names = chosen.map(function (box) { return box.getAttribute("data-filter"); });
      var typed = words(query);
      var kept = typed.filter(function (word) { return !STOP_WORDS.has(word); });
      if (!kept.length) kept = typed;  // only question words: search them after all
      var current = (generation += 1);
      var found;
      if (kept.length) found = searchWords(kept, names);
      else if (names.length) {
        found = pagefind.search(null, { filters: { Teema: { any: names } } }).then(function (search) {
          return { results: search.results, used: [], perTheme: search.totalFilters.Teema || {} };
        });
      } else found = Promise.resolve({ results: [], used: [], perTheme: (totals && totals.Teema) || {} });
      found.then(function (search) {
        if (current !== generation) return null;  // a newer search is on its way
        updateUrl(query, chosen);
        results = search.results;
        shown = 0;
        help.hidden = true;
        // The results first; the theme counts and the status line once the counts are known.
        return Promise.all([show(true, false), Promise.resolve(search.perTheme)]).then(function (done) {
          if (current !== generation) return null;
          counts(done[1]);
          if (!query && !names.length) return say([], 0);
          announce(query, names, results.length, search.used, typed);
          if (!results.length) {
            help.hidden = false;
            return kept.length ? suggest(kept) : null;
          }
          return null;
        });
      }).catch(fail);
    }

    function pause() {
      if (!gaps.length) return PAUSE_MAX;
      var sorted = gaps.slice().sort(function (a, b) { return a - b; });
      var usual = sorted[Math.floor(sorted.length / 2)];
      return Math.max(PAUSE_MIN, Math.min(PAUSE_MAX, Math.round(usual * PAUSE_FACTOR)));
    }

    function later() {
      window.clearTimeout(typing);
      typing = window.setTimeout(run, pause());
    }

    function start() {
      import(bundle + "pagefind.js")
        .then(function (module) {
          pagefind = module;
          // Pagefind's web worker is kept (41 KB, 12 KB gzip, on the first search):
          // without it the WebAssembly blocked the main thread for about 300 ms, and a
          // page left while Pagefind was loading threw its "Failed to load Pagefind
          // metadata" into the page.
          return pagefind.options({ excerptLength: 20 });
        })
        .then(function () {
          return pagefind.init();
        })
        .then(function () {
          return pagefind.filters();
        })
        .then(function (filters) {
          totals = filters;
          counts(totals.Teema || {});
          input.addEventListener("input", function () {
            // The chunk of the index that holds the words, loaded while typing goes on.
            if (input.value.trim()) pagefind.preload(input.value.trim()).catch(function () {});
            later();
          });
          fieldset.addEventListener("change", run);
          form.addEventListener("submit", function (event) {
            event.preventDefault();
            lastKey = 0;
            window.clearTimeout(typing);
            run();
          });
          more.addEventListener("click", function () {
            if (more.dataset.busy) return;  // one page at a time
            more.dataset.busy = "true";
            show(false, true).catch(fail).then(function () { delete more.dataset.busy; });
          });
          if (Date.now() - lastKey < pause()) later();  // typing goes on: wait for its pause
          else run();
        })
        .catch(fail);
    }

    // With a query or a theme in the address, search at once. Otherwise Pagefind is
    // loaded when the person reaches for the form (the field has the focus already, so
    // the first key press counts), or once the page has settled: its 100 KB then never
    // delay the page's first paint, and it loads while the rest of the word is typed.
    var started = false;
    function once() {
      if (started) return;
      started = true;
      start();
    }
    if (input.value.trim() || boxes.some(function (box) { return box.checked; })) once();
    else {
      form.addEventListener("focusin", once);
      form.addEventListener("pointerdown", once);
      form.addEventListener("keydown", once);
      form.addEventListener("input", once);
      var idle = window.requestIdleCallback || function (callback) { window.setTimeout(callback, 200); };
      var settle = function () { window.setTimeout(function () { idle(once); }, 1500); };
      if (document.readyState === "complete") settle(); else window.addEventListener("load", settle, { once: true });
    }
  }

  window.tarjotin.onEveryPage(init);
})();
