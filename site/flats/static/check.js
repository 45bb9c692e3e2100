/* The frozen site's self-check. Every outcome was worked out ahead of time by
   the site's Python engine (dane.js); this script only reads the form, looks
   the answers up and shows the result. It holds no eligibility or fee rule. */
(function () {
  "use strict";

  var data = window.FLATS_ANSWERS;
  var form = document.querySelector("form.check-form[data-frozen]");
  var NBSP = "\u00a0";

  /* --- Reading the answers ------------------------------------------- */

  function radio(name) {
    var checked = form.querySelector("input[name='" + name + "']:checked");
    return checked ? checked.value : null;
  }

  function readForm() {
    var situations = Array.prototype.map.call(
      form.querySelectorAll("input[name='situations']:checked"), function (i) { return i.value; });
    return {
      adult: radio("adult"), resident: radio("resident"),
      round_the_clock_care: radio("round_the_clock_care"), situations: situations,
      household: radio("household"),
      household_size: form.elements.household_size.value,
      income: form.elements.income.value
    };
  }

  /* Money in whole grosze (BigInt), read in the formats the live form accepts. */
  function parseIncome(text) {
    if (!new RegExp(data.vocabulary.income_pattern).test(text)) { return null; }
    var t = text.trim().toLowerCase().replace(/(zł|pln)$/, "").replace(/[ \u00a0\u202f]/g, "");
    var m = /^([0-9]+)(?:[.,]([0-9]{1,2}))?$/.exec(t);
    return m ? BigInt(m[1]) * 100n + BigInt((m[2] || "0").padEnd(2, "0")) : null;
  }

  function parseSize(text) {
    var t = text.trim();
    if (!/^[0-9]{1,3}$/.test(t)) { return null; }
    var n = parseInt(t, 10);
    return n >= data.vocabulary.household_size_min && n <= data.vocabulary.household_size_max ? n : null;
  }

  function grosze(amount) {  /* "1010.00" -> 101000n */
    var parts = amount.split(".");
    return BigInt(parts[0]) * 100n + BigInt(parts[1]);
  }

  /* --- Showing numbers as the live site does (Babel, pl_PL) ------------ */

  function hundredths(value) {  /* 123456n -> "1 234,56" */
    var whole = (value / 100n).toString(), cents = (value % 100n).toString().padStart(2, "0");
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) + "," + cents;
  }
  function money(g) { return hundredths(g) + NBSP + "zł"; }
  function plain(g) { return (g / 100n).toString() + "." + (g % 100n).toString().padStart(2, "0"); }
  function halfUp(numerator, denominator) { return (2n * numerator + denominator) / (2n * denominator); }

  /* --- Looking the outcome up ------------------------------------------ */

  /* The answers' place in the table, in the order frozen.index() uses. */
  function index(a) {
    var n = 0;
    [a.adult, a.resident, a.round_the_clock_care].forEach(function (v) { n = n * 2 + (v === "yes" ? 0 : 1); });
    data.vocabulary.situations.forEach(function (s) { n = n * 2 + (a.situations.indexOf(s) >= 0 ? 1 : 0); });
    return n * 2 + data.vocabulary.households.indexOf(a.household);
  }

  function lookup(a) {
    var found = data.outcomes[data.outcome_of[index(a)]];
    var people = a.household === "family" ? a.household_size : 1;
    var income = typeof a.income === "bigint" ? a.income : grosze(a.income);
    var table = data.fees[String(people)];
    var row = table.rows.find(function (r) { return r[0] === null || income <= grosze(r[0]); });
    var criterion = grosze(table.criterion), base = criterion * BigInt(people);
    return {
      status: found[0], reasons: found[1], documents: found[2], stay: found[3],
      fee: {
        kind: row[1], percent_of_cost: row[2], amount: row[3],
        income_per_person: plain(halfUp(income, BigInt(people))),
        criterion: table.criterion,
        percent_of_criterion: plain(halfUp(income * 10000n, base))
      },
      feeText: feeText(row, table, people, income)
    };
  }

  /* The sentence for this income range, filled with the values the engine worked out for it. */
  function feeText(row, table, people, income) {
    var values = Object.assign({income: money(income), people: String(people)}, table.values, row[5]);
    return data.texts.fee[row[4]].replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  window.flatsLookup = function (answers) { return data ? lookup(answers) : null; };

  if (!form || !data) { return; }

  /* --- Errors, the GOV.UK way ------------------------------------------- */

  var order = data.vocabulary.questions;
  var title = document.title;

  function validate(a) {
    var errors = [];
    data.vocabulary.yes_no_questions.forEach(function (n) {
      if (data.vocabulary.yes_no.indexOf(a[n]) < 0) { errors.push(n); }
    });
    if (data.vocabulary.households.indexOf(a.household) < 0) { errors.push("household"); }
    if (a.household === "family" && parseSize(a.household_size) === null) { errors.push("household_size"); }
    if (parseIncome(a.income) === null) { errors.push("income"); }
    return order.filter(function (n) { return errors.indexOf(n) >= 0; });
  }

  function clearErrors() {
    form.querySelectorAll(".error-message").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    form.querySelectorAll("[data-error-for]").forEach(function (el) {
      el.setAttribute("aria-describedby", el.getAttribute("data-error-for"));
      el.removeAttribute("data-error-for");
    });
    var old = document.querySelector("main .error-summary");
    if (old) { old.remove(); }
    document.title = title;
  }

  function target(name) {
    var group = document.getElementById(name);
    return group.querySelector("input");
  }

  function showErrors(names) {
    var summary = document.getElementById("error-summary-template").content.firstElementChild.cloneNode(true);
    var list = summary.querySelector("ul");
    names.forEach(function (name) {
      var message = data.texts.errors[name], group = document.getElementById(name), input = target(name);
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = "#" + input.id;
      link.textContent = message;
      item.appendChild(link);
      list.appendChild(item);
      var p = document.createElement("p"), hidden = document.createElement("span");
      p.className = "error-message";
      p.id = name + "-error";
      hidden.className = "visually-hidden";
      hidden.textContent = data.texts.error_prefix;
      p.appendChild(hidden);
      p.appendChild(document.createTextNode(" " + message));
      var hint = group.querySelector(".hint");
      (hint || group.querySelector("legend, label.question")).after(p);
      group.classList.add("has-error");
      var described = group.querySelector("[aria-describedby]") || (input.type === "text" ? input : group.querySelector("fieldset"));
      described.setAttribute("data-error-for", described.getAttribute("aria-describedby") || "");
      described.setAttribute("aria-describedby", ((described.getAttribute("aria-describedby") || "") + " " + p.id).trim());
      if (input.type === "text") { input.setAttribute("aria-invalid", "true"); }
    });
    document.querySelector("main h1").before(summary);
    document.title = data.texts.error_prefix + " " + title;
    summary.focus();
  }

  /* --- The result ------------------------------------------------------- */

  function fill(root, slot, text) { root.querySelector("[data-slot='" + slot + "']").textContent = text; }

  function list(root, slot, items, build) {
    var ul = root.querySelector("[data-slot='" + slot + "']");
    items.forEach(function (item) { ul.appendChild(build(item)); });
  }

  function reasonItem(code) {
    var li = document.createElement("li"), source = document.createElement("span"), law = document.createElement("span");
    var text = data.texts.reasons[code], rule = this;
    law.lang = "pl";
    law.textContent = text[1];
    source.className = "source";
    source.append("(" + rule + " ", law, ")");
    li.append(text[0] + " ", source);
    return li;
  }

  function textItem(text) {
    var li = document.createElement("li");
    li.textContent = text;
    return li;
  }

  function showResult(a) {
    var outcome = lookup(a);
    var view = document.getElementById("result-template").content.cloneNode(true);
    var panel = view.querySelector("[data-slot='panel']");
    panel.className = "result-panel result-" + outcome.status;
    fill(view, "status", data.texts.status[outcome.status]);
    var reasons = view.querySelector("[data-slot='reasons']");
    list(view, "reasons", outcome.reasons, reasonItem.bind(reasons.getAttribute("data-rule")));
    fill(view, "fee", outcome.feeText);
    if (outcome.fee.kind === "bracket") {
      fill(view, "amount-value", money(grosze(outcome.fee.amount)));
      view.querySelector("[data-slot='amount']").hidden = false;
    } else {
      view.querySelector("[data-slot='amount']").remove();
    }
    list(view, "documents", outcome.documents.map(function (c) { return data.texts.documents[c]; }), textItem);
    fill(view, "stay", data.texts.stay[outcome.stay]);
    var away = view.querySelector("[data-slot='not-resident']");
    if (outcome.reasons.indexOf("not_resident") >= 0) { away.hidden = false; } else { away.remove(); }
    var holder = document.createElement("div");
    holder.className = "frozen-result";
    holder.appendChild(view);
    holder.querySelector("[data-action='change']").addEventListener("click", showForm);
    setFormVisible(false);
    document.querySelector("main").prepend(holder);
    document.title = data.texts.status[outcome.status] + " – " + title.split(" – ").slice(1).join(" – ");
    holder.querySelector("h1").focus();
  }

  function setFormVisible(visible) {
    Array.prototype.forEach.call(document.querySelector("main").children, function (el) {
      if (!el.classList.contains("frozen-result") && el.tagName !== "TEMPLATE") { el.hidden = !visible; }
    });
  }

  function showForm() {
    var result = document.querySelector(".frozen-result");
    if (result) { result.remove(); }
    setFormVisible(true);
    document.title = title;
    form.querySelector("input").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var a = readForm();
    var errors = validate(a);
    if (errors.length) { showErrors(errors); return; }
    a.household_size = a.household === "family" ? parseSize(a.household_size) : null;
    a.income = parseIncome(a.income);
    showResult(a);
  });
}());
