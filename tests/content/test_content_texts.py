"""The editors' text files (messages, answers, flows, danger phrases) against the schema and rules.

Built straight from the YAML with the pydantic models, so a broken file is caught here even
before the loader runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from bot.content.models import Answer, DangerPhrase, Flow, LocalizedText, Messages
from bot.nlu.base import ALL_INTENTS, LANGUAGES, RISK_INTENTS
from bot.nlu.normalize import clean

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
FACTS = ROOT / "data" / "facts"  # the repository's copy of ../shared/facts
ANSWER_FILES = ("risk.yml", "advice.yml", "service.yml")
FLOW_FILES = ("job_offer_check.yml", "situation_check.yml")
MENU_ACTIONS = {
    "menu", "job_check", "self_check", "legal_work", "before_go", "help_now",
    "human", "hotlines", "language", "country", "delete",
}  # fmt: skip
BELARUSIAN_LETTERS = re.compile(r"[іўІЎ]")
PHONE_LIKE = re.compile(r"\+?\d[\d \-()]{5,}\d")


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _messages() -> Messages:
    return Messages.model_validate(_load(CONTENT / "messages.yaml")["messages"])


def _answers_by_file() -> dict[str, dict[str, Answer]]:
    return {
        name: {
            intent: Answer.model_validate(raw)
            for intent, raw in _load(CONTENT / "answers" / name)["answers"].items()
        }
        for name in ANSWER_FILES
    }


def _flows() -> dict[str, Flow]:
    flows = [Flow.model_validate(_load(CONTENT / "flows" / name)) for name in FLOW_FILES]
    return {flow.id: flow for flow in flows}


def _danger_phrases() -> dict[str, list[DangerPhrase]]:
    raw = _load(CONTENT / "danger_phrases.yaml")["danger_phrases"]
    return {
        lang: [DangerPhrase.model_validate(item) for item in items] for lang, items in raw.items()
    }


def _all_models() -> Iterator[tuple[str, BaseModel]]:
    yield "messages", _messages()
    for answers in _answers_by_file().values():
        for intent, answer in answers.items():
            yield f"answers.{intent}", answer
    for flow_id, flow in _flows().items():
        yield f"flows.{flow_id}", flow


def _texts(value: Any, path: str) -> Iterator[tuple[str, LocalizedText]]:
    if isinstance(value, LocalizedText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def _all_texts() -> list[tuple[str, LocalizedText]]:
    return [item for name, model in _all_models() for item in _texts(model, name)]


def test_every_intent_has_exactly_one_answer() -> None:
    seen: dict[str, str] = {}
    for file, answers in _answers_by_file().items():
        for intent in answers:
            assert intent not in seen, f"{intent} is in both {seen[intent]} and {file}"
            seen[intent] = file
    assert set(seen) == set(ALL_INTENTS)


def test_risk_answers_live_in_risk_file() -> None:
    assert set(_answers_by_file()["risk.yml"]) == set(RISK_INTENTS)


def test_answer_menus_use_known_actions() -> None:
    for answers in _answers_by_file().values():
        for intent, answer in answers.items():
            assert answer.menu, f"{intent} offers no follow-up buttons"
            assert set(answer.menu) <= MENU_ACTIONS, intent


def test_every_text_has_all_three_languages() -> None:
    texts = _all_texts()
    assert len(texts) > 100
    for path, text in texts:
        assert not text.missing(), f"{path}: missing {text.missing()}"


def test_belarusian_texts_are_belarusian() -> None:
    # About 7% of Belarusian letters are і or ў: a short text ("Чат ачышчаны.") may lack both,
    # but 60 characters of Belarusian without either are very unlikely.
    for path, text in _all_texts():
        assert text.be != text.ru, f"{path}: be is a copy of ru"
        if text.be and len(text.be) >= 60:
            assert BELARUSIAN_LETTERS.search(text.be), f"{path}: be looks like Russian: {text.be!r}"


def test_texts_hold_no_phone_numbers() -> None:
    for path, text in _all_texts():
        for lang in LANGUAGES:
            found = PHONE_LIKE.search(getattr(text, lang) or "")
            assert found is None, f"{path}.{lang}: '{found and found.group()}' looks like a number"


def test_texts_are_plain_text() -> None:
    for path, text in _all_texts():
        for lang in LANGUAGES:
            value = getattr(text, lang) or ""
            assert not re.search(r"<[a-z/]|\*\*|__|\[[^\]]*\]\(", value), f"{path}.{lang}"


def test_sources_and_indicators_come_from_the_facts() -> None:
    facts_text = "".join(p.read_text(encoding="utf-8") for p in FACTS.glob("*.yaml"))
    indicators = _load(FACTS / "indicators.yaml")
    ids = {item["id"] for item in indicators["job_offer_red_flags"]}
    ids |= {item["id"] for item in indicators["ilo_forced_labour_indicators"]["items"]}
    models: list[Answer | Flow] = [a for f in _answers_by_file().values() for a in f.values()]
    models += list(_flows().values())
    for model in models:
        for source in model.sources:
            assert source.url in facts_text, f"source not in the facts: {source.url}"
    for flow in _flows().values():
        assert flow.sources
        for question in flow.questions:
            assert question.indicator in ids, f"{flow.id}.{question.id}: {question.indicator}"


def test_flows_ask_so_that_yes_is_the_warning() -> None:
    flows = _flows()
    assert set(flows) == {"job_offer_check", "situation_check"}
    assert flows["situation_check"].risk and not flows["job_offer_check"].risk
    for flow in flows.values():
        assert [level.level for level in flow.levels] == ["low", "medium", "high"]
        assert flow.levels[0].min_score == 0
        for question in flow.questions:
            options = {o.id: o for o in question.options}
            assert set(options) == {"yes", "no", "unsure"}, f"{flow.id}.{question.id}"
            assert options["yes"].score > options["unsure"].score >= options["no"].score == 0
            assert options["yes"].explain is not None
            assert not options["no"].strong and not options["unsure"].strong


def test_strong_answers_are_the_strong_ilo_indicators() -> None:
    flows = _flows()
    strong = {q.indicator for q in flows["situation_check"].questions if q.options[0].strong}
    # documents retained, movement restricted, violence, threats, debt bondage
    assert strong == {"ilo-07", "ilo-03", "ilo-05", "ilo-06", "ilo-09"}
    assert not any(o.strong for q in flows["job_offer_check"].questions for o in q.options)


def test_hide_notice_reveals_nothing() -> None:
    notice = _messages().hide_notice
    for lang in LANGUAGES:
        value = (getattr(notice, lang) or "").lower()
        for word in ("работ", "прац", "work", "traffick", "мигра", "міграц", "migra", "помощ"):
            assert word not in value, f"hide_notice.{lang} mentions '{word}'"


# --- danger phrases -------------------------------------------------------------------------
# A reference matcher for the DangerPhrase rules in models.py: words in order, `*` matches any
# ending, at most two other words between. It checks that the phrases are precise, not triage.


def _matches(phrase: str, text: str) -> bool:
    # (stem, any ending allowed); clean() would drop the "*", so each word is cleaned alone.
    words = [(clean(word.rstrip("*")), word.endswith("*")) for word in phrase.split()]
    tokens = clean(text).split()

    def word_ok(word: tuple[str, bool], token: str) -> bool:
        stem, any_ending = word
        return token.startswith(stem) if any_ending else token == stem

    def from_(wi: int, start: int, first: bool) -> bool:
        if wi == len(words):
            return True
        end = len(tokens) if first else min(len(tokens), start + 3)
        return any(
            word_ok(words[wi], tokens[ti]) and from_(wi + 1, ti + 1, False)
            for ti in range(start, end)
        )

    return from_(0, 0, True)


def _fired(text: str, language: str) -> set[str]:
    # an `alone` phrase matches only the whole message (bot.core.danger_phrases)
    return {
        p.indicator for p in _danger_phrases()[language]
        if _matches(p.phrase, text) and (not p.alone or len(text.split()) == len(p.phrase.split()))
    }


def test_danger_phrases_are_well_formed() -> None:
    phrases = _danger_phrases()
    assert set(phrases) == set(LANGUAGES)
    for lang, items in phrases.items():
        seen = set()
        for item in items:
            assert item.indicator in RISK_INTENTS, item
            assert item.phrase == item.phrase.lower().strip(), item
            stars_ok = all("*" not in w.rstrip("*") for w in item.phrase.split())
            assert stars_ok, f"'*' only at the end of a word: {item}"
            assert item.phrase not in seen, f"{lang}: duplicate '{item.phrase}'"
            seen.add(item.phrase)
        per_intent = {i: sum(p.indicator == i for p in items) for i in RISK_INTENTS}
        assert min(per_intent.values()) >= 5, (lang, per_intent)


DANGER = [
    ("ru", "У меня забрали паспорт и не отдают", "risk_documents_withheld"),
    ("ru", "работодатель не отдаёт паспорт уже месяц", "risk_documents_withheld"),
    ("ru", "zabrali pasport na rabote", "risk_documents_withheld"),
    ("ru", "Нас заперли в общежитии", "risk_movement_restricted"),
    ("ru", "нас не выпускают из дома без охраны", "risk_movement_restricted"),
    ("ru", "говорят надо отработать долг за дорогу", "risk_debt_bondage"),
    ("ru", "меня избили на работе", "risk_violence_threats"),
    ("ru", "угрожают убить если уйду", "risk_violence_threats"),
    ("ru", "заставляют заниматься проституцией", "risk_violence_threats"),
    ("ru", "не платят зарплату три месяца", "risk_wages_withheld"),
    ("ru", "работа оказалась не та, обещали одну работу", "risk_deceptive_job"),
    ("ru", "помогите срочно!!!", "emergency_now"),
    ("ru", "pomogite srochno", "emergency_now"),
    ("ru", "Я в опасности", "emergency_now"),
    ("be", "у мяне забралі пашпарт", "risk_documents_withheld"),
    ("be", "нас замкнулі ў інтэрнаце", "risk_movement_restricted"),
    ("be", "трэба адпрацаваць доўг за квіток", "risk_debt_bondage"),
    ("be", "мне пагражаюць дэпартацыяй", "risk_violence_threats"),
    ("be", "не плацяць заробак ужо два месяцы", "risk_wages_withheld"),
    ("be", "мяне заб’юць", "emergency_now"),
    ("be", "я ў небяспецы", "emergency_now"),
    ("en", "My employer took my passport", "risk_documents_withheld"),
    ("en", "they won't give my passport back", "risk_documents_withheld"),
    ("en", "they locked us in the warehouse", "risk_movement_restricted"),
    ("en", "I must work off the debt for the ticket", "risk_debt_bondage"),
    ("en", "the boss beats me", "risk_violence_threats"),
    ("en", "I haven't been paid for three months", "risk_wages_withheld"),
    ("en", "this is not the job they promised", "risk_deceptive_job"),
    ("en", "I'm in danger", "emergency_now"),
    ("en", "please help me now", "emergency_now"),
]

ADVICE = [
    ("ru", "как продлить паспорт за границей"),
    ("ru", "какие документы нужны для работы в Польше"),
    ("ru", "нормально ли платить агентству комиссию"),
    ("ru", "куда можно позвонить за помощью"),
    ("ru", "сколько часов я должен отработать в неделю"),
    ("ru", "я забрал паспорт из визового центра"),
    ("ru", "меня не выпускают из страны на границе"),
    ("ru", "можно ли оставить паспорт дома"),
    ("be", "як падоўжыць пашпарт"),
    ("be", "якія дакументы патрэбныя для працы ў Літве"),
    ("be", "куды можна патэлефанаваць па дапамогу"),
    ("en", "how do I renew my passport"),
    ("en", "what documents do I need"),
    ("en", "is it normal to pay a fee to an agency"),
    ("en", "where can I call for help"),
    ("en", "I took my passport to the embassy"),
    ("en", "should I keep my passport with me"),
    ("en", "am I allowed to leave Poland with a work visa"),
    ("en", "this checklist will save me time"),
    ("en", "do I have to work off the books"),
]


@pytest.mark.parametrize(("language", "text", "intent"), DANGER)
def test_danger_phrases_catch_danger(language: str, text: str, intent: str) -> None:
    assert intent in _fired(text, language)


@pytest.mark.parametrize(("language", "text"), ADVICE)
def test_danger_phrases_leave_advice_questions_alone(language: str, text: str) -> None:
    assert _fired(text, language) == set()
