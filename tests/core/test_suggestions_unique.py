"""The "not sure" suggestions show every label once (a tester saw "Work legally abroad" twice:
once as a likely topic, once as a main-menu button)."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.labels import INTENT_LABELS
from bot.core.replies import Replies
from bot.i18n import I18n
from tests.helpers.chat import Chat


async def test_no_label_is_shown_twice_in_the_suggestions(chat: Chat, unsure_text: str) -> None:
    await chat.command("/start")
    reply = (await chat.say(unsure_text)).replies[0]
    labels = [b.label for row in reply.buttons for b in row]
    assert len(labels) == len(set(labels)), labels
    assert any(b.payload and b.payload.startswith("i:") for row in reply.buttons for b in row)


@pytest.mark.parametrize("language", ["ru", "be", "en"])
def test_a_likely_topic_that_is_also_a_menu_button_is_shown_once(
    content_holder: ContentHolder, i18n: I18n, language: str
) -> None:
    # legal_work_abroad ("Work legally abroad") is both a topic and the m:legal_work menu button.
    r = Replies(content_holder.content, i18n.translator(language))
    reply = r.suggestions([("legal_work_abroad", 0.4), ("stranded_abroad", 0.3)])
    labels = [b.label for row in reply.buttons for b in row]
    assert len(labels) == len(set(labels)), labels
    assert labels[0] == r.tr.gettext(INTENT_LABELS["legal_work_abroad"])
    assert "m:legal_work" not in [b.payload for row in reply.buttons for b in row]
    assert "m:help_now" in [b.payload for row in reply.buttons for b in row]
