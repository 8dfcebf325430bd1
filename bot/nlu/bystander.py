"""Messages whose danger words are about someone else, or about an office, not the writer.

Two kinds of benign message name a harm that is not happening to the person writing (issue 10,
the 2026-11-30 held-out set):

* a person who is safe now reporting others still held: "я уже дома, а там у людей до сих пор
  забраны паспорта, хочу сообщить", "I'm not there anymore but the guys stayed: how do I report
  an employer who keeps people without documents?". This is a report (the report_case answer
  gives the hotlines, the police, the emergency number for an emergency and a person from the
  team), not a person in danger who must be told to call the emergency number;
* a witness reporting an agency or an employer ("хочу пожаловаться на агентство, они
  отправляют людей в рабство, сама видела", "I saw their ad, I want to report them, they send
  people to work for free"): a report cue ("пожаловаться", "сообщить", "report") with others
  named, or a witness or safe-writer cue with a report cue;
* an authority that keeps an old passport when it issues a new one ("в паспортном столе забрали
  старый паспорт", "the consulate kept my old passport"), in transliteration too ("staryi
  pasport zabrali v pasportnom stole": the cues are read in the Cyrillic reading as well).

`Bystander.covers(start)` says a danger phrase starting at token `start` is in such a message.
The danger phrases stay the safety net: a phrase in a clause with a first-person word ("нас
держат без документов", "мне не отдают паспорт", "they still have my passport") still fires, a
report needs two of a safe-writer or witness cue, a report cue and others named ("ребята", "the
guys", "людзі") -- a report cue with others named is not enough when the writer says "we" or
"us" -- and a safe-writer cue right after a negator ("I'm not home", "я не уехал") is no cue.
"хочу пожаловаться, забрали паспорт" (a report cue alone) still fires.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.general_question import FIRST_PERSON
from bot.nlu.negation import NEGATORS
from bot.nlu.normalize import cyrillize, has_latin_words

# The writer is out of it now: home, left, no longer there.
_SAFE_WRITER: tuple[tuple[str, ...], ...] = (
    # ru (transliterated Russian is matched after it is read back into Cyrillic)
    ("я", "уже", "дома"), ("я", "уже", "в", "беларуси"), ("я", "уже", "вернулся"),
    ("я", "уже", "вернулась"), ("я", "вернулся", "домой"), ("я", "вернулась", "домой"),
    ("я", "уехал"), ("я", "уехала"), ("я", "ушел"), ("я", "ушла"), ("я", "сбежал"),
    ("я", "сбежала"), ("я", "уволился"), ("я", "уволилась"), ("я", "там", "уже"),
    ("я", "оттуда", "уехал"), ("я", "оттуда", "уехала"), ("сам", "уже", "дома"),
    ("сама", "уже", "дома"), ("я", "сейчас", "дома"), ("я", "уже", "не", "там"),
    ("меня", "там", "уже", "нет"), ("сейчас", "я", "дома"), ("я", "теперь", "дома"),
    ("теперь", "я", "дома"),
    # be
    ("я", "ўжо", "дома"), ("я", "ўжо", "ў", "беларусі"), ("я", "ўжо", "вярнуўся"),
    ("я", "ўжо", "вярнулася"), ("я", "вярнуўся", "дадому"), ("я", "вярнулася", "дадому"),
    ("я", "з'ехаў"), ("я", "з'ехала"), ("я", "сышоў"), ("я", "сышла"),
    ("я", "ўцякла"), ("я", "звольніўся"), ("я", "звольнілася"), ("я", "цяпер", "дома"),
    ("я", "ўжо", "не", "там"), ("мяне", "там", "ўжо", "няма"), ("сам", "ужо", "дома"),
    ("цяпер", "я", "дома"), ("я", "зараз", "дома"), ("зараз", "я", "дома"),
    # en
    ("i'm", "home"), ("im", "home"), ("i", "am", "home"), ("i'm", "back", "home"),
    ("im", "back", "home"), ("i", "am", "back", "home"), ("i'm", "back", "in"),
    ("i", "got", "home"), ("i", "got", "out"), ("i", "left"), ("i've", "left"), ("i", "quit"),
    ("there", "anymore"), ("there", "any", "more"), ("i", "escaped"), ("i", "made", "it", "home"),
    ("i'm", "out", "of", "there"), ("im", "out", "of", "there"), ("i'm", "safe", "now"),
    ("im", "safe", "now"), ("i'm", "already", "home"), ("i'm", "now", "home"),
    ("now", "i'm", "home"),
)  # fmt: skip
# The writer saw it happen to others or saw the offer ("сама видела", "i saw their ad"), or says
# they are fine ("but I'm fine"): their first-person words are not the harmed person's.
_WITNESS: tuple[tuple[str, ...], ...] = (
    ("i'm", "fine"), ("im", "fine"), ("i", "am", "fine"), ("я", "в", "порядке"),
    ("i'm", "ok"), ("im", "ok"), ("i'm", "okay"), ("im", "okay"), ("i", "am", "ok"),
    ("у", "меня", "все", "хорошо"), ("у", "меня", "все", "нормально"), ("со", "мной", "все",
    "хорошо"), ("со", "мной", "все", "нормально"), ("со", "мной", "все", "в", "порядке"),
    # cleaned text: ё is е ("у мяне ўсё добра")
    ("у", "мяне", "ўсе", "добра"), ("у", "мяне", "усе", "добра"), ("са", "мной", "ўсе", "добра"),
    ("са", "мной", "усе", "добра"), ("я", "ў", "парадку"),
    ("сама", "видела"), ("сам", "видел"), ("я", "видел"), ("я", "видела"), ("видела", "сама"),
    ("видел", "сам"), ("сама", "бачыла"), ("сам", "бачыў"), ("я", "бачыла"), ("я", "бачыў"),
    ("i", "saw"), ("i've", "seen"), ("ive", "seen"), ("i", "have", "seen"),
)  # fmt: skip
# A report or a complaint about someone: "хочу пожаловаться", "хочу сообщить", "report them".
_REPORT_STEMS = ("пожалова", "пожалуюсь", "сообщ", "сообш", "заявит", "заявлю", "паскардз",
                 "паведам", "report", "complain")  # fmt: skip
# "report me", "сдаст меня": the writer is the one reported (a threat), not the reporter.
_DENOUNCED = frozenset("me us меня нас мяне мине".split())
# "we", "us": the writer is among the others, so a report cue does not make them a bystander.
_WE = frozenset("мы нас нам нами намі we us our ours".split())
# The writer is home ("I'm back in Minsk", "я уже дома"): with a report cue, no others needed.
_HOME = frozenset("home дома домой дадому minsk минск мінск беларусь беларуси беларусі belarus"
                  .split())  # fmt: skip
# "на нашей ферме", "our dorm": the writer's workplace or home, shared with the others held
# there; it does not make a clause about others the writer's own (`_shared_places`).
_OUR = frozenset("наш наша наше наши нашего нашей наших нашим нашу нашай нашы нашых нашым our"
                 .split())  # fmt: skip
_PLACE_STEMS = ("ферм", "фирм", "фірм", "завод", "строй", "стройк", "будоў", "общаг", "общежит",
                "інтэрнат", "интернат", "объект", "цех", "фабрик", "фабрык", "склад", "бригад",
                "брыгад", "компан", "кампан", "улиц", "вуліц", "двор", "farm", "site", "plant",
                "factory", "warehouse", "dorm", "hostel", "building", "company",
                "street")  # fmt: skip
# The others the writer reports on.
_OTHERS = frozenset(
    "люди людей людям ребята ребят ребятам парни парней девушки девушек девочки другие других "
    "остальные остальных рабочие рабочих работники работников "
    "людзі людзей хлопцы хлопцаў дзяўчаты дзяўчат іншыя іншых астатнія астатніх рабочыя "
    "работнікі работнікаў "
    "people guys girls others workers colleagues everyone rest".split()
)
# An office that issues passports and keeps the old one ("в паспортном столе", "the consulate").
_OFFICE_STEMS = (
    "паспортн", "консульств", "консул", "посольств", "пашпартн", "амбасад", "мвд", "муса",
    "миграционн", "міграцыйн", "consulat", "embass", "passport office", "migration office",
)  # fmt: skip
_OLD = frozenset("старый старого старым старые старых стары старога старыя old expired".split())
_PASSPORT_STEMS = ("паспорт", "пашпарт", "passport")
_NEW = frozenset("новый нового новым новы новага new".split())
# Not an office: "консульство выдало новый, а работодатель забрал паспорт" is still a report.
_EMPLOYER_STEMS = ("работодат", "начальн", "бригадир", "хозя", "агент", "агенц", "фирм",
                   "наймальн", "гаспадар", "employer", "boss", "agenc", "agent", "recruit",
                   "landlord", "foreman", "company")  # fmt: skip


def _cue_at(tokens: Sequence[str], at: int, cues: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    return any(tuple(tokens[at : at + len(cue)]) == cue for cue in cues.get(tokens[at], ()))


_SAFE_BY_WORD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _cue in _SAFE_WRITER:
    _SAFE_BY_WORD[_cue[0]] = (*_SAFE_BY_WORD.get(_cue[0], ()), _cue)


_WITNESS_BY_WORD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _cue in _WITNESS:
    _WITNESS_BY_WORD[_cue[0]] = (*_WITNESS_BY_WORD.get(_cue[0], ()), _cue)


def safe_writer(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` say the writer is home or has left (not right after a negator:
    "i'm not home", "я не уехал")."""
    return any(
        _cue_at(tokens, at, _SAFE_BY_WORD) and not (at > 0 and tokens[at - 1] in NEGATORS)
        for at in range(len(tokens))
    )


def _office_renewal(tokens: Sequence[str]) -> bool:
    """An office keeping an old passport: an office word and "old passport", or either with the
    other half of a renewal ("выдали новый", "gave me a new one")."""
    text = " ".join(tokens)
    office = any(stem in text for stem in _OFFICE_STEMS)
    old_passport = any(
        word in _OLD and any(t.startswith(_PASSPORT_STEMS) for t in tokens[at + 1 : at + 3])
        for at, word in enumerate(tokens)
    )
    new = any(word in _NEW for word in tokens)
    employer = any(word.startswith(_EMPLOYER_STEMS) for word in tokens)
    return (old_passport and (office or new)) or (office and new and not employer)


def _readings(tokens: Sequence[str]) -> list[Sequence[str]]:
    """`tokens`, and their Cyrillic reading word for word when some are Latin (transliterated
    Russian: "hochu soobshit pro agentstvo", "staryi pasport")."""
    if not has_latin_words(" ".join(tokens)):
        return [tokens]
    cyrillic = cyrillize(" ".join(tokens)).split()
    return [tokens, cyrillic] if len(cyrillic) == len(tokens) else [tokens]


def _report_cue(tokens: Sequence[str], at: int, threat_verbs: tuple[str, ...]) -> bool:
    """A report word of the writer's, not a threat to report them: "угрожают сообщить в
    полицию", "пагражаюць паведаміць", "grozyat soobshit", "threaten to report", "report me"
    (`threat_verbs`: stems of a threat verb, content/triage_frames.yaml)."""
    if not tokens[at].startswith(_REPORT_STEMS):
        return False
    threat = any(w.startswith(threat_verbs) for w in tokens[max(0, at - 2) : at])
    return not threat and not _DENOUNCED & set(tokens[at + 1 : at + 2])


def _reporting(tokens: Sequence[str], threat_verbs: tuple[str, ...]) -> bool:
    """A report on others: two of a safe-writer or witness cue, a report cue and others named
    (a report cue and others only when the writer is not among them: no "we", "us")."""
    safe = safe_writer(tokens) or any(
        _cue_at(tokens, at, _WITNESS_BY_WORD) for at in range(len(tokens))
    )
    report = any(_report_cue(tokens, at, threat_verbs) for at in range(len(tokens)))
    others = any(word in _OTHERS for word in tokens)
    we = any(word in _WE for word in tokens)
    home = any(word in _HOME for word in tokens)
    if safe and others:
        return True
    if safe and report:  # "I left ... I'm back in Minsk ... I'd like to report them"
        return home or others
    return report and others and not we


def reporting_others(tokens: Sequence[str], threat_verbs: tuple[str, ...]) -> bool:
    """Whether cleaned `tokens` are a safe writer's or a witness's report on others, or an
    office's renewal: the classifier's risk evidence alone then needs more weight
    (bot.core.triage). `threat_verbs`: stems of a threat verb ("угрожают сообщить" is no
    report)."""
    return any(
        _reporting(ts, threat_verbs) or _office_renewal(ts) for ts in _readings(tokens)
    )


def _shared_places(tokens: Sequence[str]) -> set[int]:
    """Where "our" names a place ("на нашей ферме", "in our dorm"), not the writer's harm."""
    return {
        at
        for at, word in enumerate(tokens[:-1])
        if word in _OUR and tokens[at + 1].startswith(_PLACE_STEMS)
    }


class Bystander:
    """Which danger-phrase matches in one cleaned message are about others or an office.

    `clauses`: the clause number of each token (`bot.nlu.negation.clause_numbers`); without it
    nothing is covered.
    """

    def __init__(
        self, tokens: Sequence[str], clauses: Sequence[int] | None, threat_verbs: tuple[str, ...]
    ) -> None:
        self._clauses = clauses
        self._personal: set[int] = set()
        self._reporting = False
        self._office = False
        if clauses is None:
            return
        readings = _readings(tokens)
        # "сама видела", "but I'm fine": the witness, not the harmed; no clause made personal.
        witness = {
            at + i
            for ts in readings
            for at in range(len(ts))
            for cue in _WITNESS_BY_WORD.get(ts[at], ())
            if tuple(ts[at : at + len(cue)]) == cue
            for i in range(len(cue))
        }
        self._personal = {
            clauses[at]
            for ts in readings
            for at, word in enumerate(ts)
            if word in FIRST_PERSON and at not in witness and at not in _shared_places(ts)
        }
        self._reporting = any(_reporting(ts, threat_verbs) for ts in readings)
        self._office = any(_office_renewal(ts) for ts in readings)

    def covers(self, start: int, indicator: str) -> bool:
        """Whether a phrase starting at token `start`, pointing to `indicator`, is about others
        (the writer safe) or an office's old passport, in a clause without the first person."""
        if self._clauses is None or start >= len(self._clauses):
            return False
        if self._office and indicator == "risk_documents_withheld":
            return True
        return self._reporting and self._clauses[start] not in self._personal
