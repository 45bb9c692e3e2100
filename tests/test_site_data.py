"""The site's data is one typed, frozen object, read once at start-up (flats.data.Site)."""
from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from flats import publisher
from flats.data import Site, site_data

from .helpers import CONTENT_DIR


def test_the_data_is_one_site_under_one_key_and_nothing_changes_it(app):
    site = site_data(app)
    assert isinstance(site, Site) and site.facilities is site.rules.facilities
    assert {"rules", "site", "content", "centres"}.isdisjoint(app.extensions), "no loose data keys beside it"
    with pytest.raises(FrozenInstanceError):
        site.content = None
    for mapping in (site.details, site.details["site"], site.details["site"]["name"]):
        with pytest.raises(TypeError):
            mapping["pl"] = "changed"


def test_the_site_name_names_every_town_without_changing_what_site_yaml_gave(app):
    read = publisher.load(CONTENT_DIR / "site.yaml")
    assert "{in_towns}" in read["site"]["name"]["pl"]
    name = site_data(app).name("pl")
    assert "{in_towns}" not in name
    assert all(facility.in_town["pl"] in name for facility in site_data(app).facilities.values())
