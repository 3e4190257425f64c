/*
 * Filters on the "Kaikki palvelut" page.
 *
 * Without JavaScript the page simply lists every service and the form stays
 * hidden. With it, a "Rajaa palveluita" button (aria-expanded) takes the form's
 * place and opens it, so on a phone the results come first; the button says how
 * many choices are made. Until this script runs, tarjotin.css keeps the hidden
 * form exactly as tall as the button, so nothing shifts when it comes. The
 * chosen theme(s), municipality and access route(s) hide non-matching cards,
 * the count is announced through an aria-live region, and the state lives in
 * the URL query (?teema=…&kunta=…&paasy=…) so a filtered view can be shared and
 * bookmarked. Material's instant navigation swaps pages without reloading, so
 * we initialise on every page change through its `document$` observable, not
 * on DOMContentLoaded.
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

  function chosenText(state) {
    var chosen = state.themes.length + (state.municipality ? 1 : 0) + state.access.length;
    if (!chosen) return "";
    return chosen === 1 ? "1 valinta" : chosen + " valintaa";
  }

  /* The disclosure button in the form's place; the form itself stays closed. */
  function makeToggle(form) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "tarjotin-filters-toggle";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", form.id);
    var name = document.createElement("span");
    name.textContent = "Rajaa palveluita";
    var chosen = document.createElement("span");
    chosen.className = "tarjotin-filters-toggle__chosen";
    chosen.hidden = true;
    button.appendChild(name);
    button.appendChild(chosen);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      form.hidden = !open;
    });
    form.parentNode.insertBefore(button, form);
    return chosen;
  }

  function apply(form, cards, count, empty, chosen) {
    var state = readState(form);
    chosen.textContent = chosenText(state);
    chosen.hidden = !chosen.textContent;
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
    var chosen = makeToggle(form);
    form.classList.add("tarjotin-filters--ready");
    form.addEventListener("change", function () { apply(form, cards, count, empty, chosen); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(form, cards, count, empty, chosen); }, 0);
    });
    apply(form, cards, count, empty, chosen);
  }

  window.tarjotin.onEveryPage(init);
})();
