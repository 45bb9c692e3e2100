"""`flask rules show --on DATE` and `flask rules check`, through Flask's CLI runner."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from flats import create_app

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], day: str = "2026-11-23", content: Path | None = None):
    """Run a `flask` command on an app that, like `flask content check`, loads nothing at start-up."""
    config = {"TESTING": True, "LOAD_CONTENT": False, "FIXED_DATE": day}
    if content:
        config["CONTENT_DIR"] = content
    return create_app(config).test_cli_runner().invoke(args=args)


def test_rules_show_prints_the_criterion_costs_brackets_and_amounts_in_force_on_the_day():
    result = run(["rules", "show", "--on", "2024-12-31"])
    assert result.exit_code == 0, result.output
    out = result.output.replace("\xa0", " ")
    assert "Income criterion since 2022-01-01" in out
    assert "776,00 zł" in out and "600,00 zł" in out
    assert "1 498,67 zł" in out, "Chełm's monthly cost"
    assert "over 100 % up to 150 % of the criterion): 20 % of the cost = 299,73 zł" in out
    assert "776,01 zł – 1 164,00 zł" in out, "the bracket's incomes for that day's criterion"
    assert "from 2 716,01 zł (over 350 % of the criterion): 100 % of the cost = 1 498,67 zł" in out
    mielec = out[out.index("\nmielec:"):]
    assert "no fee table: above the criterion the centre sets the fee by decision" in mielec
    assert "group adults_needing_support: 22 places" in mielec


def test_rules_show_follows_the_criterion_change_on_its_first_day():
    out = run(["rules", "show", "--on", "2025-01-01"]).output.replace("\xa0", " ")
    assert "1 010,00 zł" in out and "823,00 zł" in out and "776,00 zł" not in out


def test_rules_show_without_a_date_uses_today():
    assert "Rules in force on 2026-11-23" in run(["rules", "show"]).output


def test_rules_show_refuses_a_day_no_rule_covers():
    result = run(["rules", "show", "--on", "2010-01-01"])
    assert result.exit_code == 1
    assert "no income criterion on 2010-01-01" in result.output


@pytest.mark.parametrize("command", [["rules", "show", "--on", "2028-01-01"], ["rules", "check"]])
def test_both_commands_say_when_the_data_needs_checking(command):
    out = run(command, day="2028-01-01").output
    assert "NEEDS CHECKING" in out and "2028-01-01" in out and "content/README.md" in out


@pytest.mark.parametrize("command", [["rules", "show", "--on", "2027-12-31"], ["rules", "check"]])
def test_neither_command_warns_before_the_review_date(command):
    result = run(command, day="2027-12-31")
    assert result.exit_code == 0 and "NEEDS CHECKING" not in result.output
    assert "Next statutory review of the criterion: 2028-01-01" in result.output


def test_rules_check_passes_on_the_real_data():
    result = run(["rules", "check"])
    assert result.exit_code == 0, result.output
    assert "rules: no problems" in result.output


def test_rules_check_exits_0_when_only_the_review_is_due_and_1_with_strict():
    assert run(["rules", "check"], day="2028-01-01").exit_code == 0
    strict = run(["rules", "check", "--strict"], day="2028-01-01")
    assert strict.exit_code == 1 and "1 problem(s)" in strict.output


def test_rules_check_lists_every_problem_at_once_and_exits_1(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    criterion = content / "rules" / "criterion.yaml"
    criterion.write_text(criterion.read_text().replace('single: "1010.00"', 'single: 1010'))
    about = content / "rules" / "about.yaml"
    about.write_text(about.read_text().replace("reviewed: 2026-11-23", "reviewed: someday"))
    result = run(["rules", "check"], content=content)
    assert result.exit_code == 1
    assert "2 problem(s)" in result.output
    assert "criterion.yaml" in result.output and "about.yaml" in result.output


def test_rules_check_names_a_reviewed_date_in_the_future(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    result = run(["rules", "check"], day="2026-01-01", content=content)
    assert result.exit_code == 1 and "about.yaml: reviewed 2026-11-23 is after today" in result.output


def test_flask_rules_check_lists_every_problem_even_when_the_site_could_not_start(tmp_path):
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1] / "content"
    shutil.copytree(root, tmp_path / "content")
    (tmp_path / "content" / "rules" / "criterion.yaml").write_text("values: [oops\n")
    flask = Path(sys.executable).with_name("flask")
    run = subprocess.run([str(flask), "--app", "flats", "rules", "check"], capture_output=True, text=True,
                         env=dict(os.environ, FLATS_CONTENT_DIR=str(tmp_path / "content")))
    assert run.returncode == 1
    assert "criterion.yaml" in run.stderr and "Traceback" not in run.stderr + run.stdout


# The launch check: `flask rules check --publish` (README.md "Running it in production").
PUBLISHER = """publisher:
  name: "Miejski Ośrodek Przykładowy"
  address: "ul. Przykładowa 1, 00-001 Przykładowo"
  email: "{email}"
  phone: "{phone}"
  bip_url: "https://bip.example.gov.pl/"
"""


SITE = ('  url: ""', '  url: "https://mieszkania.example.gov.pl/"'), ('  published: ""', "  published: 2027-01-04")


def site_with(content: Path, publisher: str, site_given: bool = True) -> None:
    """site.yaml with these publisher details, and (unless told not to) the site's address and publication day."""
    site = content / "site.yaml"
    text = site.read_text(encoding="utf-8")
    start, end = text.index("publisher:"), text.index("data_protection_officer:")
    text = text[:start] + publisher + text[end:]
    for old, new in SITE if site_given else ():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    site.write_text(text, encoding="utf-8")


@pytest.fixture()
def content(tmp_path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def test_the_launch_check_fails_listing_every_empty_publisher_detail_the_law_requires():
    result = run(["rules", "check", "--publish"])
    assert result.exit_code == 1
    assert "6 problem(s)" in result.output
    for key in ("publisher.name is empty", "publisher.address is empty", "publisher.email or publisher.phone is empty",
                "publisher.bip_url is empty", "site.url is empty", "site.published is empty"):
        assert key in result.output, key
    assert "publisher.address is empty: the publisher's postal address must be published" in result.output


def test_the_launch_check_asks_for_the_sites_address_and_publication_day_the_statement_gives(content):
    site_with(content, PUBLISHER.format(email="wydawca@example.gov.pl", phone=""), site_given=False)
    result = run(["rules", "check", "--publish"], content=content)
    assert result.exit_code == 1 and "2 problem(s)" in result.output
    assert "site.url is empty" in result.output and "site.published is empty" in result.output


def test_the_launch_check_says_where_a_missing_key_goes(content):
    site = content / "site.yaml"
    site.write_text("".join(line for line in site.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("  address:")), encoding="utf-8")
    result = run(["rules", "check", "--publish"], content=content)
    assert result.exit_code == 1 and "add `address:` under `publisher:`" in result.output


def test_without_publish_empty_publisher_details_stay_warnings():
    result = run(["rules", "check"])
    assert result.exit_code == 0 and "problem(s)" not in result.output
    assert "warning:" in result.output and "publisher.name is empty" in result.output


@pytest.mark.parametrize("email, phone", [("wydawca@example.gov.pl", ""), ("", "11 222 33 44")])
def test_the_launch_check_passes_once_every_required_detail_is_given_an_email_or_a_phone_enough(content, email, phone):
    site_with(content, PUBLISHER.format(email=email, phone=phone))
    result = run(["rules", "check", "--publish"], content=content)
    assert result.exit_code == 0, result.output
    assert "rules: no problems" in result.output


@pytest.mark.parametrize("key", ["name", "address", "bip_url"])
def test_the_launch_check_names_the_one_detail_still_missing(content, key):
    publisher = PUBLISHER.format(email="wydawca@example.gov.pl", phone="").replace(f"  {key}: \"", f"  {key}: \"\" # \"")
    site_with(content, publisher)
    result = run(["rules", "check", "--publish"], content=content)
    assert result.exit_code == 1 and "1 problem(s)" in result.output
    assert f"publisher.{key} is empty" in result.output and "write the confirmed value there" in result.output


def test_the_launch_check_reports_a_site_file_that_cannot_be_read(content):
    (content / "site.yaml").write_text("publisher: [oops\n", encoding="utf-8")
    result = run(["rules", "check", "--publish"], content=content)
    assert result.exit_code == 1 and "site.yaml" in result.output and "cannot be read" in result.output


def test_show_on_a_day_before_a_centres_first_rule_shows_the_others_and_names_it():
    result = run(["rules", "show", "--on", "2018-01-01"])
    assert result.exit_code == 0, result.output
    assert "mielec:" in result.output and "\nchelm:" not in result.output
    assert "No rules on 2018-01-01 for: chelm (its rules apply from 2018-03-21)." in result.output


def test_the_readme_commands_work_as_written():
    """Each `flask … rules …` line in README.md's table runs, with the venv's flask, from the project root."""
    import shlex
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    commands = re.findall(r"^\| `(\.venv/bin/flask --app flats rules [^`]*)` \|", (root / "README.md").read_text(), re.M)
    assert len(commands) >= 2
    for command in commands:
        args = shlex.split(command)
        done = subprocess.run([str(Path(sys.executable).with_name("flask")), *args[1:]], cwd=root,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, (command, done.stderr)
        assert "Error:" not in done.stderr, (command, done.stderr)


@pytest.mark.parametrize("doc", ["deploy/flats.service", "deploy/nginx-flats.conf", "README.md", "content/README.md"])
def test_the_deploy_files_and_guides_tell_the_operator_to_run_the_launch_check(doc):
    text = " ".join((ROOT / doc).read_text(encoding="utf-8").split())
    assert "rules check --publish" in text, f"{doc}: tell the operator to run the launch check before going public"
    assert "address" in text[text.index("rules check --publish"):][:600], f"{doc}: name the details it asks for"


def test_rules_show_lists_the_centres_in_their_order_not_by_folder_name(tmp_path):
    """With the fixture centres added after the real ones, as content/README.md says: the centres come in their
    `order:` (what the menu and the site's name use), which is not the folders' alphabetical order."""
    import yaml
    from .helpers import CONTENT_DIR, add_centres
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    fixtures = Path(__file__).with_name("fixtures")
    add_centres(content, fixtures / "fourth_centre", fixtures / "third_centre")  # zmyslin before testowo
    orders = {p.parent.name: yaml.safe_load(p.read_text(encoding="utf-8"))["order"]
              for p in (content / "facilities").glob("*/facility.yaml")}
    in_order = sorted(orders, key=orders.get)
    assert in_order != sorted(orders), "the fixtures make the two orders differ"
    out = run(["rules", "show", "--on", "2026-11-23"], content=content).output
    shown = [line[:-1] for line in out.splitlines() if line[:-1] in orders and line.endswith(":")]
    assert shown == in_order, out
