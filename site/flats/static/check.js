/* The self-check in the browser, live and frozen: one question at a time, in
   place. Every outcome was worked out ahead by the site's Python engine
   (dane.js); this script reads the answers, looks them up and fills in the
   result's template — it holds no eligibility or fee rule. Answers live in the
   form and in history state only: never in the address, a cookie or storage. */
(function () {
  "use strict";

  var data = window.FLATS_ANSWERS;
  var form = document.getElementById("check-form");
  var NBSP = "\u00a0";
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";  /* as frozen.DIGITS */
  var V = data && data.vocabulary;

  /* --- Money, read with the server's grammar, shown as the server shows it --- */

  function parseIncome(text) {
    if (text.length > 64) { return {error: "not_money"}; }  /* as money.parse_income: too long to be an amount */
    var m = new RegExp(V.income_grammar).exec(text);
    if (!m) {
      var kind = new RegExp(V.income_ambiguous).test(text) ? "ambiguous"
        : new RegExp(V.income_too_large).test(text) && text.replace(/[^0-9]/g, "").length > V.income_digits
          ? "too_large" : "not_money";
      return {error: kind};
    }
    var g = m.groups;
    if (g.foreign) { return {error: "other_currency"}; }  /* hryvnias: the message asks for złoty */
    var whole = g.whole || g.dotted || g.commaed || g.top;
    var fraction = g.fraction || g.dfraction || g.cfraction || "0";
    return {grosze: BigInt(whole.replace(/[^0-9]/g, "")) * 100n + BigInt(fraction.padEnd(2, "0"))};
  }

  function parseSize(text) {
    var t = text.trim();
    if (!/^[0-9]{1,3}$/.test(t)) { return null; }
    var n = parseInt(t, 10);
    return n >= V.household_size_min && n <= V.household_size_max ? n : null;
  }

  function grosze(amount) {  /* "1010.00" -> 101000n */
    var parts = amount.split(".");
    return BigInt(parts[0]) * 100n + BigInt(parts[1]);
  }

  function hundredths(value) {  /* 123456n -> "1 234,56" */
    var whole = (value / 100n).toString(), cents = (value % 100n).toString().padStart(2, "0");
    return whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) + "," + cents;
  }
  function money(g) { return hundredths(g) + NBSP + "zł"; }
  function plain(g) { return (g / 100n).toString() + "." + (g % 100n).toString().padStart(2, "0"); }
  function halfUp(numerator, denominator) { return (2n * numerator + denominator) / (2n * denominator); }

  /* --- Looking the outcome up ----------------------------------------------- */

  /* The answers' place in the table, in the order frozen.index() uses. */
  function index(a) {
    var n = 0;
    [a.adult, a.resident, a.round_the_clock_care].forEach(function (v) { n = n * 2 + (v === "yes" ? 0 : 1); });
    V.situations.forEach(function (s) { n = n * 2 + (a.situations.indexOf(s) >= 0 ? 1 : 0); });
    return n * 2 + V.households.indexOf(a.household);
  }

  function feeText(row, table, people, income) {
    var family = people > 1 ? {per_person: data.fees.family.per_person} : {};
    var values = Object.assign({income: money(income), people: String(people)}, family, table.values, row[5]);
    return data.texts.fee[row[4]].replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  function lookup(a) {
    var found = data.outcomes[DIGITS.indexOf(data.outcome_of.charAt(index(a)))];
    var people = a.household === "family" ? a.household_size : 1;
    var income = typeof a.income === "bigint" ? a.income : grosze(a.income);
    var table = data.fees[String(people)];
    var row = table.rows.find(function (r) { return r[0] === null || income <= grosze(r[0]); });
    var shared = people > 1 ? data.fees.family.criterion : table.criterion;
    var criterion = grosze(shared), base = criterion * BigInt(people);
    return {
      status: found[0], reasons: found[1], documents: found[2], stay: found[3],
      fee: {
        kind: row[1], percent_of_cost: row[2], amount: row[3],
        income_per_person: plain(halfUp(income, BigInt(people))),
        criterion: shared,
        percent_of_criterion: plain(halfUp(income * 10000n, base))
      },
      feeText: feeText(row, table, people, income)
    };
  }

  window.flatsLookup = function (answers) { return data ? lookup(answers) : null; };

  if (!form || !data) { return; }

  /* --- The answers in the form ---------------------------------------------- */

  var main = document.querySelector("main");
  var facility = form.getAttribute("data-facility");
  var baseTitle = document.title.split(" – ").slice(1).join(" – ");

  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"),
      function (i) { return i.value; });
  }

  /* Every answer as typed or ticked: what history state keeps. */
  function raw() {
    var r = {};
    V.questions.forEach(function (name) {
      var text = form.querySelector("input[type=text][name='" + name + "']");
      r[name] = text ? text.value : checked(name);
    });
    return r;
  }

  function restore(r) {
    V.questions.forEach(function (name) {
      var text = form.querySelector("input[type=text][name='" + name + "']");
      if (text) { text.value = r[name] || ""; return; }
      form.querySelectorAll("input[name='" + name + "']").forEach(function (i) {
        i.checked = (r[name] || []).indexOf(i.value) >= 0;
      });
    });
  }

  /* One answer as the engine takes it, or {error: message} (null when not given). */
  function read(name, r) {
    var v = r[name], t = data.texts;
    if (name === "household_size") {
      if (!v.trim()) { return null; }
      var n = parseSize(v);
      return n === null ? {error: t.errors.household_size} : {value: n};
    }
    if (name === "income") {
      if (!v.trim()) { return null; }
      var p = parseIncome(v);
      return p.error ? {error: t.income_errors[p.error].split("%(text)s").join(v.trim().slice(0, 64))}
        : {value: p.grosze};
    }
    if (!v.length) { return null; }
    if (name === "situations") {
      if (v.indexOf("none") >= 0 && v.length > 1) { return {error: t.none_alone}; }
      return {value: v.filter(function (s) { return s !== "none"; })};
    }
    return {value: v[0]};
  }

  function relevant(step, given) { return step !== "household_size" || given.household === "family"; }

  function givenAnswers(r) {
    var given = {};
    V.questions.forEach(function (name) {
      var a = read(name, r);
      if (a && !a.error) { given[name] = a.value; }
    });
    return given;
  }

  function asked(given) { return V.questions.filter(function (s) { return relevant(s, given); }); }

  /* The answers so far already make a place unlikely? (an outcome, or null) */
  function early(given) {
    var key = [];
    for (var i = 0; i < V.questions.length; i += 1) {
      var name = V.questions[i];
      if (name === "household_size" || name === "income") { break; }
      if (!(name in given)) { break; }
      key.push(name === "situations" ? V.situations.filter(function (s) { return given.situations.indexOf(s) >= 0; })
        .join("+") : given[name]);
      var hit = data.early[key.join("|")];
      if (hit !== undefined) {
        var o = data.outcomes[hit];
        return {status: o[0], reasons: o[1], documents: o[2], stay: o[3], fee: null};
      }
    }
    return null;
  }

  function nextOpen(given) {
    return asked(given).find(function (s) { return !(s in given); }) || null;
  }

  /* --- Showing a step --------------------------------------------------------- */

  function clearErrors() {
    main.querySelectorAll(".error-summary").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    form.querySelectorAll(".error-message").forEach(function (p) {
      p.hidden = true;
      p.querySelector("[data-slot='message']").textContent = "";
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    form.querySelectorAll("[data-described]").forEach(function (el) {
      el.setAttribute("aria-describedby", el.getAttribute("data-described"));
      el.removeAttribute("data-described");
    });
  }

  function removeResult() {
    var old = main.querySelector(".result");
    if (old) { old.remove(); }
  }

  function setPageParts(onResult) {
    form.querySelector(".step-actions").hidden = onResult;
    main.querySelectorAll(".caption, .form-links, .form-note").forEach(function (el) { el.hidden = onResult; });
  }

  function showStep(step, focus) {
    clearErrors();
    removeResult();
    setPageParts(false);
    form.querySelectorAll(".step").forEach(function (s) { s.hidden = s.getAttribute("data-step") !== step; });
    form.setAttribute("data-step", step);
    form.elements.step.value = step;
    var section = form.querySelector(".step[data-step='" + step + "']");
    form.querySelector(".back-button").hidden = step === V.questions[0];
    document.title = section.querySelector(".question").textContent.trim() + " – " + baseTitle;
    if (focus) { section.querySelector(".question").focus(); }
  }

  function showError(step, message) {
    var section = form.querySelector(".step[data-step='" + step + "']");
    var group = section.querySelector(".form-group");
    var p = group.querySelector(".error-message");
    p.querySelector("[data-slot='message']").textContent = message;
    p.hidden = false;
    group.classList.add("has-error");
    var described = group.querySelector("input[type=text]") || group.querySelector("fieldset");
    described.setAttribute("data-described", described.getAttribute("aria-describedby") || "");
    described.setAttribute("aria-describedby", ((described.getAttribute("aria-describedby") || "") + " " + p.id).trim());
    if (described.tagName === "INPUT") { described.setAttribute("aria-invalid", "true"); }
    var summary = copy("error-summary-template");
    var item = document.createElement("li"), link = document.createElement("a");
    link.href = "#" + group.id;
    link.textContent = message;
    link.addEventListener("click", function (event) {  /* the whole question in view, the answer focused */
      event.preventDefault();
      group.scrollIntoView();
      (group.querySelector("input:checked") || group.querySelector("input")).focus({preventScroll: true});
    });
    item.appendChild(link);
    summary.querySelector("ul").appendChild(item);
    main.prepend(summary);
    document.title = data.texts.error_prefix + " " + document.title;
    summary.focus();
  }

  /* --- The result -------------------------------------------------------------- */

  /* A copy of a <template>, its ids restored (the template itself repeats none of the page's). */
  function copy(id) {
    var element = document.getElementById(id).content.firstElementChild.cloneNode(true);
    [element].concat(Array.prototype.slice.call(element.querySelectorAll("[data-id]"))).forEach(function (el) {
      if (el.hasAttribute("data-id")) { el.id = el.getAttribute("data-id"); el.removeAttribute("data-id"); }
    });
    return element;
  }

  function fill(root, slot, text) { root.querySelector("[data-slot='" + slot + "']").textContent = text; }

  function items(root, slot, texts) {
    var ul = root.querySelector("[data-slot='" + slot + "']");
    texts.forEach(function (text) {
      var li = document.createElement("li");
      if (Array.isArray(text)) {
        var source = document.createElement("span"), law = document.createElement("span");
        law.lang = "pl";
        law.textContent = text[1];
        source.className = "source";
        source.append("(" + ul.getAttribute("data-rule") + " ", law, ")");
        li.append(text[0] + " ", source);
      } else {
        li.textContent = text;
      }
      ul.appendChild(li);
    });
  }

  function questionText(name) {
    return form.querySelector(".step[data-step='" + name + "'] .question").textContent.trim();
  }

  function answerText(name, given, r) {
    var section = form.querySelector(".step[data-step='" + name + "']");
    if (name === "income") { return money(given.income); }
    if (name === "household_size") { return String(given.household_size); }
    var labels = r[name].map(function (v) {
      return section.querySelector("label[for='" + name + "-" + v + "']").textContent.trim();
    });
    return labels.join("; ");
  }

  function showResult(outcome, given, r) {
    clearErrors();
    removeResult();
    var view = copy("result-template");
    var show = function (el, keep) { if (!keep) { el.remove(); } };
    view.querySelectorAll("[data-show]").forEach(function (el) {
      show(el, el.getAttribute("data-show").split(" ").indexOf(outcome.status) >= 0);
    });
    view.querySelectorAll("[data-if-reason]").forEach(function (el) {
      show(el, outcome.reasons.indexOf(el.getAttribute("data-if-reason")) >= 0);
    });
    view.querySelectorAll("[data-unless-reason]").forEach(function (el) {
      show(el, outcome.reasons.indexOf(el.getAttribute("data-unless-reason")) < 0);
    });
    view.classList.add("result-" + outcome.status);
    view.setAttribute("data-status", outcome.status);
    fill(view, "status", data.texts.status[outcome.status]);
    items(view, "reasons", outcome.reasons.map(function (c) { return data.texts.reasons[c]; }));
    if (outcome.fee && outcome.status !== "unlikely") {
      view.setAttribute("data-fee-kind", outcome.fee.kind);
      if (outcome.fee.kind !== "set_by_centre") {
        view.setAttribute("data-fee-amount", outcome.fee.kind === "free" ? "0.00" : outcome.fee.amount);
      }
      view.querySelectorAll("[data-fee]").forEach(function (el) { show(el, el.getAttribute("data-fee") === outcome.fee.kind); });
      if (outcome.fee.kind === "bracket") { fill(view, "amount", money(grosze(outcome.fee.amount))); }
      fill(view, "fee", outcome.feeText);
      items(view, "documents", outcome.documents.map(function (c) { return data.texts.documents[c]; }));
      fill(view, "stay", data.texts.stay[outcome.stay]);
    }
    var skeleton = view.querySelector("[data-row]");
    asked(given).filter(function (name) { return name in given; }).forEach(function (name) {
      var row = skeleton.cloneNode(true), question = questionText(name);
      row.removeAttribute("data-row");
      fill(row, "question", question);
      fill(row, "answer", answerText(name, given, r));
      fill(row, "change", " – " + question);
      row.querySelector("button").value = "change-" + name;
      skeleton.before(row);
    });
    skeleton.remove();
    var print = view.querySelector("[data-action='print']");
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
    form.querySelectorAll(".step").forEach(function (s) { s.hidden = true; });
    form.elements.step.value = "result";
    setPageParts(true);
    main.prepend(view);
    document.title = data.texts.status[outcome.status] + " – " + baseTitle;
    view.querySelector("h1").focus();
  }

  /* --- Moving between steps, with the browser's Back and Forward -------------- */

  function render(state, focus) {
    restore(state.answers);
    if (state.view === "result") {
      var given = givenAnswers(state.answers);
      var outcome = early(given);
      if (!outcome) {
        outcome = lookup({adult: given.adult, resident: given.resident,
          round_the_clock_care: given.round_the_clock_care, situations: given.situations,
          household: given.household, household_size: given.household_size, income: given.income});
      }
      showResult(outcome, given, state.answers);
    } else {
      showStep(state.view, focus);
    }
  }

  function go(view) {
    /* The step being left keeps every answer given so far, for Back. */
    history.replaceState(Object.assign({}, history.state, {answers: raw()}), "");
    var depth = history.state && history.state.flats === facility ? history.state.depth + 1 : 0;
    var state = {flats: facility, view: view, answers: raw(), depth: depth};
    history.pushState(state, "");
    render(state, true);
  }

  function afterAnswer() {
    var r = raw(), given = givenAnswers(r);
    if (early(given)) { go("result"); return; }
    var open = nextOpen(given);
    go(open || "result");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var action = event.submitter ? event.submitter.value : "continue";
    var step = form.elements.step.value;
    /* "Prepare your application" (issue 22): application.js, loaded when first asked for, shows it in place. */
    if (action === "application") { (window.flatsApplication || function () { document.head.append(Object.assign(document.createElement("script"), {src: event.submitter.dataset.script})); })(); return; }
    if (action.indexOf("change-") === 0) { go(action.slice(7)); return; }
    if (action === "back") {
      var list = asked(givenAnswers(raw())), at = list.indexOf(step);
      if (history.state && history.state.flats === facility && history.state.depth > 0) { history.back(); return; }
      go(list[Math.max(at - 1, 0)]);
      return;
    }
    if (V.questions.indexOf(step) >= 0) {
      var a = read(step, raw());
      if (!a || a.error) {
        clearErrors();
        showError(step, a ? a.error : data.texts.errors[step]);
        return;
      }
    }
    afterAnswer();
  });

  /* "None of these" and the situations exclude each other, as the server checks. */
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.name !== "situations" || !box.checked) { return; }
    form.querySelectorAll("input[name='situations']").forEach(function (other) {
      if (other !== box && (box.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive"))) {
        other.checked = false;
      }
    });
  });

  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.flats === facility) { render(event.state, true); }
  });

  /* A new language keeps the answers: its form posts them (live site only). */
  document.querySelectorAll(".language-form").forEach(function (langForm) {
    langForm.addEventListener("submit", function () {
      langForm.querySelectorAll("input[type=hidden]").forEach(function (i) {
        if (i.name !== "action") { i.remove(); }
      });
      var add = function (name, value) {
        var i = document.createElement("input");
        i.type = "hidden"; i.name = name; i.value = value;
        langForm.appendChild(i);
      };
      add("step", form.elements.step.value);
      var r = raw();
      Object.keys(r).forEach(function (name) {
        (Array.isArray(r[name]) ? r[name] : [r[name]]).forEach(function (v) { add(name, v); });
      });
    });
  });

  /* Start from what the page shows: a question, or a result the server wrote. */
  var first = main.querySelector(".result") ? "result" : form.getAttribute("data-step");
  var state = history.state && history.state.flats === facility ? history.state
    : {flats: facility, view: first, answers: raw(), depth: 0};
  history.replaceState(state, "");
  if (history.state.view !== first || main.querySelector(".result")) { render(state, false); }
}());
