"""Calm situations of round 18 (issue 10; bot.nlu.calm_frames holds other kinds): messages
whose danger words are not the writer's situation, each kind with the indicators it lets off.

* **A safety plan talked through before a trip**: a code word or a check-in agreed with family,
  asked about ("if I write it, it means I'm held by force — is that a good idea?", "калі не
  пазваню ў нядзелю, значыць мяне выкралі 😄 а калі сур'ёзна, як дамовіцца?"), or "what if"
  asked by someone who has not left yet. Needs a condition ("если", "калі", "if") and a
  question, and no cry for help: "меня держат, это наш код" has no condition and is a report.
  No plan beside harm going on now (round 31c, `harm_now_stems`): "договорились, верну с
  зарплаты; теперь забирает всю зарплату, долг из-за процентов, если убегу, найдёт маму".
* **A thing, not a person**: a phone or a screen that is locked ("help" there is about the
  phone), a pet that took the passport, an escape room ("квест"). No employer, agency or guard
  is named.
* **A child or a pet that shut itself in** ("ребёнок закрылся в ванной", "my kid locked himself
  in the bathroom"), nobody locking others ("нас", "us").
* **An idiom**: "в долгу как в шелку" / "у доўгу як у шоўку" / "up to my ears in debt" (debt
  only, not with a coercive means, a boss or working it off: bot.nlu.coercion), "trapped in
  Warsaw" asked with a visa and "legally" (only the "trapped"/"застряла" phrases, not "не
  выпускают").

Cleaned tokens are read as written and in Cyrillic (transliterated Russian), as a bag of words.
* **A harm reported from home** (`reported_from_home`), in Belarusian and transliteration.
* **Others' stories quoted, "not my case"** (`not_my_case`), in a long calm message.

The danger phrases (bot.nlu.mention) and the classifier's evidence (bot.core.triage) are let off
for the kind's indicators only. The words are content: `calm_situations` in
content/triage_frames.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.nlu.calm_things import things_let_off
from bot.nlu.cue_words import has_cue, phrases, stems, words
from bot.nlu.negation import clause_numbers
from bot.nlu.normalize import cyrillize, has_latin_words

if TYPE_CHECKING:
    from bot.content.models import CalmSituationWords

MOVEMENT = "risk_movement_restricted"
DOCUMENTS = "risk_documents_withheld"
DEBT = "risk_debt_bondage"
ALL_RISKS = frozenset({MOVEMENT, DOCUMENTS, DEBT, "risk_violence_threats", "risk_wages_withheld",
                       "risk_deceptive_job", "emergency_now"})  # fmt: skip
_DEVICE_SPAN = 3  # words between a device and its lock word


def _words(tokens: Sequence[str]) -> list[str]:
    """The tokens as written and in Cyrillic (transliterated Russian reads as Russian)."""
    text = " ".join(tokens)
    if not has_latin_words(text):
        return list(tokens)  # Cyrillic only: nothing to transliterate
    return [*tokens, *cyrillize(text).split()]


def _pair(tokens: Sequence[str], pairs: Sequence[tuple[str, ...]]) -> bool:
    return has_cue(tokens, pairs)


def _any_stem(words_: Sequence[str], stems_: tuple[str, ...]) -> bool:
    return any(word.startswith(stems_) for word in words_)


def _prefix_pair(words_: Sequence[str], cue: tuple[str, ...]) -> bool:
    """`cue` in `words_`, its last word a stem ("уехала" for "уехал")."""
    size = len(cue)
    return any(
        tuple(words_[at : at + size - 1]) == cue[:-1] and words_[at + size - 1].startswith(cue[-1])
        for at in range(len(words_) - size + 1)
    )


@dataclass(frozen=True, slots=True)
class CalmSituation:
    """The calm situations of one message, its words transliterated once for every frame."""

    story: bool  # a safety plan, a harm reported from home, others' stories quoted
    from_home: bool  # a harm reported from home (`CalmSituations.reported_from_home`)
    let_off: frozenset[str]  # what a thing (`thing_frame`) or an idiom (`idiom_frame`) lets off


class CalmSituations:
    """The calm situations (module doc) with the words of `words_` (content/triage_frames.yaml
    `calm_situations`); None: nothing is let off. Each method takes a cleaned message's
    tokens, and `words`, those tokens as `_words` reads them, when the caller has them."""

    def __init__(self, words_: CalmSituationWords | None = None) -> None:
        w = words_
        # A safety plan: a condition, a question, a plan, and no cry.
        self._condition = words(w.condition_words if w else None)
        self._plan = stems(w.plan_stems if w else None)
        self._plan_phrases = phrases(w.plan_phrases if w else None)
        self._agree = stems(w.agree_stems if w else None)
        self._family = stems(w.family_stems if w else None)
        self._not_left = phrases(w.not_left if w else None)
        self._ask = words(w.ask_words if w else None)
        self._cry = words(w.cry_words if w else None)
        self._harm_now = stems(w.harm_now_stems if w else None)
        # A thing, not a person; people who hold others, named, make it a person.
        self._captor = stems(w.captor_stems if w else None)
        self._device = stems(w.device_stems if w else None)
        self._locked_device = stems(w.locked_device_stems if w else None)
        self._locked_in = phrases(w.locked_in if w else None)
        self._taken_or_door = stems(w.taken_stems if w else None) + stems(
            w.door_stems if w else None
        )
        self._person_lock = stems(w.person_lock_stems if w else None)
        self._pets = words(w.pet_words if w else None)
        self._pet_documents = phrases(w.pet_documents if w else None)
        self._pet_joints = phrases(w.pet_clause_joints if w else None)
        self._people_taking = phrases(w.people_taking if w else None)
        self._children = words(w.child_words if w else None)
        self._self_lock = stems(w.self_lock_stems if w else None)
        self._self_lock_phrases = phrases(w.self_lock_phrases if w else None)
        self._locked_by = words(w.locked_by_words if w else None)
        self._game = stems(w.game_stems if w else None)
        self._game_phrases = phrases(w.game_phrases if w else None)
        # An idiom of debt.
        self._silk = words(w.silk_words if w else None)
        self._ears = phrases(w.ears if w else None)
        self._work_off = stems(w.work_off_stems if w else None)
        # Stuck in a country, asked about legally.
        self._trapped = stems(w.trapped_stems if w else None)
        self._visa = stems(w.visa_stems if w else None)
        self._legal = stems(w.legal_stems if w else None)
        # A harm over, told from home.
        self._home_now = phrases(w.home_now if w else None)
        self._past = phrases(w.past if w else None)
        self._report = stems(w.report_stems if w else None)
        self._still = words(w.still_words if w else None)
        # Others' stories quoted.
        self._not_mine = phrases(w.not_mine if w else None)
        self._heard = stems(w.heard_stems if w else None)
        self._now = words(w.now_words if w else None)

    def safety_plan(
        self, tokens: Sequence[str], raw: str, words_: Sequence[str] | None = None
    ) -> bool:
        """A plan agreed before or around a trip, asked about (module doc)."""
        words_ = _words(tokens) if words_ is None else words_
        if self._cry & set(words_) or not self._condition & set(words_) or _any_stem(
            words_, self._harm_now
        ):
            return False
        asked = "?" in raw or bool(self._ask & set(words_))
        plan = _any_stem(words_, self._plan) or _pair(tokens, self._plan_phrases) or (
            _any_stem(words_, self._agree) and _any_stem(words_, self._family)
        )
        not_left = any(
            _pair(words_, (cue,)) or _prefix_pair(words_, cue) for cue in self._not_left
        )
        return asked and (plan or not_left)

    def _locked_device_named(self, tokens: Sequence[str]) -> bool:
        """A device word with a lock word at most `_DEVICE_SPAN` words from it ("my phone is
        locked", "телефон заблокирован"), and no one "locked in" ("I'm locked in a room, they
        took my phone" is a person), no device taken and no door or room ("they took my phone
        and locked the door")."""
        if _pair(tokens, self._locked_in) or _any_stem(tokens, self._taken_or_door):
            return False
        devices = [at for at, w in enumerate(tokens) if w.startswith(self._device)]
        return any(
            tokens[near].startswith(self._locked_device)
            for at in devices
            for near in range(max(0, at - _DEVICE_SPAN), min(len(tokens), at + _DEVICE_SPAN + 1))
        )

    @property
    def pet_joints(self) -> tuple[tuple[str, ...], ...]:
        """The words that end a pet's clause besides punctuation (`pet_clause_joints`), as word
        sequences; the told-joke frame reads a pet's joke with the same (bot.nlu.told_joke)."""
        return self._pet_joints

    def _clauses(self, tokens: Sequence[str], raw: str) -> list[list[str]]:
        """The clauses of cleaned `tokens` of `raw`: split at , ; . ! ? (and the like,
        `bot.nlu.negation.clause_numbers`) and at a joint word (`pet_clause_joints`: "а",
        "але", "but", "and then"); the joint words themselves dropped."""
        numbers = clause_numbers(raw, tokens) if raw else None
        numbers = numbers or [0] * len(tokens)
        clauses: list[list[str]] = [[]]
        at = 0
        while at < len(tokens):
            joint = next((j for j in self._pet_joints
                          if tuple(tokens[at : at + len(j)]) == j), None)  # fmt: skip
            if joint is not None or (at and numbers[at] != numbers[at - 1]):
                clauses.append([])
            if joint is not None:
                at += len(joint)
                continue
            clauses[-1].append(tokens[at])
            at += 1
        return [clause for clause in clauses if clause]

    def pet_took_documents(self, tokens: Sequence[str], raw: str = "") -> bool:
        """Whether a pet took the documents (round 32d): a clause (`_clauses`) names a pet and a
        document ("кот съел паспорт", "the dog chewed my passport", "сабака пагрыз пашпарт"),
        and no people taking there ("они", "забрали", "не отдают", "they"). A pet in another
        clause lets nothing off: "кот голодный, а паспорт забрали и не отдают"."""
        for clause in self._clauses(tokens, raw):
            seen = _words(clause)
            if (self._pets & set(seen) and _pair(seen, self._pet_documents)
                    and not _pair(seen, self._people_taking)):  # fmt: skip
                return True
        return False

    def thing_frame(
        self, tokens: Sequence[str], words_: Sequence[str] | None = None, raw: str = ""
    ) -> frozenset[str]:
        """The indicators a locked phone, a pet or an escape room lets off (module doc), and the
        round-19b things (bot.nlu.calm_things); `raw`: the message, for its clauses."""
        words_ = _words(tokens) if words_ is None else words_
        if _any_stem(words_, self._captor):
            return frozenset()
        let_off: set[str] = set()
        if self._locked_device_named(tokens) and not _any_stem(words_, self._person_lock):
            let_off |= {MOVEMENT, "emergency_now"}
        if self._pets & set(words_) and self.pet_took_documents(tokens, raw):
            let_off.add(DOCUMENTS)
        let_off |= things_let_off(words_)  # a game, a pet, the bot, a border queue (round 19b)
        if self._children & set(words_) and not self._locked_by & set(words_) and (
                _any_stem(words_, self._self_lock) or _pair(tokens, self._self_lock_phrases)):
            let_off |= {MOVEMENT, "emergency_now"}  # "ребёнок закрылся в ванной"
        if _any_stem(words_, self._game) or _pair(tokens, self._game_phrases):
            let_off.add(MOVEMENT)
            let_off.add("risk_deceptive_job")  # "they locked us in" reads as a trap job too
        return frozenset(let_off)

    def idiom_frame(
        self, tokens: Sequence[str], coercive: tuple[str, ...],
        words_: Sequence[str] | None = None,
    ) -> frozenset[str]:  # fmt: skip
        """The indicators an idiom lets off: debt "как в шелку", "up to my ears" (module doc);
        `coercive`: the content's stems of coercive means (bot.nlu.coercion.Coercion.stems)."""
        words_ = _words(tokens) if words_ is None else words_
        coerced = _any_stem(words_, coercive + self._captor + self._work_off)
        if (self._silk & set(words_) or _pair(tokens, self._ears)) and not coerced:
            return frozenset({DEBT})
        return frozenset()

    def stranded_legally(self, tokens: Sequence[str]) -> bool:
        """"Trapped in Warsaw, my visa extension was refused, how do I leave legally?": stuck in
        a country, not held; the "trapped" phrases are let off (`trapped_words`), no other."""
        words_ = _words(tokens)
        return (
            _any_stem(words_, self._trapped)
            and _any_stem(words_, self._visa)
            and _any_stem(words_, self._legal)
            and not _any_stem(words_, self._captor)
        )

    def trapped_words(self, phrase: Sequence[str]) -> bool:
        """Whether a danger phrase's words say "trapped"/"застряла", not "не выпускают"."""
        return _any_stem(phrase, self._trapped)

    def reported_from_home(
        self, tokens: Sequence[str], words_: Sequence[str] | None = None
    ) -> bool:
        """A harm that is over, told by a writer (or a friend) home and fine now who wants it
        reported: "летась мяне не выпускалі з фермы, цяпер я дома, куды пісаць?", "v proshlom
        godu u menya zabrali pasport, seichas ya doma, kuda zayavit?" (read in Cyrillic, so "ya
        doma" is "я дома"). Not with anyone still there or anything going on ("я уже дома, а
        подругу там держат"), nor with a cry for help."""
        words_ = _words(tokens) if words_ is None else words_
        if self._still & set(words_) or self._cry & set(words_):
            return False
        home = _pair(words_, self._home_now)
        return home and (_pair(words_, self._past) or _any_stem(words_, self._report))

    def not_my_case(
        self, tokens: Sequence[str], words_: Sequence[str] | None = None
    ) -> bool:
        """Stories of others quoted, and "that's not my case" ("I've read horror stories about
        locked dorms and passports taken, that's not my case, I'm asking about a repayment
        clause"); not with "now", "yesterday" or a cry ("but yesterday they took ours")."""
        words_ = _words(tokens) if words_ is None else words_
        if self._now & set(words_) or self._cry & set(words_):
            return False
        return _pair(words_, self._not_mine) and _any_stem(words_, self._heard)

    def read(self, tokens: Sequence[str], raw: str, coercive: tuple[str, ...]) -> CalmSituation:
        """The situations of cleaned `tokens` of `raw`; `coercive`: as for `idiom_frame`."""
        words_ = _words(tokens)
        from_home = self.reported_from_home(tokens, words_)
        return CalmSituation(
            story=(self.safety_plan(tokens, raw, words_) or from_home
                   or self.not_my_case(tokens, words_)),
            from_home=from_home,
            let_off=(self.thing_frame(tokens, words_, raw)
                     | self.idiom_frame(tokens, coercive, words_)),
        )  # fmt: skip

    def let_off(self, tokens: Sequence[str], raw: str, coercive: tuple[str, ...]) -> frozenset[str]:
        """Every indicator the message's calm frames let off (all risks under a safety plan or
        a harm reported from home); `coercive`: as for `idiom_frame`."""
        situation = self.read(tokens, raw, coercive)
        return ALL_RISKS if situation.story else situation.let_off
