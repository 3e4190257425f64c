/*
 * "Sopiiko asiakkaalle?" (#tarjotin-check): what the professional knows of a client,
 * compared with every current service's structured criteria (the data block
 * #tarjotin-check-data, written at build time from the catalogue).
 *
 * A service's conditions are its area (when not region-wide), its age limits and
 * its requirements, which must all hold, and its criteria, of which one is enough.
 * Each is met, failed or unknown (a fact not given, or a condition not ticked), and
 * the service is classed:
 *   meets   – every condition met (and one criterion);
 *   maybe   – nothing failed, something to check (listed);
 *   fails   – a condition failed, or every criterion did (said in words);
 *   unknown – the catalogue states no criteria: never a yes, only "read its text".
 * This is the only implementation of that logic; tests/browser/test_eligibility.py
 * drives it with the client examples' facts.
 *
 * The answers live in the page's address (?ika=23&kunta=<municipality id>…) so a colleague can
 * open the same check, and nowhere else: nothing is stored or sent.
 */
(function () {
  "use strict";

  var CLASSES = ["meets", "maybe", "fails", "unknown"];
  var LABEL = { meets: "check_meets", maybe: "check_maybe", fails: "check_fails", unknown: "check_no_criteria" };
  var NUMBERS = { ika: "age", tyottomana: "months", paivia: "days" };

  // clientlist.js (loaded before this script) fills labels' {placeholders} and makes elements.
  var fill = window.tarjotin.fill;
  var element = window.tarjotin.element;

  function number(value) {
    if (value === null || value === undefined || String(value).trim() === "") return null;
    var parsed = Number(value);
    return isFinite(parsed) && parsed >= 0 ? Math.floor(parsed) : null;
  }

  /* --- the facts ------------------------------------------------------------ */

  function readForm(form) {
    var facts = { age: null, months: null, days: null, home: null, homeName: "", benefits: null, conditions: {} };
    Object.keys(NUMBERS).forEach(function (name) {
      if (form.elements[name]) facts[NUMBERS[name]] = number(form.elements[name].value);
    });
    var home = form.elements.kunta;
    if (home && home.value) {
      facts.home = home.value;
      facts.homeName = home.options[home.selectedIndex].textContent.trim();
    }
    var ticked = Array.prototype.map.call(form.querySelectorAll('input[name="etuus"]:checked'), function (i) { return i.value; });
    if (ticked.length) facts.benefits = ticked.indexOf("ei") !== -1 ? [] : ticked;
    Array.prototype.forEach.call(form.querySelectorAll('input[name="ehto"]:checked'), function (input) {
      facts.conditions[input.value] = true;
    });
    return facts;
  }

  function fromAddress(form) {
    var query = new URLSearchParams(location.search);
    Object.keys(NUMBERS).forEach(function (name) {
      if (form.elements[name] && number(query.get(name)) !== null) form.elements[name].value = number(query.get(name));
    });
    var home = form.elements.kunta;
    if (home && query.get("kunta")) {
      var wanted = query.get("kunta");
      if (Array.prototype.some.call(home.options, function (o) { return o.value === wanted; })) home.value = wanted;
    }
    ["etuus", "ehto"].forEach(function (name) {
      var values = (query.get(name) || "").split(",");
      Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]'), function (input) {
        input.checked = values.indexOf(input.value) !== -1;
      });
    });
  }

  function toAddress(form) {
    var query = new URLSearchParams(location.search);
    Object.keys(NUMBERS).concat(["kunta"]).forEach(function (name) {
      var field = form.elements[name];
      if (field && String(field.value).trim() !== "") query.set(name, String(field.value).trim()); else query.delete(name);
    });
    ["etuus", "ehto"].forEach(function (name) {
      var values = Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (i) { return i.value; });
      if (values.length) query.set(name, values.join(",")); else query.delete(name);
    });
    var search = query.toString().replace(/%2C/g, ",");
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  /* --- the comparison ---------------------------------------------------------- */

  function within(value, min, max) {
    return (min === null || min === undefined || value >= min) && (max === null || max === undefined || value <= max);
  }

  // One criterion: every part of it must hold. Returns its status, the client's facts
  // that decided it and the facts still missing.
  function criterion(c, facts, data) {
    var L = data.labels;
    var parts = [];
    function part(known, ok, fact, need) {
      parts.push(known ? { status: ok ? "met" : "failed", fact: fact } : { status: "unknown", need: need });
    }
    if (c.min_age !== undefined || c.max_age !== undefined) {
      part(facts.age !== null, facts.age !== null && within(facts.age, c.min_age, c.max_age),
        fill(L.check_fact_age, { age: facts.age }), L.check_need_age);
    }
    if (c.unemployed_months_min !== undefined) {
      part(facts.months !== null, facts.months !== null && facts.months >= c.unemployed_months_min,
        fill(L.check_fact_unemployed, { months: facts.months }), L.check_need_unemployed);
    }
    if (c.benefits !== undefined) {
      var has = facts.benefits !== null && facts.benefits.some(function (b) { return c.benefits.indexOf(b) !== -1; });
      var names = facts.benefits && facts.benefits.length
        ? facts.benefits.map(function (b) { return data.benefits[b]; }).join(", ")
        : L.check_no_benefit;
      part(facts.benefits !== null, has, fill(L.check_fact_benefits, { benefits: names }), L.check_need_benefits);
    }
    if (c.benefit_days_min !== undefined) {
      part(facts.days !== null, facts.days !== null && facts.days >= c.benefit_days_min,
        fill(L.check_fact_benefit_days, { days: facts.days }), L.check_need_benefit_days);
    }
    if (c.condition !== undefined) {
      // A condition in words only: it holds when ticked; unticked it is to be checked.
      parts.push(facts.conditions[c.condition] ? { status: "met" } : { status: "unknown" });
    }
    var failed = parts.filter(function (p) { return p.status === "failed"; });
    var unknown = parts.filter(function (p) { return p.status === "unknown"; });
    var status = failed.length ? "failed" : unknown.length ? "unknown" : "met";
    var shown = status === "failed" ? failed : status === "met" ? parts : unknown;
    var details = shown.map(function (p) { return p.fact || p.need; }).filter(Boolean);
    return { status: status, text: c.text, details: details };
  }

  function described(text, details, prefix) {
    return details.length ? text + " (" + (prefix ? prefix + ": " : "") + details.join(", ") + ")" : text;
  }

  function classify(service, facts, data) {
    var L = data.labels;
    var result = { met: [], failed: [], check: [] };
    var stated = service.min_age !== null || service.max_age !== null ||
      service.requirements.length > 0 || service.criteria.length > 0;

    if (service.area) {
      var where = fill(L.check_area, { area: service.area_text });
      if (facts.home === null) {
        if (stated) result.check.push(described(where, [L.check_need_home]));
      } else if (service.area.indexOf(facts.home) === -1) {
        result.failed.push(described(where, [fill(L.check_fact_home, { name: facts.homeName })]));
      } else {
        result.met.push(described(where, [fill(L.check_fact_home, { name: facts.homeName })]));
      }
    }
    if (!stated) {
      result.cls = result.failed.length ? "fails" : "unknown";
      if (!result.failed.length) result.met = [];
      return result;
    }
    if (service.min_age !== null || service.max_age !== null) {
      var age = fill(L.check_fact_age, { age: facts.age });
      if (facts.age === null) result.check.push(described(service.ages, [L.check_need_age]));
      else if (within(facts.age, service.min_age, service.max_age)) result.met.push(described(service.ages, [age]));
      else result.failed.push(described(service.ages, [age]));
    }
    service.requirements.forEach(function (requirement) {
      (facts.conditions[requirement.condition] ? result.met : result.check).push(requirement.text);
    });
    if (service.criteria.length) {
      var outcomes = service.criteria.map(function (c) { return criterion(c, facts, data); });
      var met = outcomes.filter(function (o) { return o.status === "met"; });
      var unknown = outcomes.filter(function (o) { return o.status === "unknown"; });
      if (met.length) {
        result.met.push(L.check_one_of + ": " + described(met[0].text, met[0].details));
      } else if (!unknown.length) {
        result.failed.push(L.check_none_of + ": " + outcomes.map(function (o) {
          return described(o.text, o.details);
        }).join("; "));
      } else {
        result.check.push(L.check_one_of + ": " + unknown.map(function (o) {
          return described(o.text, o.details, L.check_to_check.toLocaleLowerCase("fi"));
        }).join("; "));
      }
    }
    result.cls = result.failed.length ? "fails" : result.check.length ? "maybe" : "meets";
    return result;
  }

  /* --- the results ------------------------------------------------------------- */

  function reasons(item, heading, lines) {
    if (!lines.length) return;
    var box = element("div", "tarjotin-check__reasons");
    box.appendChild(element("p", "tarjotin-check__reasons-title", heading + ":"));
    var list = element("ul");
    lines.forEach(function (line) { list.appendChild(element("li", "", line)); });
    box.appendChild(list);
    item.appendChild(box);
  }

  function render(results, data, target, summary) {
    var L = data.labels;
    var groups = { meets: [], maybe: [], fails: [], unknown: [] };
    results.forEach(function (r) { groups[r.result.cls].push(r); });
    target.textContent = "";
    CLASSES.forEach(function (cls) {
      if (!groups[cls].length) return;
      var section = element("section", "tarjotin-check__class-group tarjotin-check__class-group--" + cls);
      section.dataset.class = cls;
      var heading = element("h2", "", L[LABEL[cls]] + " (" + groups[cls].length + ")");
      heading.id = "tarjotin-check-" + cls;
      section.setAttribute("aria-labelledby", heading.id);
      section.appendChild(heading);
      var list = element("ul", "tarjotin-check__services");
      groups[cls].forEach(function (r) {
        var service = r.service;
        var item = element("li", "tarjotin-check__service tarjotin-check__service--" + cls);
        item.dataset.serviceId = service.id;
        item.dataset.class = cls;
        item.dataset.serviceName = service.name;
        var title = element("h3");
        var link = element("a", "", service.name);
        link.href = service.url;
        title.appendChild(link);
        item.appendChild(title);
        item.appendChild(element("p", "tarjotin-check__class", L[LABEL[cls]]));
        if (cls === "unknown") item.appendChild(element("p", "", L.check_no_criteria_reason));
        reasons(item, L.check_failed, r.result.failed);
        reasons(item, L.check_to_check, r.result.check);
        reasons(item, L.check_met, r.result.met);
        var more = element("p", "tarjotin-check__read");
        var read = element("a", "", L.check_read);
        read.href = service.kenelle;
        read.setAttribute("aria-label", L.check_read + ": " + service.name);
        more.appendChild(read);
        item.appendChild(more);
        list.appendChild(item);
      });
      section.appendChild(list);
      target.appendChild(section);
    });
    summary.textContent = fill(L.check_summary, {
      meets: groups.meets.length, maybe: groups.maybe.length, fails: groups.fails.length, unknown: groups.unknown.length
    });
    if (window.tarjotin.clientList) window.tarjotin.clientList.decorate(target);
  }

  function init() {
    var form = document.getElementById("tarjotin-check");
    var source = document.getElementById("tarjotin-check-data");
    if (!form || !source || form.dataset.ready) return;
    form.dataset.ready = "true";
    var data = JSON.parse(source.textContent);
    var target = document.getElementById("tarjotin-check-results");
    var summary = document.getElementById("tarjotin-check-summary");

    function update(write) {
      var facts = readForm(form);
      if (write) toAddress(form);
      render(data.services.map(function (service) {
        return { service: service, result: classify(service, facts, data) };
      }), data, target, summary);
    }

    form.addEventListener("change", function (event) {
      var input = event.target;
      // "None of these" and a benefit exclude each other.
      if (input.name === "etuus" && input.checked) {
        Array.prototype.forEach.call(form.querySelectorAll('input[name="etuus"]'), function (other) {
          if ((input.value === "ei") !== (other.value === "ei")) other.checked = false;
        });
      }
      update(true);
    });
    form.addEventListener("input", function () { update(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { update(true); }, 0); });
    fromAddress(form);
    form.hidden = false;
    update(false);
  }

  window.tarjotin.onEveryPage(init);
})();
