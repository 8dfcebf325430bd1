"""Safety triage on every message: danger phrases first, then the classifier's risk evidence."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.content.models import TriageWords
from bot.core.danger_phrases import DangerPhraseMatcher, PhraseMatch
from bot.nlu.base import RISK_INTENTS, IntentResult
from bot.nlu.borrowed import HELD_INDICATORS
from bot.nlu.bystander import reporting_others
from bot.nlu.calm_frames import CalmFrames
from bot.nlu.conditional import future_condition
from bot.nlu.everyday import CRY_INDICATORS
from bot.nlu.fragments import Fragments
from bot.nlu.joke_frame import JokeFrame
from bot.nlu.let_offs import LetOffs
from bot.nlu.let_offs import let_offs_of as let_offs_of  # where the factories look for it
from bot.nlu.message_frames import MessageFrames
from bot.nlu.reading import MessageReading
from bot.nlu.reassured import reassured

MOVEMENT = frozenset({"risk_movement_restricted"})
WAGES = frozenset({"risk_wages_withheld"})
THREATS = frozenset({"risk_violence_threats"})
DECEPTIVE = frozenset({"risk_deceptive_job"})
# A risk intent below this probability is noise, not an indicator worth showing an operator.
INDICATOR_FLOOR = 0.1
# With fewer letters than this ("а", "?") the classifier has nothing to go on and its guess is
# noise; only the danger phrases decide. ("sos" has three.)
MIN_LETTERS_FOR_MODEL = 2
# The classifier's risk evidence needed alone when the message says the person is fine, asks
# "just in case" or got the thing back (bot.nlu.reassured.reassured), reports on others
# (bot.nlu.bystander) or asks "а если не заплатят?" (bot.nlu.conditional); the danger phrases still
# fire. Checked by 5-fold cross-validation on nlu/data: no risk utterance lost.
REASSURED_THRESHOLD = 0.7
# The classifier's risk evidence needed alone under an explicit joke frame ("шеф сказал, что
# запрёт нас в офисе до релиза 😂", "это же шутка"; bot.nlu.joke_frame): it reads "запрёт нас"
# as a threat whatever the tone. A cry ("не смешно", "help") is never a joke frame.
JOKE_THRESHOLD = 0.95
# The same for a harm told as the past by a writer safe now ("гадоў таму мяне прадалі, цяпер я ў
# бяспецы", "I was a victim years ago, now I volunteer"; bot.nlu.past_safe): the classifier
# reads the story's words as a report (0.86 and 0.70 on the embedded model, 2026-11-30).
PAST_SAFE_THRESHOLD = 0.95
# The same for "help" about a noisy neighbour and for hyperbole ("помру без интернета 😅";
# bot.nlu.everyday): the model reads "помогите" and "помру" as an emergency (0.66-0.70).
EVERYDAY_THRESHOLD = 0.95


def fragments_of(words: TriageWords | None) -> Fragments:
    """The short benign messages of content/triage_words.yaml (none when the file is missing:
    then only the classifier and the danger phrases decide)."""
    if words is None:
        return Fragments()
    return Fragments(
        (w for ws in words.fragment_words.values() for w in ws),
        (w for ws in words.question_words.values() for w in ws),
        (line for lines in words.declines.values() for line in lines),
    )


def jokes_of(words: TriageWords | None) -> JokeFrame:
    """The joke frame of content/triage_words.yaml (none when the file or its section is
    missing: then no message is read as a joke)."""
    return JokeFrame(words.joke_frame if words else None)


@dataclass(frozen=True, slots=True)
class TriageDecision:
    """Whether this message opens the at-risk path, and why."""

    at_risk: bool
    indicators: tuple[str, ...] = ()  # risk intents seen, strongest first
    by_phrase: bool = False  # a danger phrase matched
    risk_score: float = 0.0  # summed probability of the risk intents (1.0 on a phrase match)
    # The threshold a part of this long message must reach (`Triage.message_threshold`), read
    # with the message; inf: read whole only; None: not read (a danger phrase decided).
    part_floor: float | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the let-off frames make of one message or part (`Triage._reading`)."""

    score: float  # the classifier's risk evidence they leave
    threshold: float  # what it must reach
    fragment: bool  # a benign fragment: the classifier does not decide
    part_floor: float  # the threshold of its parts (`Triage.message_threshold`)


_NO_RESULT = IntentResult("", 0.0)  # `message_threshold` reads the frames, not a classification


def _ranking(result: IntentResult) -> tuple[tuple[str, float], ...]:
    """The classifier's ranking, or just its top intent when it gave none."""
    return result.ranking or ((result.intent, result.confidence),)


def _letters_up_to(text: str, enough: int) -> int:
    """How many letters `text` has, counting no further than `enough` (a long text stops early)."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= enough:
                break
    return letters


def risk_evidence(result: IntentResult, without: frozenset[str] = frozenset()) -> float:
    """The classifier's summed probability of the risk intents (except those `without`)."""
    ranking = _ranking(result)
    counted = RISK_INTENTS - without
    return min(1.0, sum(score for intent, score in ranking if intent in counted))


class Triage:
    """At risk when a danger phrase matches or the risk intents together reach the threshold.

    The summed probability (not the top intent alone) is used because risk intents share
    probability with each other and with nearby advice intents: "they took my passport and
    don't pay" splits between two risk intents and must still count.
    """

    def __init__(
        self,
        matcher: DangerPhraseMatcher,
        risk_threshold: float,
        fragments: Fragments | None = None,
        let_offs: LetOffs | None = None,
    ) -> None:
        self._matcher = matcher
        # The let-off frames of the content (`let_offs_of`); none by default: nothing let off.
        self._let_offs = let_offs = let_offs or LetOffs()
        self._jokes = let_offs.jokes
        self._past = let_offs.past_safe
        self._everyday = let_offs.everyday
        self._threat_verbs = let_offs.everyday.threat_verbs
        self._threshold = risk_threshold
        # Short benign messages (content/triage_words.yaml, `fragments_of`); none by default.
        self._fragments = fragments or Fragments()

    def _reading(self, reading: MessageReading, result: IntentResult) -> _Reading:
        """The classifier's risk evidence on a message with no danger phrase in it, the
        threshold it must reach under the message's let-off frames, whether it is a benign
        fragment (then the classifier does not decide), and the threshold of its parts
        (`message_threshold`): every frame read once, on the one reading of the message."""
        score = risk_evidence(result)
        threshold = self._threshold
        raw, tokens = reading.raw, reading.tokens  # the frames read what was meant
        said = MessageFrames.read(tokens, raw, self._let_offs, reading.readings)
        others = reporting_others(tokens, self._threat_verbs)
        # "I'm safe for now but they still have my passport": a reassurance beside a harm that
        # goes on ("still", "до сих пор", content past_safe.ongoing) reassures about nothing.
        calmed = reassured(tokens, raw) and not self._past.goes_on(tokens)
        if calmed or others or future_condition(tokens) or said.mentioned():
            threshold = max(threshold, REASSURED_THRESHOLD)
        calm = CalmFrames.read(tokens, raw, self._let_offs)
        if calm.offer:  # a job offer asked about before a decision (bot.nlu.offer_check)
            threshold = max(threshold, REASSURED_THRESHOLD)
        joke = self._jokes.frame(tokens, raw)
        if joke or calm.fiction:
            threshold = max(threshold, JOKE_THRESHOLD)
        # "анекдот: ...", "мой кот держит меня в заложниках 😂" (bot.nlu.told_joke): the
        # classifier reads the joke's words as a report; only a phrase let through decides.
        told = self._let_offs.told_jokes.whole(tokens, raw)
        if told:
            threshold = math.inf
        if calm.reported:  # a past case the writer wants to report (bot.nlu.report_later)
            threshold = max(threshold, PAST_SAFE_THRESHOLD)
        # a bonus threatened, a passport forgotten at a hotel, a missed train (bot.nlu.calm_frames)
        if calm.without():
            score = min(score, risk_evidence(result, without=calm.without()))
        # "сосед забрал мою дрель и не отдаёт", a landlord's deposit: the model reads documents
        # withheld (0.6-0.9) from the words alone; what was taken decides (bot.nlu.borrowed).
        if self._let_offs.borrowed.nothing_held(tokens):
            score = risk_evidence(result, without=HELD_INDICATORS)
        # What the words name decides (bot.nlu.everyday): a locker locked, pay a few days
        # late for a holiday, a dismissal looming.
        day = self._everyday
        for everyday, kinds in ((day.locked_thing, MOVEMENT), (day.not_admitted, MOVEMENT),
                                (day.short_delay, WAGES), (day.tax_question, WAGES),
                                (day.paid_in_full, WAGES), (day.bonus_cut, WAGES),
                                (day.hours_question, THREATS),
                                (day.job_stated, DECEPTIVE),
                                (day.dismissal_looms, THREATS)):  # fmt: skip
            if everyday(tokens):
                score = min(score, risk_evidence(result, without=kinds))
        nuisance = day.nuisance(tokens)
        if nuisance:  # "соседи шумят, помогите": the cry's evidence is "помогите"
            score = min(score, risk_evidence(result, without=CRY_INDICATORS))
        if nuisance or day.hyperbole(tokens) or day.small_talk(tokens):
            threshold = max(threshold, EVERYDAY_THRESHOLD)
        # "ha ha they locked me in the bathroom at the party": the movement phrases are let
        # off (bot.nlu.mention), and so is the model's movement evidence from those words; the
        # same when the lock is over, laughed at ("уже выпустили 😂", bot.nlu.joke_frame).
        if said.locked_in_jest or self._jokes.over(tokens, raw):
            score = min(score, risk_evidence(result, without=MOVEMENT))
        past = self._past
        past_safe = past.past_and_safe(tokens) or past.left_and_safe(tokens)
        if past_safe:
            threshold = max(threshold, PAST_SAFE_THRESHOLD)
        # A code word or a check-in asked about before a trip; a locked phone, a cat and the
        # passport, an escape room; "в долгу как в шелку" (bot.nlu.calm_situations).
        situation = self._let_offs.calm_situations.read(tokens, raw, self._let_offs.coercion.stems)
        if situation.story:
            threshold = max(threshold, PAST_SAFE_THRESHOLD)
        if situation.let_off:
            score = min(score, risk_evidence(result, without=situation.let_off))
        # The parts of a long message: a story that is over is read whole only; a joke named
        # or a story about others holds for every part.
        if (past_safe or past.told_from_home(tokens) or situation.from_home or calm.reported
                or told):  # fmt: skip
            part_floor = math.inf
        else:
            part_floor = self._threshold
            if others:
                part_floor = max(part_floor, REASSURED_THRESHOLD)
            if joke:
                part_floor = max(part_floor, JOKE_THRESHOLD)
        # "на месяц", "3 weeks", "норм", "а паспорт?": the classifier's risk there comes from
        # risk lines sharing the words ("2 месяца не платят"), not from the message
        # (bot.nlu.fragments).
        return _Reading(score, threshold, self._fragments.benign(tokens, raw), part_floor)

    def message_threshold(self, message: str) -> float:
        """The threshold a part of `message` must reach for the frames only the whole message
        shows: a joke named, a story about others; a past story told by a writer safe or back
        home now is read whole only (inf). `assess` gives the same as its decision's
        `part_floor`."""
        return self._reading(MessageReading.of(message), _NO_RESULT).part_floor

    def _decision(self, score: float, result: IntentResult, matches: list[PhraseMatch],
                  by_model: bool, part_floor: float | None = None) -> TriageDecision:  # fmt: skip
        if not matches and not by_model:
            return TriageDecision(at_risk=False, risk_score=score, part_floor=part_floor)
        indicators: list[str] = [m.indicator for m in matches]
        if by_model:
            risky = [(i, s) for i, s in _ranking(result) if i in RISK_INTENTS]
            risky.sort(key=lambda pair: -pair[1])
            indicators += [i for n, (i, s) in enumerate(risky) if n == 0 or s >= INDICATOR_FLOOR]
        return TriageDecision(
            at_risk=True,
            indicators=tuple(dict.fromkeys(indicators)),
            by_phrase=bool(matches),
            risk_score=1.0 if matches else score,
            part_floor=part_floor,
        )

    def assess(self, text: str, result: IntentResult) -> TriageDecision:
        """The decision for one message and its classification."""
        reading = MessageReading.of(text)
        matches = self._matcher.find(reading)
        letters = _letters_up_to(text, MIN_LETTERS_FOR_MODEL)
        if matches:  # at risk: its parts are not read (bot.core.long_message)
            score = risk_evidence(result)
            by_model = score >= self._threshold and letters >= MIN_LETTERS_FOR_MODEL
            return self._decision(score, result, matches, by_model)
        read = self._reading(reading, result)
        by_model = (
            read.score >= read.threshold and letters >= MIN_LETTERS_FOR_MODEL and not read.fragment
        )
        return self._decision(read.score, result, [], by_model, read.part_floor)

    def assess_part(self, part: str, result: IntentResult, floor: float) -> TriageDecision:
        """The classifier's decision on one part of a long message (bot.core.long_message): the
        part's own let-off frames apply, and `floor`, the whole message's `message_threshold`.
        The danger phrases are not looked for again: `assess` on the message found them."""
        reading = self._reading(MessageReading.of(part), result)
        threshold = max(reading.threshold, floor)
        letters = _letters_up_to(part, MIN_LETTERS_FOR_MODEL)
        by_model = (
            reading.score >= threshold
            and letters >= MIN_LETTERS_FOR_MODEL
            and not reading.fragment
        )
        return self._decision(reading.score, result, [], by_model)
