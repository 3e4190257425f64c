/*
 * Shared by the site's scripts (loaded first). Material's instant navigation
 * swaps pages without reloading, so page scripts initialise on every page
 * change through its `document$` observable rather than on DOMContentLoaded;
 * without Material's bundle they fall back to the ordinary page load.
 */
(function () {
  "use strict";

  function onEveryPage(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  window.tarjotin = { onEveryPage: onEveryPage };
})();
