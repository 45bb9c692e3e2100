/* "Prepare your application" in the self-check page, live and frozen (issue 22). check.js loads this
   script the first time the result's button is pressed. It loads wniosek.js (the application's
   skeleton, written by the server's own template, and its stylesheet), reads the answers the page
   holds, looks the outcome up in dane.js (window.flatsLookup, check.js's look-up: this script holds no
   rule), and shows the application in place of the result. It pushes a history entry, so the
   browser's Back returns to the result. Nothing is stored or sent: what is typed into the
   application stays in its inputs, which belong to no form. */
(function () {
  "use strict";

  var form = document.getElementById("check-form");
  var main = document.querySelector("main");
  var data = window.FLATS_ANSWERS;
  if (!form || !data || !window.flatsLookup) { return; }
  var baseTitle = document.title.split(" – ").slice(1).join(" – ");
  var ready = null;  /* called once wniosek.js and the stylesheet have loaded */
  var waiting = 2;

  function loaded() {
    waiting -= 1;
    if (waiting === 0 && ready) { ready(); }
  }

  function load() {
    var script = document.createElement("script");
    script.src = "wniosek.js";
    script.onload = function () {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = window.FLATS_APPLICATION.style;
      link.onload = loaded;
      document.head.appendChild(link);
      loaded();
    };
    document.head.appendChild(script);
  }

  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"),
      function (i) { return i.value; });
  }

  /* The answers as the form holds them (check.js keeps them there and in history state). */
  function answers() {
    var a = {situations: checked("situations").filter(function (s) { return s !== "none"; })};
    ["adult", "resident", "round_the_clock_care", "household"].forEach(function (name) { a[name] = checked(name)[0]; });
    return a;
  }

  /* Eligibility, documents and groups do not depend on income or size: the fee part is not used. */
  function outcome(a) {
    return window.flatsLookup({adult: a.adult, resident: a.resident, round_the_clock_care: a.round_the_clock_care,
      situations: a.situations, household: a.household,
      household_size: a.household === "family" ? data.vocabulary.household_size_min : null, income: "0.00"});
  }

  function keep(view, attribute, values) {
    view.querySelectorAll("[" + attribute + "]").forEach(function (el) {
      if (values.indexOf(el.getAttribute(attribute)) < 0) { el.remove(); }
    });
  }

  function build(a, o) {
    var holder = document.createElement("template");
    holder.innerHTML = window.FLATS_APPLICATION.html;
    var view = holder.content.firstElementChild;
    keep(view, "data-group", o.reasons);
    keep(view, "data-if-reason", o.reasons);
    keep(view, "data-situation", a.situations);
    keep(view, "data-household", [a.household]);
    keep(view, "data-resident", [a.resident]);
    view.querySelectorAll("[data-documents]").forEach(function (list) {
      var items = {};
      list.querySelectorAll("[data-document]").forEach(function (li) {
        items[li.getAttribute("data-document")] = li;
        li.remove();
      });
      o.documents.forEach(function (code) { list.appendChild(items[code]); });
    });
    return view;
  }

  function choose(view, who) {
    view.querySelectorAll("[data-person]").forEach(function (el) { el.hidden = el.getAttribute("data-person") !== who; });
    view.querySelector("#application-for-" + who).checked = true;
  }

  function hide() {
    var old = main.querySelector(".application");
    if (old) { old.remove(); }
    var result = main.querySelector(".result");
    if (result) { result.hidden = false; }
  }

  function show(state, focus) {
    hide();
    var a = answers(), o = outcome(a);
    if (!o || (o.status !== "likely" && o.status !== "possible")) { return; }
    var view = build(a, o);
    choose(view, state.who);
    view.addEventListener("change", function (event) {
      if (event.target.name !== "application-for") { return; }
      choose(view, event.target.value);
      history.replaceState(Object.assign({}, history.state, {application: {who: event.target.value}}), "");
    });
    view.querySelector("[data-action='print-application']").addEventListener("click", function () { window.print(); });
    view.querySelector("[data-action='back-to-result']").addEventListener("click", function () { history.back(); });
    var result = main.querySelector(".result");
    if (result) { result.hidden = true; }
    main.prepend(view);
    document.title = view.querySelector("h1").textContent.trim() + " – " + baseTitle;
    if (focus) { view.querySelector("h1").focus(); }
  }

  function open() {
    var state = {who: "self"};
    var depth = history.state && typeof history.state.depth === "number" ? history.state.depth + 1 : 1;
    history.pushState(Object.assign({}, history.state, {application: state, depth: depth}), "");
    show(state, true);
  }

  /* After check.js has drawn the step or result of the entry (its listener was added first). */
  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.application) { show(event.state.application, true); } else { hide(); }
  });

  window.flatsApplication = function () {
    if (waiting === 0) { open(); } else { ready = open; }
  };
  window.flatsApplication();  /* this script was loaded because the button was pressed */
  load();
}());
