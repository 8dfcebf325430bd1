"""Round 32d of issue 10: a pet lets off only what it did itself. A pet that ate, chewed or hid
the passport is no report (the documents phrases and the model's documents evidence are let off,
bot.nlu.calm_situations `pet_took_documents`); a pet named in one clause and people taking the
passport in another ("кот голодный, а паспорт забрали") is a report, with laughter or without.
A pet laughed at is a joke of the whole message only with no other clause opened by "а", "але",
"but" (bot.nlu.told_joke). Wordings are ours.
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import sides
from tests.nlu.test_triage_kinds17 import decide

DOCUMENTS = "risk_documents_withheld"

CALM = {
    "the_pet_itself_took_the_document": [
        "кот съел паспорт",
        "наш пёс погрыз мне паспорт, как теперь его поменять?",
        "the dog chewed my passport",
        "my cat sat on my passport and tore the page 😂",
        "сабака пагрыз пашпарт",
        "кошка спрятала паспорт под диван 😂",
        "kot s'el pasport, chto delat",
    ],
    "a_pet_laughed_at_in_its_own_clauses": [
        "мой кот держит меня в заложниках, не даёт встать с дивана 😂",
        "my cat won't let me get off the sofa 😂",
    ],
}

AT_RISK = {
    "a_pet_in_one_clause_people_taking_in_another": [
        "кот голодный, а паспорт забрали и не отдают 😂",
        "кот голодный, а паспорт забрали и не отдают",
        "my cat hides, they took my passport lol",
        "my dog sleeps all day, but they took my passport and won't give it back",
        "сабака спіць, а пашпарт забралі і не аддаюць",
        "kot golodnyi, a pasport zabrali i ne otdayut 😂",
        "мой кот спит 😂, а документы у меня отобрали",
    ],
    "people_taking_in_the_pets_own_clause": [
        "кот дома, они забрали паспорт",
        "our dog barks, and then they took my passport 😅",
    ],
}


@pytest.mark.parametrize(("kind", "text", "at_risk"), sides(CALM, AT_RISK))
async def test_a_pet_lets_off_only_its_own_clause(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str, at_risk: bool
) -> None:
    decision = await decide(triage, model, text)
    assert (kind, decision.at_risk) == (kind, at_risk)
    if at_risk:  # the passport taken is what is read, not some other harm
        assert DOCUMENTS in decision.indicators, kind
