"""The words that are never a place on their own (English and Arabic news prose), and the
items the selection works on: a match kept as a name, and the characters already taken."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import _context as ctx
from ._context import Entity
from ._index import _Payload

#: Common English words that a gazetteer also holds as place names ("The", "Man", "Sea"):
#: never a place on their own.
STOPWORDS = frozenset(
    """a about above across after again against ago all also although am among an and another
    any are area around as at away back be because been before behind being below between
    both but by can cannot could day days did do does down during each early east either
    else end even ever every few first for from further get go good great had has have he
    her here hers him his how however i if in inside into is it its just last late later
    least less like long made main make man many may me men might more most much must my
    near never new next no nor north not now of off on once one only or other our out over
    own part per same sea see several she should side since so some south still such than
    that the their them then there these they this those though through thus to today top
    toward towards two under until up upon us very via was way we week were west what when
    where which while who whom whose why will with within without would year yet you your
    air army city day deal field front free hand head hill home line news peace point port
    post press red road safe state station street time town union valley village war water
    white zone center centre general major minor north south east west upper lower big little
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec hit took killed attack attacks strike strikes shelling troops rebels
    fighters regime opposition talks agreement memorandum protocol patrol patrols corridor
    withdrawal control offensive operation crossing convoy soldiers civilians people refugees
    camp camps aid said says told reported according officials sources monitor report
    ceasefire truce agreed signed killed wounded fire media""".split()
)

#: Arabic words of news prose that are also village names ("وقف", ceasefire; "النار", fire),
#: as matching keys (folded, article dropped).
ARABIC_STOPWORDS = frozenset(
    """وقف اطلاق نار هدنه اتفاق اتفاقيه منطقه مناطق قوات جيش مدينه بلده قريه ريف شمال جنوب
    شرق غرب محافظه طريق معبر نقطه نقاط مراقبه دوريه دوريات في من علي الي عن مع بين قرب بعد
    قبل حتي منذ يوم امس اليوم
    تل تله كفر دير جبل خربه عين بير بئر معره سهل وادي نهر جسر بيت راس ابو ام قصر حي
    كان كانت يكون تكون جديد جديده عديد عديده عده كبير كبيره صغير صغيره اخر اخري الذي التي
    هذا هذه ذلك تلك حيث كما ايضا عند خلال اكثر اقل حول ضد عبر عام سنه شهر اسبوع مصدر مصادر
    مقاتل مقاتلين عسكري عسكريه سيطره تقدم هجوم معارك اشتباكات قصف غارات
    استراتيجيه استراتيجي حدوديه حدودي رئيسيه رئيسي مهمه هامه حيويه سكنيه زراعيه صناعيه""".split()
)


@dataclass
class _Item:
    start: int
    end: int
    name_start: int
    payloads: tuple[_Payload, ...]
    entity: Entity | None = None
    cue: ctx.RegionCue | None = None
    nwords: int = 1
    loose: bool = False  # found by the loose transliteration key only


class _Occupancy:
    """Which characters of a text are taken (linear time, unlike pairwise span checks)."""

    def __init__(self, n: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._b = bytearray(n + 1)
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        self._b[a:b] = b"\x01" * (b - a)

    def free(self, a: int, b: int) -> bool:
        return self._b.find(1, a, b) == -1
