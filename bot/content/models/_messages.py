"""Fixed texts (content/messages.yaml) and danger phrases (content/danger_phrases.yaml)."""

from __future__ import annotations

from bot.content.models._base import LocalizedText, Strict


class DangerPhrase(Strict):
    """A phrase that opens the at-risk path whatever the classifier says.

    `phrase` is lower-case words; a word ending in `*` matches any ending ("забрал*").
    Words must appear in order, with at most two other words between them. With `alone` the
    phrase matches only as the whole message (its punctuation and emoji aside), or as a clause of
    its own in a message of at most four words ("no pay, trapped"): "заперта",
    "trapped", "как сбежать" said alone are a cry, inside a longer message often not.
    """

    phrase: str
    indicator: str  # a risk intent name, e.g. "risk_documents_withheld"
    alone: bool = False


class Messages(Strict):
    """Longer fixed texts editors own: onboarding, privacy, consent, fallbacks."""

    welcome: LocalizedText
    privacy_notice: LocalizedText
    risk_intro: LocalizedText  # first line of the at-risk reply, before the numbers
    ask_country: LocalizedText
    offer_human: LocalizedText
    human_requested: LocalizedText  # what happens next after an operator alert
    handoff_consent: LocalizedText  # what the operator will see; that they can stop any time
    # The same where there were no questionnaire answers: after a job-ad check (its red flags,
    # never the ad), and on the at-risk path or /operator (bot/core/replies/_menus.py).
    handoff_consent_ad: LocalizedText
    handoff_consent_plain: LocalizedText
    low_confidence: LocalizedText
    non_text: LocalizedText
    # A sticker or a photo while a check-in question waits: no word about danger (the question
    # is meant to look ordinary on a phone someone else may hold); `non_text` when unset.
    non_text_checkin: LocalizedText | None = None
    non_text_voice: LocalizedText  # a voice message or a video note; the emergency numbers follow
    deleted: LocalizedText
    hide_notice: LocalizedText  # the one neutral message left after /hide
    unverified_hotlines: LocalizedText  # said next to lines not yet checked by an editor
    # The conversation with an operator (bot/handoff); `{place}` and `{when}` are filled in.
    handoff_queued: LocalizedText  # request passed on; `{place}` in the queue
    handoff_place: LocalizedText  # still waiting; `{place}` in the queue
    # Asked for a person again while their case is open: no second alert, no queue place.
    handoff_have_request: LocalizedText
    handoff_out_of_hours: LocalizedText  # nobody works now; read at `{when}`; numbers follow
    handoff_taken: LocalizedText  # a person has joined; how to stop
    handoff_closed: LocalizedText  # the operator ended the conversation
    handoff_stopped: LocalizedText  # the person ended the conversation
    handoff_stop_button: LocalizedText  # the label of the button that ends it
    handoff_unreachable: LocalizedText  # the team cannot be reached now; numbers follow
    # The first lines for a country without a page (or "Other country"); the bot adds where 112
    # works and the international lines from hotlines.yaml. Unset: a built-in sentence.
    other_country: LocalizedText | None = None
    # The country question when it is about a page to read, not where the person is.
    ask_destination: LocalizedText | None = None
