"""Visitors for `make load`: every page in every language, and self-check submissions."""
from __future__ import annotations

import random
import sys
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.helpers import routes  # noqa: E402  (every page, derived from content/)

ROUTES = routes()
ANSWERS = [
    {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "older_age",
     "household": "single", "income": "1 400,00 zł"},
    {"adult": "yes", "resident": "no", "round_the_clock_care": "no", "situations": "disability",
     "household": "family", "household_size": "3", "income": "5000"},
    {"adult": "no", "resident": "yes", "round_the_clock_care": "yes", "household": "single", "income": "0"},
    {"adult": "yes", "household": "family", "household_size": "dwa", "income": "abc"},   # errors
]


class Visitor(HttpUser):
    wait_time = between(0.5, 2)

    @task(6)
    def read_a_page(self):
        self.client.get(random.choice(ROUTES), name="page")

    @task(1)
    def load_the_stylesheet(self):
        self.client.get("/static/style.css", name="static")

    @task(2)
    def submit_the_self_check(self):
        lang, facility = random.choice(["pl", "en", "uk"]), random.choice(["mielec", "chelm"])
        self.client.post(f"/{lang}/sprawdz/{facility}/", data=random.choice(ANSWERS), name="self-check")

    @task(1)
    def ask_the_api(self):
        self.client.post("/api/v1/assessment", name="api", json={
            "facility": "chelm", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
            "situations": ["illness"], "household": "single", "income": "1400.00"})
