/*
 * Interactive parts of the professionals' pages, all progressive enhancements:
 *
 * - the referral table (#tarjotin-referral-table): sort by any column (buttons in
 *   the headers, aria-sort), filter by access route, municipality and text;
 * - a recognition checklist (#tarjotin-checklist): as items are ticked, show only
 *   the services and paths that respond to them; nothing is sent or stored;
 * - the work-ability question (#tarjotin-score): says when a score is at or
 *   below the threshold.
 *
 * Without JavaScript the table is a plain table, the checklist lists every
 * responding service, and the score question is printed with its threshold.
 */
(function () {
  "use strict";

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  /* --- the referral table ------------------------------------------------ */

  function initTable() {
    var table = document.getElementById("tarjotin-referral-table");
    if (!table || table.dataset.ready) return;
    table.dataset.ready = "true";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    // On narrow screens professional.css shows each row as a card (display: block),
    // which makes browsers forget the table; explicit roles keep it one for screen readers.
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (group) {
      group.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell) {
        var scope = cell.getAttribute("scope");
        cell.setAttribute("role", scope === "col" ? "columnheader" : scope === "row" ? "rowheader" : "cell");
      });
    });

    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tarjotin-sort";
      // The arrow is decoration: aria-sort tells assistive technology the order.
      button.innerHTML = th.innerHTML + '<span class="tarjotin-sort__icon" aria-hidden="true"></span>';
      th.innerHTML = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var collator = new Intl.Collator("fi", { sensitivity: "base", numeric: true });
        rows.sort(function (a, b) {
          var order = collator.compare(a.cells[column].textContent.trim(), b.cells[column].textContent.trim());
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });

    var form = document.getElementById("tarjotin-referral-filters");
    var count = document.getElementById("tarjotin-referral-count");
    if (!form) return;
    form.hidden = false;
    function apply() {
      var routes = Array.prototype.map.call(form.querySelectorAll('input[name="paasy"]:checked'), function (i) { return i.value; });
      var municipality = form.elements.kunta.value;
      var text = form.elements.q.value.trim().toLocaleLowerCase("fi");
      var shown = 0;
      rows.forEach(function (row) {
        var visible = (!routes.length || routes.some(function (r) { return words(row.dataset.access).indexOf(r) !== -1; })) &&
          (!municipality || words(row.dataset.municipalities).indexOf(municipality) !== -1) &&
          (!text || row.textContent.toLocaleLowerCase("fi").indexOf(text) !== -1);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown === rows.length
        ? "Palveluita: " + rows.length
        : "Näytetään " + shown + " / " + rows.length + " palvelua";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  /* --- recognition checklists ---------------------------------------------- */

  function initChecklist() {
    var form = document.getElementById("tarjotin-checklist");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var section = document.getElementById("tarjotin-suggestions");
    if (!section) return;
    var status = document.getElementById("tarjotin-suggestions-status");
    var items = Array.prototype.slice.call(section.querySelectorAll("li"));
    var general = words(form.dataset.generalServices);
    var generalPaths = words(form.dataset.generalPaths);

    function apply() {
      var ticked = Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"]:checked'));
      var services = {};
      var paths = {};
      ticked.forEach(function (input) {
        words(input.dataset.services).forEach(function (id) { services[id] = true; });
      });
      if (ticked.length) {
        general.forEach(function (id) { services[id] = true; });
        generalPaths.forEach(function (id) { paths[id] = true; });
      }
      var shown = 0;
      items.forEach(function (item) {
        var visible = item.dataset.service ? !!services[item.dataset.service] : !!paths[item.dataset.path];
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      section.hidden = false;
      if (!ticked.length) {
        status.textContent = "Valitse kohdat, niin näet, mihin asiakkaan voi ohjata.";
      } else if (!shown) {
        status.textContent = "Valituille kohdille ei ole tarjottimessa palvelua. Katso ohje alta.";
      } else {
        status.textContent = ticked.length + " kohtaa valittu. Asiakkaan voi ohjata näihin (" + shown + "):";
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    apply();
  }

  /* --- the work-ability question ---------------------------------------------- */

  function initScore() {
    var form = document.getElementById("tarjotin-score");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var result = document.getElementById("tarjotin-score-result");
    var threshold = Number(form.dataset.threshold);
    form.addEventListener("change", function () {
      var chosen = form.querySelector('input[name="tyokyky"]:checked');
      if (!chosen) return;
      var value = Number(chosen.value);
      result.textContent = value <= threshold
        ? "Pistemäärä " + value + ". " + form.dataset.lowText
        : "Pistemäärä " + value + " on yli " + threshold + ".";
      result.classList.toggle("tarjotin-score__result--low", value <= threshold);
    });
  }

  window.tarjotin.onEveryPage(function () {
    initTable();
    initChecklist();
    initScore();
  });
})();
