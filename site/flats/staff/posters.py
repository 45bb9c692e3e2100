"""What a facility's poster says, in plain words. Facts from shared/seeds and facts.md."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Poster:
    lead: object
    who: tuple
    apply: tuple


POSTERS = {
    "mielec": Poster(
        lead=_l("Five training flats where adults live for a while and learn, with support, to manage on their own."),
        who=(
            _l("Adults who need support in everyday life because of a difficult life situation, age, disability or illness."),
            _l("Not for people who need care around the clock."),
            _l("For people who live in Mielec. If you live somewhere else, start at the social assistance centre where you live."),
        ),
        apply=(
            _l("Call or visit the centre. The phone numbers and the address are below."),
            _l("Hand in an application with papers about your income and your life situation."),
            _l("The centre looks at your situation and gives you its decision in writing."),
            _l("If you get a place, you plan your stay together with the staff."),
        ),
    ),
    "chelm": Poster(
        lead=_l("Protected flats for older or disabled people who live alone, and for young adults leaving care."),
        who=(
            _l("People who live alone and, because of age, disability or illness, need help every day, but not care around the clock: 25 places."),
            _l("Adults leaving a care home or a foster family, who can manage with support: 5 places."),
            _l("For people who live in Chełm. If you live somewhere else, start at the social assistance centre where you live."),
        ),
        apply=(
            _l("Write an application to the centre and say in a few words why you need a place."),
            _l("Add proof of your net income for the month before, and your ID card."),
            _l("Older or disabled people also add a health certificate. Young people leaving care add their carer's opinion."),
            _l("The centre gives you its decision in writing."),
        ),
    ),
}
