/*
 * The client's service list (asiakkaan palvelulista), kept in this browser only.
 *
 * - Every element with data-service-id (a service page's content, a service card,
 *   a row of the professionals' table, a result of the eligibility check) gets an
 *   "add to list" button; the header gets a link to the list with its count.
 * - The list page (#tarjotin-client-list) shows the chosen services from the data
 *   block written at build time, with a note per service and one for the whole
 *   list, and prints them as a handout; its share link carries only the ids.
 *
 * The ids and notes are kept in localStorage under one key and never sent: the
 * page makes no request for them. Without JavaScript none of this exists, and the
 * list page says so (<noscript>).
 */
(function () {
  "use strict";

  var KEY = "tarjotin.palvelulista";
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  // The list page's served path: generator/site/urls.CLIENT_LIST, which pages outside
  // the professionals' templates cannot hand over (tests/unit/test_client_list_assets.py
  // pins that the two agree).
  var LIST_PATH = "ammattilaisille/asiakkaan-palvelulista/";
  // This script is served from assets/javascripts/, two folders below the site's root.
  // Read once at load: instant navigation changes the page's address, not the script's.
  var SCRIPT = document.currentScript;
  var ROOT = new URL("../../", SCRIPT ? SCRIPT.src : location.href);
  // generator/site/labels.py's Finnish words for the parts on every page (pinned by the
  // same test); the list page hands the region's own wording in its data block.
  var WORDS = {
    list_add: "Lisää palvelulistalle",
    list_remove: "Poista palvelulistalta",
    list_header: "Palvelulista",
    list_header_count: "{count} palvelua"
  };

  function fill(text, values) {
    return text.replace(/\{([a-z_]+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hidden(text) {
    return element("span", "tarjotin-visually-hidden", text);
  }

  /* --- storage ------------------------------------------------------------- */

  var memory = null; // where the list lives when the browser refuses localStorage

  function clean(data) {
    var list = data && typeof data === "object" ? data : {};
    var ids = Array.isArray(list.ids) ? list.ids : [];
    var seen = {};
    ids = ids.filter(function (id) {
      var ok = typeof id === "string" && ID.test(id) && !seen[id];
      seen[id] = true;
      return ok;
    });
    var notes = {};
    if (list.notes && typeof list.notes === "object") {
      ids.forEach(function (id) {
        if (typeof list.notes[id] === "string" && list.notes[id]) notes[id] = list.notes[id];
      });
    }
    return { ids: ids, notes: notes, note: typeof list.note === "string" ? list.note : "" };
  }

  function read() {
    var stored = memory;
    try {
      stored = JSON.parse(window.localStorage.getItem(KEY) || "null") || memory;
    } catch (error) {
      // Private modes and full disks refuse storage: the list lasts as long as the page.
    }
    return clean(stored);
  }

  function write(list) {
    memory = clean(list);
    try {
      if (memory.ids.length || memory.note) {
        window.localStorage.setItem(KEY, JSON.stringify(memory));
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (error) {
      // Kept in memory above.
    }
    refresh();
  }

  function toggle(id) {
    var list = read();
    var at = list.ids.indexOf(id);
    if (at === -1) {
      list.ids.push(id);
    } else {
      list.ids.splice(at, 1);
    }
    write(list);
    return at === -1;
  }

  /* --- buttons and the header entry ------------------------------------------ */

  var LIST_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 3h-4.18C14.4 1.84 13.3 1 12 1s-2.4.84-2.82 2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2m-7 0a1 1 0 0 1 1 1 1 1 0 0 1-1 1 1 1 0 0 1-1-1 1 1 0 0 1 1-1M7 7h10V5h2v14H5V5h2zm0 4v2h10v-2zm0 4v2h7v-2z"/></svg>';

  function serviceName(holder) {
    if (holder.dataset.serviceName) return holder.dataset.serviceName;
    var heading = holder.querySelector("h1, h2, h3, th[scope='row'], a");
    return heading ? heading.textContent.trim() : "";
  }

  function decorate(root) {
    var scope = root || document;
    var holders = Array.prototype.slice.call(scope.querySelectorAll("[data-service-id]"));
    if (scope.matches && scope.matches("[data-service-id]")) holders.unshift(scope);
    holders.forEach(function (holder) {
      var id = holder.dataset.serviceId;
      if (!ID.test(id || "") || holder.querySelector("[data-list-id]")) return;
      var button = element("button", "tarjotin-list-toggle tarjotin-no-print");
      button.type = "button";
      button.dataset.listId = id;
      button.dataset.name = serviceName(holder);
      button.addEventListener("click", function () {
        toggle(id);
      });
      var wrapper = element("div", "tarjotin-list-toggle__wrapper tarjotin-no-print");
      wrapper.appendChild(button);
      var rowHeader = holder.tagName === "TR" ? holder.querySelector("th, td") : null;
      var title = holder.querySelector("h1");
      if (rowHeader) {
        rowHeader.appendChild(wrapper);
      } else if (title) {
        title.parentNode.insertBefore(wrapper, title.nextSibling);
      } else {
        holder.appendChild(wrapper);
      }
    });
    refresh();
  }

  function header(count) {
    var inner = document.querySelector(".md-header__inner");
    if (!inner) return;
    var link = document.getElementById("tarjotin-header-list");
    if (!link) {
      link = element("a", "tarjotin-header__list");
      link.id = "tarjotin-header-list";
      link.href = new URL(LIST_PATH, ROOT).href;
      link.innerHTML = '<span class="tarjotin-header__list-icon">' + LIST_ICON + "</span>";
      link.appendChild(element("span", "tarjotin-header__list-text", WORDS.list_header));
      link.appendChild(document.createTextNode(" "));
      var badge = element("span", "tarjotin-header__list-count");
      link.appendChild(badge);
      var search = inner.querySelector(".tarjotin-header__search");
      inner.insertBefore(link, search || null);
    }
    var parts = WORDS.list_header_count.split("{count}");
    var badgeNode = link.querySelector(".tarjotin-header__list-count");
    badgeNode.textContent = "";
    if (parts[0]) badgeNode.appendChild(hidden(parts[0]));
    badgeNode.appendChild(document.createTextNode(String(count)));
    if (parts[1]) badgeNode.appendChild(hidden(parts.slice(1).join(String(count))));
    link.hidden = count === 0;
  }

  function refresh() {
    var list = read();
    header(list.ids.length);
    Array.prototype.forEach.call(document.querySelectorAll("[data-list-id]"), function (button) {
      var chosen = list.ids.indexOf(button.dataset.listId) !== -1;
      button.textContent = "";
      button.appendChild(element("span", "tarjotin-list-toggle__icon", chosen ? "−" : "+")).setAttribute("aria-hidden", "true");
      var words = chosen ? WORDS.list_remove : WORDS.list_add;
      var visible = button.appendChild(element("span", "", words));
      // The service's name tells one card's button from the next, and the name starts
      // with the visible words (WCAG 2.5.3). Hidden text, not aria-label, so the button
      // is not a label of the page's form fields.
      if (button.dataset.name) {
        visible.setAttribute("aria-hidden", "true");
        button.appendChild(hidden(words + ": " + button.dataset.name));
      }
      button.classList.toggle("tarjotin-list-toggle--chosen", chosen);
    });
    if (listPage) listPage.render(list);
  }

  /* --- the list page ------------------------------------------------------- */

  var listPage = null;

  function finnishDate(date) {
    return date.getDate() + "." + (date.getMonth() + 1) + "." + date.getFullYear();
  }

  // The QR code library (qrcode-generator, MIT; docs/assets/javascripts/vendor/) is
  // loaded by the list page alone, once, when it first shows a service with a link:
  // the other pages never pay for it, and the build writes no images.
  var qrLibrary = null;

  function loadQr(src) {
    if (!qrLibrary) {
      qrLibrary = new Promise(function (resolve, reject) {
        if (typeof window.qrcode === "function") return resolve(window.qrcode);
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.qrcode); };
        script.onerror = reject;
        document.head.appendChild(script);
      }).then(function (qrcode) {
        qrcode.stringToBytes = qrcode.stringToBytesFuncs["UTF-8"]; // addresses may hold ä, ö
        return qrcode;
      });
      qrLibrary.catch(function () { qrLibrary = null; }); // offline: try again on the next render
    }
    return qrLibrary;
  }

  // An SVG image of a QR code of ``url``: error correction M and the standard quiet
  // zone of four modules, as the print view's scanners expect.
  function qrImage(qrcode, url) {
    var code = qrcode(0, "M");
    code.addData(url);
    code.make();
    var svg = code.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
    return "data:image/svg+xml," + encodeURIComponent(svg);
  }

  function ListPage(root, data) {
    var self = this;
    var L = data.labels;
    var byId = {};
    data.services.forEach(function (service) { byId[service.id] = service; });
    var items = root.querySelector("#tarjotin-client-list-services");
    var status = root.querySelector("#tarjotin-client-list-status");
    var printed = root.querySelector("#tarjotin-client-list-printed");
    var note = root.querySelector("#tarjotin-client-list-note");
    var notePrint = root.querySelector(".tarjotin-client-list__note-print");
    var linkBox = root.querySelector("#tarjotin-client-list-link");
    var linkInput = root.querySelector("#tarjotin-client-list-url");
    var buttons = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-command]"), function (button) {
      buttons[button.dataset.command] = button;
    });
    var backup = null;
    var shown = "";

    function say(text) {
      status.textContent = text;
    }

    function shareUrl(list) {
      var url = new URL(location.pathname, location.href);
      if (list.ids.length) url.searchParams.set(data.parameter, list.ids.join(","));
      // The ids are plain slugs: keep their commas readable in the address.
      return url.href.replace(/%2C/g, ",");
    }

    function absolute(relative) {
      return new URL(relative, location.href).href;
    }

    function fact(list, label, value) {
      list.appendChild(element("dt", "", label));
      list.appendChild(element("dd", "", value));
    }

    function block(service, list) {
      var item = element("li", "tarjotin-client-service");
      item.dataset.service = service.id;
      var heading = element("h2", "tarjotin-client-service__name");
      var link = element("a", "", service.name);
      link.href = service.url;
      heading.appendChild(link);
      item.appendChild(heading);
      var body = element("div", "tarjotin-client-service__body");
      var text = element("div", "tarjotin-client-service__text");
      if (service.summary) text.appendChild(element("p", "tarjotin-client-service__summary", service.summary));
      var facts = element("dl", "tarjotin-client-service__facts");
      var access = service.access;
      fact(facts, L.list_get_in, access.routes.length ? access.routes.join("; ") : L.access_unknown_long);
      if (access.referral_from) fact(facts, L.referral_from, access.referral_from);
      if (access.decision_by) fact(facts, L.decision_by, access.decision_by);
      fact(facts, L.area, service.area);
      var next = element("p", "tarjotin-client-service__next");
      next.appendChild(element("strong", "", L.list_next_step + ": "));
      if (service.main) {
        var main = element("a", "tarjotin-client-service__link", service.main.title);
        main.href = service.main.url;
        next.appendChild(main);
        next.appendChild(element("span", "tarjotin-client-service__url", service.main.url));
      }
      var page = element("span", "tarjotin-client-service__page");
      page.appendChild(document.createTextNode(L.list_service_page + ": "));
      page.appendChild(element("span", "tarjotin-client-service__url", absolute(service.url)));
      next.appendChild(page);
      text.appendChild(facts);
      text.appendChild(next);
      body.appendChild(text);
      if (service.main) {
        var qr = element("img", "tarjotin-client-service__qr");
        qr.alt = fill(L.list_qr, { url: service.main.url });
        qr.dataset.url = service.main.url;
        qr.hidden = true; // until it is drawn
        loadQr(root.dataset.qrScript).then(function (qrcode) {
          qr.src = qrImage(qrcode, service.main.url);
          qr.hidden = false;
        }, function () {
          // Without the library the handout still carries the address in writing.
        });
        body.appendChild(qr);
      }
      item.appendChild(body);

      var noteId = "tarjotin-client-note-" + service.id;
      var field = element("div", "tarjotin-client-service__note");
      var label = element("label", "", L.list_note);
      label.htmlFor = noteId;
      var area = element("textarea");
      area.id = noteId;
      area.setAttribute("aria-label", L.list_note + ": " + service.name);
      area.rows = 2;
      area.value = list.notes[service.id] || "";
      var mirror = element("p", "tarjotin-client-service__note-print", area.value);
      mirror.setAttribute("aria-hidden", "true");
      area.addEventListener("input", function () {
        var current = read();
        if (area.value) current.notes[service.id] = area.value; else delete current.notes[service.id];
        mirror.textContent = area.value;
        save(current);
      });
      field.appendChild(label);
      field.appendChild(area);
      field.appendChild(mirror);
      item.appendChild(field);

      var remove = element("button", "md-button tarjotin-client-service__remove tarjotin-no-print", L.list_remove);
      remove.type = "button";
      remove.setAttribute("aria-label", L.list_remove + ": " + service.name);
      remove.addEventListener("click", function () {
        var current = read();
        current.ids = current.ids.filter(function (id) { return id !== service.id; });
        write(current);
        say(fill(L.list_removed, { name: service.name }));
        var first = items.querySelector("h2 a") || buttons.print;
        if (first) first.focus();
      });
      item.appendChild(remove);
      return item;
    }

    // Typing in a note must not rebuild the list (it would drop the caret): a note
    // saves without the page re-rendering, and render() skips an unchanged list.
    function save(list) {
      memory = clean(list);
      try {
        window.localStorage.setItem(KEY, JSON.stringify(memory));
      } catch (error) {
        // Kept in memory.
      }
    }

    this.render = function (list) {
      var known = list.ids.filter(function (id) { return byId[id]; });
      var key = known.join(",");
      if (key !== shown) {
        shown = key;
        items.textContent = "";
        known.forEach(function (id) { items.appendChild(block(byId[id], list)); });
        if (!known.length) {
          var empty = element("li", "tarjotin-client-list__empty", L.list_empty);
          items.appendChild(empty);
        }
      }
      items.setAttribute("aria-label", L.page_client_list + ": " + fill(L.list_count, { count: known.length }));
      if (document.activeElement !== note) note.value = list.note;
      notePrint.textContent = list.note;
      buttons.print.disabled = !known.length;
      buttons.copy.disabled = !known.length;
      buttons.share.disabled = !known.length;
      buttons.clear.disabled = !known.length && !list.note;
      buttons.restore.hidden = !backup;
      printed.textContent = fill(L.list_printed, { date: finnishDate(new Date()) });
    };

    note.addEventListener("input", function () {
      var current = read();
      current.note = note.value;
      notePrint.textContent = note.value;
      save(current);
    });
    buttons.print.addEventListener("click", function () { window.print(); });
    window.addEventListener("beforeprint", function () {
      printed.textContent = fill(L.list_printed, { date: finnishDate(new Date()) });
    });
    buttons.copy.addEventListener("click", function () {
      var url = shareUrl(read());
      linkInput.value = url;
      var showField = function () {
        linkBox.hidden = false;
        linkInput.focus();
        linkInput.select();
        say(L.list_copy_failed);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () {
          linkBox.hidden = true;
          say(L.list_copied);
        }, showField);
      } else {
        showField();
      }
    });
    if (typeof navigator.share === "function") {
      buttons.share.hidden = false;
      buttons.share.addEventListener("click", function () {
        navigator.share({ title: L.list_share_title, url: shareUrl(read()) }).catch(function () {
          // The person closed the share sheet: nothing to say.
        });
      });
    }
    buttons.clear.addEventListener("click", function () {
      backup = read();
      write({ ids: [], notes: {}, note: "" });
      say(L.list_cleared);
    });
    buttons.restore.addEventListener("click", function () {
      var previous = backup;
      backup = null;
      write(previous);
      say(L.list_restored);
    });

    // A shared link: its ids become this device's list (the one it replaces can be
    // restored), and the address loses them so a reload keeps later changes.
    var shared = new URLSearchParams(location.search).get(data.parameter);
    if (shared !== null) {
      var ids = shared.split(",").filter(function (id) { return ID.test(id); });
      var offered = ids.filter(function (id) { return byId[id]; });
      var current = read();
      if (current.ids.length && current.ids.join(",") !== offered.join(",")) backup = current;
      var notes = {};
      offered.forEach(function (id) { if (current.notes[id]) notes[id] = current.notes[id]; });
      write({ ids: offered, notes: notes, note: backup ? "" : current.note });
      var message = fill(L.list_opened_shared, { count: offered.length });
      if (ids.length > offered.length) message += " " + fill(L.list_not_offered, { count: ids.length - offered.length });
      say(message);
      var url = new URL(location.href);
      url.searchParams.delete(data.parameter);
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
    }
    root.hidden = false;
    self.render(read());
  }

  function initListPage() {
    var root = document.getElementById("tarjotin-client-list");
    var source = document.getElementById("tarjotin-client-list-data");
    if (!root || !source) {
      listPage = null;
      return;
    }
    if (root.dataset.ready) return;
    root.dataset.ready = "true";
    var data = JSON.parse(source.textContent);
    // The region's wording for everything the list writes, buttons on other pages too.
    Object.keys(WORDS).forEach(function (key) {
      if (data.labels[key]) WORDS[key] = data.labels[key];
    });
    listPage = new ListPage(root, data);
  }

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) refresh();
  });

  window.tarjotin = window.tarjotin || {};
  window.tarjotin.clientList = { decorate: decorate, read: read };
  // Shared with eligibility.js, which loads after this script.
  window.tarjotin.fill = fill;
  window.tarjotin.element = element;

  window.tarjotin.onEveryPage(function () {
    initListPage();
    decorate(document);
  });
})();
