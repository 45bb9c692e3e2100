"""The application's own words. Always Polish: the centre works in Polish (facts.md §7), so these are
never translated; pages mark them lang="pl" and explain them in the reader's language beside them.

Only what k.p.a. art. 63 and the seeds ask of an application (facts.md §8): place and date, who applies
and their address, what they ask for (a place, the group), the justification, the attached documents,
the signature and, for someone else, the consent of the person concerned (art. 102 u.p.s.). No other field.
Every sentence about a person is in the present tense, which Polish writes alike for women and men.

Keys: "self" (the person applies), "other" (someone applies for them), "blank" (the staff's blank form).
"""
from __future__ import annotations

TITLE = "Wniosek o przyznanie miejsca"
PLACE_DATE = "Miejscowość i data"
TO = "Do"
APPLICANT = "Osoba składająca wniosek"
CONCERNED = "Osoba, której dotyczy wniosek"
NAME = "Imię i nazwisko"
ADDRESS = "Adres"
RELATION = "Kim jestem dla tej osoby"
REQUEST = {
    "self": "Proszę o przyznanie mi miejsca.",
    "other": "Proszę o przyznanie miejsca osobie, której dotyczy wniosek.",
    "blank": "Proszę o przyznanie miejsca.",
}
FACILITY = "Placówka"
GROUP = {"self": "Grupa miejsc", "other": "Grupa miejsc", "blank": "Grupa miejsc (zaznacz)"}
JUSTIFICATION = "Uzasadnienie"
ADULT = {"self": "Jestem osobą pełnoletnią.", "other": "Osoba, której dotyczy wniosek, jest pełnoletnia."}
RESIDENT = {"self": "Mieszkam {in_town}.", "other": "Mieszka {in_town}."}
NEED = {
    "self": "Potrzebuję wsparcia w codziennym życiu z tych powodów:",
    "other": "Potrzebuje wsparcia w codziennym życiu z tych powodów:",
    "blank": "Wsparcie w codziennym życiu jest potrzebne z tych powodów (zaznacz):",
}
# One per situation of flats.vocabulary.SITUATIONS, as nouns: they read alike after every NEED.
SITUATIONS = {
    "older_age": "wiek",
    "disability": "niepełnosprawność",
    "illness": "choroba",
    "leaving_care": "opuszczenie placówki opiekuńczo-wychowawczej, rodziny zastępczej albo młodzieżowego "
                    "ośrodka wychowawczego (właściwe podkreślić)",
    "other_difficulty": "trudna sytuacja życiowa",
}
CARE = {"self": "Nie potrzebuję opieki przez całą dobę.", "other": "Nie potrzebuje opieki przez całą dobę."}
HOUSEHOLD = {
    "single": {"self": "Prowadzę jednoosobowe gospodarstwo domowe.",
               "other": "Prowadzi jednoosobowe gospodarstwo domowe.", "blank": "jednoosobowe"},
    "family": {"self": "Mieszkam i gospodaruję razem z rodziną.",
               "other": "Mieszka i gospodaruje razem z rodziną.", "blank": "wspólne z rodziną"},
}
HOUSEHOLD_BLANK = "Gospodarstwo domowe (zaznacz):"
OWN_WORDS = {
    "self": "Moja sytuacja własnymi słowami",
    "other": "Sytuacja tej osoby własnymi słowami",
    "blank": "Opis sytuacji własnymi słowami",
}
DOCUMENTS = "Dokumenty do złożenia (zaznacz, co składasz)"
SIGNATURE = "Czytelny podpis osoby składającej wniosek"
FOR_OTHER_BLANK = "Wniosek za inną osobę – wypełnij tylko wtedy, gdy wniosek składa inna osoba"
CONSENT_TITLE = "Zgoda osoby, której dotyczy wniosek (art. 102 ustawy o pomocy społecznej)"
CONSENT = "Zgadzam się na złożenie tego wniosku w moim imieniu."
CONSENT_SIGNATURE = "Data i czytelny podpis osoby, której dotyczy wniosek, albo jej przedstawiciela ustawowego"
