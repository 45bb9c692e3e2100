// The frozen site's root page (index.html): go on to the first of the reader's
// own languages (navigator.languages) that the site has, Polish when none is.
// Without a script the page's plain links stay. No inline script: strict CSP.
(function () {
  var links = {}, first = null;
  document.querySelectorAll("a[hreflang]").forEach(function (a) {
    links[a.hreflang] = a.href;
    first = first || a.href;
  });
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i]).toLowerCase().split("-")[0];
    if (links[code]) { location.replace(links[code]); return; }
  }
  if (first) location.replace(first);
})();
