/*
 * The search page: Pagefind's UI, loaded only on the page that needs it.
 *
 * Pagefind picks its Finnish stemmer and UI texts from <html lang="fi">.
 * A query in the URL (?q=…, from the header or home page search form) runs at once.
 */
(function () {
  "use strict";

  function load(url, tag) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      if (tag === "script") { element.src = url; } else { element.rel = "stylesheet"; element.href = url; }
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function init() {
    var container = document.getElementById("tarjotin-search");
    if (!container || container.dataset.ready) return;
    container.dataset.ready = "true";
    var bundle = new URL(container.getAttribute("data-bundle"), window.location.href).href;
    Promise.all([
      load(bundle + "pagefind-ui.css", "link"),
      window.PagefindUI ? Promise.resolve() : load(bundle + "pagefind-ui.js", "script")
    ]).then(function () {
      var ui = new window.PagefindUI({
        element: "#tarjotin-search",
        bundlePath: bundle,
        showImages: false,
        showSubResults: true,
        autofocus: true
      });
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) ui.triggerSearch(query);
    }).catch(function () {
      container.textContent = "Haku ei juuri nyt toimi. Löydät palvelut teemoittain ja kunnittain.";
    });
  }

  window.tarjotin.onEveryPage(init);
})();
