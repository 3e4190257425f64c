/*
 * Filters on the "Kaikki palvelut" page.
 *
 * Without JavaScript the page simply lists every service and the form stays
 * hidden. With it, the form appears; the chosen theme(s), municipality and
 * access route(s) hide non-matching cards, the count is announced through an
 * aria-live region, and the state lives in the URL query (?teema=…&kunta=…&paasy=…)
 * so a filtered view can be shared and bookmarked. Material's instant
 * navigation swaps pages without reloading, so we initialise on every page
 * change through its `document$` observable, not on DOMContentLoaded.
 */
(function () {
  "use strict";

  var PARAMS = { theme: "teema", municipality: "kunta", access: "paasy" };

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function readState(form) {
    var checked = function (name) {
      return Array.prototype.map.call(
        form.querySelectorAll('input[name="' + name + '"]:checked'),
        function (input) { return input.value; }
      );
    };
    return {
      themes: checked(PARAMS.theme),
      municipality: form.elements[PARAMS.municipality].value,
      access: checked(PARAMS.access)
    };
  }

  function writeState(form, state) {
    Array.prototype.forEach.call(form.querySelectorAll('input[type="checkbox"]'), function (input) {
      var chosen = input.name === PARAMS.theme ? state.themes : state.access;
      input.checked = chosen.indexOf(input.value) !== -1;
    });
    var select = form.elements[PARAMS.municipality];
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === state.municipality;
    });
    select.value = known ? state.municipality : "";
  }

  function stateFromUrl() {
    var query = new URLSearchParams(window.location.search);
    var list = function (name) {
      return query.getAll(name).join(",").split(",").filter(Boolean);
    };
    return {
      themes: list(PARAMS.theme),
      municipality: query.get(PARAMS.municipality) || "",
      access: list(PARAMS.access)
    };
  }

  function updateUrl(state) {
    var query = new URLSearchParams(window.location.search);
    query.delete(PARAMS.theme);
    query.delete(PARAMS.municipality);
    query.delete(PARAMS.access);
    if (state.themes.length) query.set(PARAMS.theme, state.themes.join(","));
    if (state.municipality) query.set(PARAMS.municipality, state.municipality);
    if (state.access.length) query.set(PARAMS.access, state.access.join(","));
    var search = query.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function matches(card, state) {
    var themes = words(card.getAttribute("data-themes"));
    var municipalities = words(card.getAttribute("data-municipalities"));
    var access = words(card.getAttribute("data-access"));
    var anyOf = function (wanted, have) {
      return !wanted.length || wanted.some(function (w) { return have.indexOf(w) !== -1; });
    };
    return anyOf(state.themes, themes) &&
      (!state.municipality || municipalities.indexOf(state.municipality) !== -1) &&
      anyOf(state.access, access);
  }

  function apply(form, cards, count, empty) {
    var state = readState(form);
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, state);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    var total = cards.length;
    count.textContent = shown === total
      ? "Palveluita: " + total
      : "Näytetään " + shown + " / " + total + " palvelua";
    empty.hidden = shown !== 0;
    updateUrl(state);
  }

  function init() {
    var form = document.getElementById("tarjotin-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var cards = Array.prototype.slice.call(document.querySelectorAll(".tarjotin-card"));
    var count = document.getElementById("tarjotin-count");
    var empty = document.getElementById("tarjotin-no-results");
    writeState(form, stateFromUrl());
    form.hidden = false;
    form.addEventListener("change", function () { apply(form, cards, count, empty); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(form, cards, count, empty); }, 0);
    });
    apply(form, cards, count, empty);
  }

  window.tarjotin.onEveryPage(init);
})();
