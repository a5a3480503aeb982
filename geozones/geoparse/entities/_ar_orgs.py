"""An Arabic organisation named after a town, and named again with the town after "في".

Arabic names a town's council or force in a construct: "مجلس منبج العسكري" (the Manbij
Military Council: the head noun, the town, the adjective). A text that has named it so
often names it again the other way round: "المتحدث باسم المجلس العسكري في منبج" (the
spokesman of the military council in Manbij). A reader takes the second for the same
body, so its town is a word of the name, not a place the text reports on: the town is a
place in the text where it is one ("قرى في محيط مدينة “منبج”"), not in the name.

The rule needs the construct in the same text: without it, "القوات الحكومية في حلب" (the
government forces in Aleppo) names the forces and where they are, and Aleppo is a place.
"""

from __future__ import annotations

import re

from ..scan._context import Entity
from ..scan._persons import AR_FOLD, AR_ORG_HEADS

_AR = r"[\u0621-\u064a\u0640]+"
#: An organisation's head without the article, one or two words (the town), and a
#: definite adjective in -ي/-ية: "مجلس منبج العسكري", "ومجلس دير الزور المدني".
_CONSTRUCT = re.compile(
    rf"(?<![\u0621-\u064a])(?=[وفبل]?(?P<head>{_AR})[ \t]+"
    rf"(?P<town>(?!ال){_AR}(?:[ \t]+(?!ال){_AR})?)[ \t]+"
    rf"(?P<adj>ال{_AR}(?:ي|ية|يه))(?![\u0621-\u064a]))"
)


def _fold(word: str) -> str:
    return word.translate(AR_FOLD)


def renamed_organisations(text: str) -> list[Entity]:
    """Organisations named a second time with their town after "في" or "ل".

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Entity
        One ``organization`` entity per second naming ("المجلس العسكري في منبج").

    Examples
    --------
    >>> t = "سيطرت قوات مجلس منبج العسكري على قرى. وقال المتحدث باسم المجلس العسكري في منبج إن"
    >>> [e.text for e in renamed_organisations(t)]
    ['المجلس العسكري في منبج']
    >>> renamed_organisations("وقال المتحدث باسم المجلس العسكري في منبج إن")
    []
    """
    out: list[Entity] = []
    for m in _CONSTRUCT.finditer(text):
        head = _fold(m.group("head"))
        if head not in AR_ORG_HEADS and head[1:] not in AR_ORG_HEADS:
            continue
        again = re.compile(
            rf"(?<![\u0621-\u064a])[وفبل]?ال{re.escape(m.group('head'))}[ \t]+"
            rf"{re.escape(m.group('adj'))}[ \t]+(?:في[ \t]+|ل){re.escape(m.group('town'))}"
            r"(?![\u0621-\u064a])"
        )
        for r in again.finditer(text):
            s = r.start() + (1 if text[r.start()] in "وفبل" and text[r.start() + 1] == "ا" else 0)
            if not any(e.start == s for e in out):
                out.append(Entity(text[s : r.end()], s, r.end(), "organization", "ar-renamed-org"))
    return out
