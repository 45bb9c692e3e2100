"""Performance budgets, in Chromium: bytes, requests, no other hosts, no layout shift."""
from __future__ import annotations

import gzip
import re

from .frozen import files
from .helpers import CODES, HTML_BUDGET, ROUTES

PAGE_BUDGET, REQUEST_BUDGET = 60 * 1024, 4
# A self-check page carries the whole question flow, the engine's answer table (dane.js) and its script,
# so it may load more, as long as what a phone downloads from the shipped servers (gzip) stays small.
CHECK_BUDGET, DOWNLOAD_BUDGET = 72 * 1024, 25 * 1024
CHECK_PAGE = re.compile(r"/sprawdz/[a-z][a-z0-9-]*/$")
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""

def measure(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    loaded = []
    page.on("requestfinished", lambda r: loaded.append(r))
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    bodies = {r.url: r.response().body() for r in loaded if r.response()}
    sizes = {url: len(body) for url, body in bodies.items()}
    shift = page.evaluate(CLS)
    html = len(response.body())
    context.close()
    return {"html": html, "total": sum(sizes.values()), "requests": len(loaded),
            "gzipped": sum(len(gzip.compress(body, 6)) for body in bodies.values()),
            "urls": list(sizes), "cls": shift}

def check_budget(result: dict, url: str, origin: str) -> None:
    assert result["html"] <= HTML_BUDGET, f"{url}: HTML {result['html']} B > {HTML_BUDGET} B"
    budget = CHECK_BUDGET if CHECK_PAGE.search(url) else PAGE_BUDGET
    assert result["total"] <= budget, f"{url}: loads {result['total']} B > {budget} B"
    assert result["gzipped"] <= DOWNLOAD_BUDGET, f"{url}: {result['gzipped']} B gzipped > {DOWNLOAD_BUDGET} B"
    assert result["requests"] <= REQUEST_BUDGET, f"{url}: {result['requests']} requests: {result['urls']}"
    assert all(u.startswith(origin) for u in result["urls"]), f"{url}: another host: {result['urls']}"
    assert result["cls"] == 0, f"{url}: layout shift {result['cls']}"

def test_every_live_page_keeps_to_the_budgets(browser, base_url):
    for url in ROUTES:
        check_budget(measure(browser, base_url + url), url, base_url)

def test_every_frozen_page_keeps_to_the_budgets_with_the_self_check_scripts(browser, build, sub_path):
    pages = [p for p in files(build[0]) if p.endswith("index.html") and p != "index.html"]
    checked = 0
    for path in pages:
        url = sub_path + path.removesuffix("index.html")
        result = measure(browser, url)
        check_budget(result, url, sub_path.split("/mieszkania/")[0])
        checked += "dane.js" in " ".join(result["urls"])
    assert checked == 3 * len(CODES), "every frozen self-check page (a language, a centre) loads its answer table"
