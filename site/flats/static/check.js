/* The self-check in the browser, live and frozen: one question at a time, in
   place. Everything it knows comes from dane.js (checker/frozen.py describes it):
   the flow of questions, the engine's outcomes keyed by the answers, the fee
   tables with every amount already written, and the sentences. This script
   reads the answers, looks them up and fills in the result's template — it
   holds no rule, no question and no money formatting. Answers live in the
   form and in history state only: never in the address, a cookie or storage. */
/* Loaded in <head> without defer: the class below is set before the page is first drawn (govuk-frontend's
   js-enabled, without an inline script), so the frozen page's fallback never flashes and shifts; the rest
   waits for the document. */
document.documentElement.classList.add("js-enabled");
function flatsCheck() {
  "use strict";

  var data = window.FLATS_ANSWERS;
  var form = document.getElementById("check-form");
  var V = data && data.vocabulary;

  /* --- Money, read with the server's grammar -------------------------------- */

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

  /* An amount as the site writes it: the build's written form for its number of digits ("# ###,## zł"). */
  function written(grosze) {
    var zloty = (grosze / 100n).toString();
    var digits = zloty + (grosze % 100n).toString().padStart(2, "0"), i = 0;
    return data.money[zloty.length].replace(/#/g, function () { return digits.charAt(i++); });
  }

  /* --- The flow: which questions are asked, and what the answers decide ------ */

  var flow = data ? data.flow : [];
  var byName = {};
  flow.forEach(function (q) { byName[q.name] = q; });

  function isAsked(q, given) {
    return Object.keys(q.asked_if).every(function (name) { return given[name] === q.asked_if[name]; });
  }

  /* One answer as the engine takes it, or {error: message} (null when not given). */
  function read(q, v) {
    var t = data.texts;
    if (q.kind === "count") {
      if (!v.trim()) { return null; }
      var n = /^[0-9]{1,3}$/.test(v.trim()) ? parseInt(v.trim(), 10) : NaN;
      return n >= q.least && n <= q.most ? {value: n} : {error: t.errors[q.name]};
    }
    if (q.kind === "money") {
      if (!v.trim()) { return null; }
      var p = parseIncome(v);
      return p.error ? {error: t.income_errors[p.error].split("%(text)s").join(v.trim().slice(0, 64))}
        : {value: p.grosze};
    }
    if (!v.length) { return null; }
    if (q.kind === "many") {
      if (v.indexOf(q.none) >= 0 && v.length > 1) { return {error: t.none_alone}; }
      return {value: v.filter(function (s) { return s !== q.none; })};
    }
    return {value: v[0]};
  }

  /* The valid answers of the questions asked, in order (a question not asked counts for nothing). */
  function answered(r) {
    var given = {};
    flow.forEach(function (q) {
      var a = isAsked(q, given) ? read(q, r[q.name]) : null;
      if (a && !a.error) { given[q.name] = a.value; }
    });
    return given;
  }

  function asked(given) { return flow.filter(function (q) { return isAsked(q, given); }).map(function (q) { return q.name; }); }

  function nextOpen(given) { return asked(given).find(function (s) { return !(s in given); }) || null; }

  /* The key of one answer in data.decisions, as frozen.answer_key() writes it. */
  function key(q, value) {
    return q.kind === "many" ? q.choices.filter(function (c) { return value.indexOf(c) >= 0; }).join("+") : value;
  }

  /* The outcome the answers so far lead to, or null while it is not known. */
  function decide(given) {
    var node = data.decisions;
    for (var i = 0; i < flow.length && typeof node === "object"; i += 1) {
      var q = flow[i];
      if (!q.decides) { continue; }
      if (!(q.name in given)) { return null; }
      node = node[key(q, given[q.name])];
    }
    return typeof node === "number" ? data.outcomes[node] : null;
  }

  /* The fee for the answers: its kind from the table, its sentence filled with written amounts. */
  function fee(given) {
    var fees = data.fees, people = given[fees.by] === undefined ? "" : String(given[fees.by]);
    var table = fees.tables[people], income = given[fees.of];
    var row = table.rows.find(function (r) { return r.up_to === undefined || income <= BigInt(r.up_to); });
    var kind = fees.kinds[row.fee];
    var values = Object.assign({}, fees.values, {limit: table.limit, people: people, income: written(income)},
      kind.values);
    return {kind: kind, text: data.texts.fee[kind.text].replace(/%\((\w+)\)s/g, function (_, n) { return values[n]; })};
  }

  function lookup(given) {
    var o = decide(given), f = fee(given);
    return {status: o.status, reasons: o.reasons, documents: o.documents, stay: o.stay, early: !!o.early,
      fee: {kind: f.kind.kind, percent_of_cost: f.kind.percent_of_cost, amount: f.kind.amount,
        amount_text: f.kind.amount_text, data_amount: f.kind.data_amount},
      feeText: f.text};
  }

  /* For tests: the result for answers written as the API takes them (income as text). */
  window.flatsLookup = function (a) {
    if (!data) { return null; }
    var r = {};
    flow.forEach(function (q) {
      var v = a[q.name];
      r[q.name] = v === null || v === undefined ? (q.kind === "count" || q.kind === "money" ? "" : [])
        : Array.isArray(v) ? (v.length ? v : [q.none]) : q.kind === "count" || q.kind === "money" ? String(v) : [v];
    });
    return lookup(answered(r));
  };

  if (!form || !data) { document.documentElement.classList.remove("js-enabled"); return; }
  form.hidden = false;  /* the frozen form is hidden until now: a browser without this script shows one h1 */

  /* --- The answers in the form ---------------------------------------------- */

  var main = document.querySelector("main");
  var facility = form.getAttribute("data-facility");
  var first = flow[0].name;
  var status = document.getElementById("check-status");

  function inputs(name) { return form.querySelectorAll("input[name='" + name + "']"); }

  /* Every answer as typed or ticked: what history state keeps. */
  function raw() {
    var r = {};
    flow.forEach(function (q) {
      var text = form.querySelector("input[type=text][name='" + q.name + "']");
      r[q.name] = text ? text.value : Array.prototype.filter.call(inputs(q.name), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    });
    return r;
  }

  function restore(r) {
    flow.forEach(function (q) {
      var text = form.querySelector("input[type=text][name='" + q.name + "']");
      if (text) { text.value = r[q.name] || ""; return; }
      inputs(q.name).forEach(function (i) { i.checked = (r[q.name] || []).indexOf(i.value) >= 0; });
    });
  }

  function empty() {
    var r = {};
    flow.forEach(function (q) { r[q.name] = q.kind === "count" || q.kind === "money" ? "" : []; });
    return r;
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
    main.querySelectorAll(".caption, .form-links, .form-note, .for-someone").forEach(function (el) {
      el.hidden = onResult;
    });
  }

  function setTitle(text) { document.title = text + " – " + form.getAttribute("data-title"); }

  function questionOf(step) { return form.querySelector(".step[data-step='" + step + "'] .question"); }

  function showStep(step, focus) {
    clearErrors();
    removeResult();
    setPageParts(false);
    form.querySelectorAll(".step").forEach(function (s) { s.hidden = s.getAttribute("data-step") !== step; });
    form.setAttribute("data-step", step);
    form.elements.step.value = step;
    form.querySelector(".back-link").hidden = step === first;
    setTitle(questionOf(step).textContent.trim());
    if (focus) { questionOf(step).focus(); }
  }

  /* An error summary's link leads to its question's first input (GOV.UK): in view, focused. */
  function linkToQuestion(link) {
    link.addEventListener("click", function (event) {
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) { return; }
      event.preventDefault();
      input.closest(".form-group").scrollIntoView();
      input.focus({preventScroll: true});
    });
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
    link.href = "#" + group.querySelector("input").id;
    link.textContent = message;
    linkToQuestion(link);
    item.appendChild(link);
    summary.querySelector("ul").appendChild(item);
    (group.querySelector("legend") || group.querySelector(".question")).after(summary);  /* under the question, as the server puts it */
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
      if (typeof text === "object") {
        var source = document.createElement("span"), law = document.createElement("span");
        law.lang = "pl";
        law.textContent = text.source;
        source.className = "source";
        source.append("(" + ul.getAttribute("data-rule") + " ", law, ")");
        li.append(text.text + " ", source);
      } else {
        li.textContent = text;
      }
      ul.appendChild(li);
    });
  }

  /* An answer as the person chose it: the label of each choice, the number, the amount as written. */
  function answerText(name, given, r) {
    var q = byName[name];
    if (q.kind === "money") { return written(given[name]); }
    if (q.kind === "count") { return String(given[name]); }
    return r[name].map(function (v) {
      return form.querySelector("label[for='" + name + "-" + v + "']").textContent.trim();
    }).join("; ");
  }

  function has(el, name, value) { return el.getAttribute(name).split(" ").indexOf(value) >= 0; }

  function showResult(outcome, given, r) {
    clearErrors();
    removeResult();
    var view = copy("result-template");
    var keep = function (selector, test) {
      view.querySelectorAll(selector).forEach(function (el) { if (!test(el)) { el.remove(); } });
    };
    keep("[data-show]", function (el) { return has(el, "data-show", outcome.status); });
    keep("[data-if-reason]", function (el) { return outcome.reasons.indexOf(el.getAttribute("data-if-reason")) >= 0; });
    keep("[data-unless-reason]", function (el) {
      return outcome.reasons.indexOf(el.getAttribute("data-unless-reason")) < 0;
    });
    view.classList.add("result-" + outcome.status);
    view.setAttribute("data-status", outcome.status);
    fill(view, "status", data.texts.status[outcome.status]);
    items(view, "reasons", outcome.reasons.map(function (c) { return data.texts.reasons[c]; }));
    if (!outcome.early) {
      var f = outcome.fee;
      view.setAttribute("data-fee-kind", f.kind);
      if (f.data_amount) { view.setAttribute("data-fee-amount", f.data_amount); }
      keep("[data-fee]", function (el) { return has(el, "data-fee", f.kind); });
      if (f.amount_text) { fill(view, "amount", f.amount_text); }
      fill(view, "fee", outcome.feeText);
      items(view, "documents", outcome.documents.map(function (c) { return data.texts.documents[c]; }));
      fill(view, "stay", data.texts.stay[outcome.stay]);
    }
    var skeleton = view.querySelector("[data-row]");
    asked(given).filter(function (name) { return name in given; }).forEach(function (name) {
      var row = skeleton.cloneNode(true), question = questionOf(name).textContent.trim();
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
    view.querySelector("[data-action='restart']").addEventListener("click", restart);
    form.querySelectorAll(".step").forEach(function (s) { s.hidden = true; });
    form.querySelector(".back-link").hidden = true;
    form.elements.step.value = "result";
    setPageParts(true);
    main.prepend(view);
    setTitle(data.texts.status[outcome.status]);
    view.querySelector("h1").focus();
  }

  /* --- Moving between steps, with the browser's Back and Forward -------------- */

  function render(state, focus) {
    restore(state.answers);
    if (state.view === "result") {
      var given = answered(state.answers), o = decide(given);
      showResult(o.early ? o : lookup(given), given, state.answers);
    } else {
      showStep(state.view, focus);
    }
  }

  function ours(state) { return state && state.flats === facility; }

  function go(view) {
    /* The step being left keeps every answer given so far, for Back. */
    history.replaceState(Object.assign({}, history.state, {answers: raw()}), "");
    var depth = ours(history.state) ? history.state.depth + 1 : 0;
    var state = {flats: facility, view: view, answers: raw(), depth: depth};
    history.pushState(state, "");
    render(state, true);
  }

  /* "Start again": back to this check's first entry in the tab's history, its answers
     cleared, and the entries after it dropped (a new entry replaces them, then goes). */
  var restarting = 0;

  function cleared() { return {flats: facility, view: first, answers: empty(), depth: 0}; }

  function restart(event) {
    event.preventDefault();
    var depth = ours(history.state) ? history.state.depth : 0;
    restarting = 1;
    if (depth > 0) { history.go(-depth); } else { startedAgain(); }
  }

  function startedAgain() {
    if (restarting === 1) {
      history.replaceState(cleared(), "");
      history.pushState(cleared(), "");  /* drops every later entry, answers and all */
      restarting = 2;
      history.back();
      return;
    }
    restarting = 0;
    render(cleared(), true);
    status.textContent = "";
    status.textContent = status.getAttribute("data-cleared");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var action = event.submitter ? event.submitter.value : "continue";
    var step = form.elements.step.value;
    /* "Prepare your application" (issue 22): application.js, loaded when first asked for, shows it in place. */
    if (action === "application") { (window.flatsApplication || function () { document.head.append(Object.assign(document.createElement("script"), {src: event.submitter.dataset.script})); })(); return; }
    if (action.indexOf("change-") === 0) { go(action.slice(7)); return; }
    if (action === "back") {
      if (ours(history.state) && history.state.depth > 0) { history.back(); return; }
      var list = asked(answered(raw()));
      go(list[Math.max(list.indexOf(step) - 1, 0)]);
      return;
    }
    if (byName[step]) {
      var a = read(byName[step], raw()[step]);
      if (!a || a.error) {
        clearErrors();
        showError(step, a ? a.error : data.texts.errors[step]);
        return;
      }
    }
    var given = answered(raw()), o = decide(given);
    go(o && o.early ? "result" : nextOpen(given) || "result");
  });

  /* An exclusive choice ("None of these") and the others exclude each other, as the server checks. */
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type !== "checkbox" || !box.checked) { return; }
    inputs(box.name).forEach(function (other) {
      if (other !== box && (box.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive"))) {
        other.checked = false;
      }
    });
  });

  window.addEventListener("popstate", function (event) {
    if (restarting) { startedAgain(); return; }
    if (ours(event.state)) { render(event.state, true); }
  });

  main.querySelectorAll("[data-action='restart']").forEach(function (a) { a.addEventListener("click", restart); });
  main.querySelectorAll(".error-summary a").forEach(linkToQuestion);

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
  var shown = main.querySelector(".result") ? "result" : form.getAttribute("data-step");
  var state = ours(history.state) ? history.state : {flats: facility, view: shown, answers: raw(), depth: 0};
  history.replaceState(state, "");
  if (state.view !== shown || main.querySelector(".result") || form.hasAttribute("data-frozen")) {
    render(state, false);
  }
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", flatsCheck);
} else {
  flatsCheck();
}
