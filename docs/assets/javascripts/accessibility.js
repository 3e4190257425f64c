/*
 * Keyboard access that Material leaves out, and the print button.
 *
 * Material opens the navigation drawer (small screens) and the navigation's
 * sections with <label>s for hidden checkboxes. The drawer's label cannot be
 * reached with the keyboard, and a section's label is an arrow with no name.
 * Each such label is replaced here by a real <button> with a name and
 * aria-expanded that clicks the label. The drawer's button also moves focus into
 * the drawer, Escape closes it and returns focus, and leaving the drawer with Tab
 * closes it (no focus trap). Without JavaScript the labels stay as they are, and
 * every page is also linked from the home page and the footer.
 */
(function () {
  "use strict";

  var MENU_LABEL = 'label.md-header__button[for="__drawer"]';
  var DRAWER = ".md-sidebar--primary";
  var FOCUSABLE = 'a[href], button:not([hidden]), input:not([type="hidden"]):not(.md-toggle)';

  function drawerToggle() {
    return document.getElementById("__drawer");
  }

  function menuButton() {
    return document.querySelector(".tarjotin-menu-button");
  }

  /* The drawer is a drawer only while the menu button is shown (small screens). */
  function drawerMode() {
    var button = menuButton();
    return button !== null && button.offsetParent !== null;
  }

  /* A <button> that stands in for `label`: same look, a name and, unless it only
     goes back, the state of what it opens. */
  function standIn(label, name, extraClass, goesBack) {
    var input = document.getElementById(label.htmlFor);
    if (!input || label.dataset.tarjotinReplaced) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " " + extraClass;
    button.innerHTML = label.innerHTML; // Material's own icon markup
    button.setAttribute("aria-label", name);
    if (!goesBack) {
      button.setAttribute("aria-expanded", input.checked ? "true" : "false");
      button.dataset.for = input.id;
    }
    button.addEventListener("click", function () {
      label.click();
    });
    label.parentNode.insertBefore(button, label);
    label.dataset.tarjotinReplaced = "true";
    label.setAttribute("aria-hidden", "true");
    label.removeAttribute("tabindex");
    return button;
  }

  function syncExpanded(input) {
    Array.prototype.forEach.call(document.querySelectorAll('button[data-for="' + input.id + '"]'), function (b) {
      b.setAttribute("aria-expanded", input.checked ? "true" : "false");
    });
  }

  function firstInDrawer() {
    var sidebar = document.querySelector(DRAWER);
    if (!sidebar) return null;
    var candidates = sidebar.querySelectorAll(FOCUSABLE);
    for (var i = 0; i < candidates.length; i += 1) {
      if (getComputedStyle(candidates[i]).visibility === "visible" && candidates[i].offsetParent !== null) {
        return candidates[i];
      }
    }
    return null;
  }

  function closeDrawer(returnFocus) {
    var input = drawerToggle();
    if (!input || !input.checked) return;
    input.checked = false;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    if (returnFocus && menuButton()) menuButton().focus();
  }

  function initMenuButton() {
    var label = document.querySelector(MENU_LABEL);
    if (!label) return;
    var button = standIn(label, "Valikko", "tarjotin-menu-button");
    if (!button) return;
    button.addEventListener("click", function () {
      if (drawerToggle().checked) {
        var first = firstInDrawer();
        if (first) first.focus();
      }
    });
  }

  function initSectionToggles() {
    Array.prototype.forEach.call(document.querySelectorAll('label.md-nav__link[tabindex="0"]'), function (label) {
      if (label.textContent.trim()) return;
      var link = label.parentElement && label.parentElement.querySelector("a.md-nav__link");
      var name = link ? "Näytä alasivut: " + link.textContent.trim() : "Näytä alasivut";
      standIn(label, name, "tarjotin-section-button");
    });
  }

  /* The title of an open sub-menu (on small screens) goes back up a level. */
  function initBackButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('label.md-nav__title[for^="__nav_"]'), function (label) {
      var section = label.htmlFor;
      var button = standIn(label, "Takaisin: " + label.textContent.trim(), "tarjotin-back-button", true);
      if (!button) return;
      button.addEventListener("click", function () {
        var opener = document.querySelector('button[data-for="' + section + '"]');
        if (opener) opener.focus();
      });
    });
  }

  function initPrintButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tarjotin-print]"), function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawerToggle() && drawerToggle().checked && drawerMode()) {
      closeDrawer(true);
    }
  });

  document.addEventListener("focusin", function (event) {
    var input = drawerToggle();
    if (!input || !input.checked || !drawerMode()) return;
    var sidebar = document.querySelector(DRAWER);
    var target = event.target;
    if (sidebar && target instanceof Element && !sidebar.contains(target) && target !== menuButton()) {
      closeDrawer(false);
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.classList.contains("md-toggle")) {
      syncExpanded(event.target);
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-tarjotin-print]")) {
      event.preventDefault();
      window.print();
    }
  });

  /* Instant navigation may replace the sidebar: point the menu button at it again. */
  function linkMenuToDrawer() {
    var sidebar = document.querySelector(DRAWER);
    var button = menuButton();
    if (!sidebar || !button) return;
    sidebar.id = sidebar.id || "tarjotin-drawer";
    button.setAttribute("aria-controls", sidebar.id);
  }

  function init() {
    initMenuButton();
    linkMenuToDrawer();
    initSectionToggles();
    initBackButtons();
    initPrintButtons();
    var input = drawerToggle();
    if (input) syncExpanded(input);
  }

  window.tarjotin.onEveryPage(init);
})();
