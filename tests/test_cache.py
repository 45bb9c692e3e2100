"""Pages are rendered once per day and served from memory; answers never are."""
from __future__ import annotations

from flats import create_app


def pages(app) -> int:
    """How many whole pages the store keeps (not parts of one: the result skeleton, the menu, the footer)."""
    return len([key for key in app.extensions["flats.pages"]._items if key[0] != "part"])


def test_a_page_is_rendered_once_and_served_from_memory_until_the_day_changes():
    app = create_app({"FIXED_DATE": "2026-11-23"})
    client = app.test_client()
    first = client.get("/pl/odplatnosc/").get_data()
    assert pages(app) == 1
    assert client.get("/pl/odplatnosc/").get_data() == first
    app.config["FIXED_DATE"] = "2024-12-31"
    older = client.get("/pl/odplatnosc/").get_data()
    assert older != first and "776,00" in older.decode()
    assert pages(app) == 2


def test_answers_and_errors_are_never_cached():
    app = create_app()
    client = app.test_client()
    client.post("/pl/sprawdz/chelm/", data={"income": "1234"})
    client.get("/pl/no-such-page/")
    store = app.extensions["flats.pages"]
    assert not [key for key in store._items if key[0] != "part"], "no answer or error page is kept"
    assert all(b"1234" not in body for body, _, _ in store._items.values()), "nothing posted is kept"


def test_a_page_from_memory_is_the_same_page_with_the_same_headers():
    cold = create_app({"PAGE_CACHE": False}).test_client().get("/uk/chelm/")
    client = create_app().test_client()
    first, second = client.get("/uk/chelm/"), client.get("/uk/chelm/?utm=x")
    assert first.get_data() == second.get_data() == cold.get_data()
    def headers(response):  # Date is the clock's (werkzeug's make_conditional sets it)
        return {k: v for k, v in response.headers.items() if k != "Date"}

    assert headers(second) == headers(cold)
    head = client.head("/uk/chelm/")
    assert head.status_code == 200 and head.data == b"" and head.headers["Content-Length"] == cold.headers["Content-Length"]
    assert client.post("/uk/sprawdz/chelm/", data={}).status_code == 200


def test_the_menu_and_footer_are_kept_per_address_and_never_for_an_error_page():
    """A self-check step is rendered afresh for every request, its menu and footer come from memory:
    kept under the address the router matched, never under an address a visitor made up."""
    app = create_app({"PAGE_CACHE": False})
    client = app.test_client()
    fresh = create_app({"PAGE_CACHE": False}).test_client()
    for _ in range(2):
        step = client.post("/pl/sprawdz/chelm/", data={"step": "adult", "action": "continue"}).get_data()
    assert step == fresh.post("/pl/sprawdz/chelm/", data={"step": "adult", "action": "continue"}).get_data()
    assert client.get("/pl/no-such-page/").status_code == client.get("/pl/sprawdz/nowhere/").status_code == 404
    parts = [key for key in app.extensions["flats.pages"]._items if key[:2] == ("part", "layout")]
    assert sorted((key[2], key[4]) for key in parts) == [("footer", "/pl/sprawdz/chelm/"), ("menu", "/pl/sprawdz/chelm/")]
