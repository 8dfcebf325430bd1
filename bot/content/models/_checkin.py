"""The check-in timer (content/checkin.yaml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from bot.content.models._base import CountedText, LocalizedText, Strict
from bot.content.models._checkin_words import CheckinWords


class CheckinOption(Strict):
    """One choice in the check-in setup: a number (days, weeks or hours) and its button label."""

    value: int = Field(gt=0, le=365)
    label: LocalizedText


class CheckinTexts(Strict):
    """The screens of the check-in timer; `question` and the answer buttons are what someone
    else holding the phone may see, so they stay ordinary (the checker refuses numbers)."""

    intro: LocalizedText  # what it does, what can be shared; then "how often?"
    ask_duration: LocalizedText
    ask_grace: LocalizedText  # how long to wait for an answer before the team is told
    ask_country: LocalizedText  # share the destination country?
    ask_zone: LocalizedText  # the destination keeps several clocks: which one to show times in
    # The destination is not shared or its clock not known: pick any clock (cities with the
    # time each shows now) or type the time there / the offset from UTC.
    ask_clock: LocalizedText
    clock_chosen: LocalizedText  # a typed clock was understood: "{clock}"
    ask_location: LocalizedText  # share the last country they told the bot they were in?
    ask_employer: LocalizedText  # type the employer's or agency's name, or skip
    ask_contact: LocalizedText  # type a contact, or skip
    too_long: LocalizedText  # the typed name or contact is too long
    confirm: LocalizedText  # heading above exactly what will be shared
    share_country: LocalizedText  # "Destination country: {value}"
    share_location: LocalizedText  # the last country they told the bot, as of the alert
    share_employer: LocalizedText  # "Employer or agency: {value}"
    share_contact: LocalizedText  # "Contact: {value}"
    share_nothing: LocalizedText  # nothing chosen: only that a check-in was missed
    started: LocalizedText  # "{next}": when the first check-in comes
    active: LocalizedText  # status under /checkin while a plan runs: "{next}", "{until}"
    stopped: LocalizedText
    cancelled: LocalizedText
    unavailable: LocalizedText  # no scheduler or no operators here
    finished: LocalizedText  # the last check-in was answered: the plan is over
    question: LocalizedText  # the check-in itself: ordinary
    answered_ok: LocalizedText  # the reply to "all right": ordinary
    button_ok: LocalizedText
    button_help: LocalizedText
    button_stop: LocalizedText
    button_skip: LocalizedText
    button_no_country: LocalizedText
    button_utc: LocalizedText  # show times in UTC (none of the destination's clocks fits)
    button_yes: LocalizedText
    button_no: LocalizedText
    button_start: LocalizedText
    # The confirm screen: when the first check-in comes ("{next}", on their clock), and a
    # button to choose another time of day ("{clock}": the clock's city or UTC).
    confirm_when: LocalizedText
    # The confirm screen repeats how often, for how long and how long an answer is waited for
    # ("{interval}", "{duration}", "{grace}": each a number with its unit below), so a typed
    # "каждые 3 дня на 2 недели" can be checked. Units: "{n} день|{n} дня|{n} дней", the forms
    # for Babel's plural categories one|few|many (English: one|other): `CountedText`.
    confirm_schedule: LocalizedText
    unit_hour: CountedText
    unit_day: CountedText
    unit_week: CountedText
    button_time: LocalizedText
    ask_hour: LocalizedText
    button_cancel: LocalizedText
    # A typed answer the setup's step cannot read: the same question comes again under it.
    not_understood: LocalizedText
    # Typed on the last screen, neither "Turn on" nor "Cancel": check-ins are not on yet.
    not_started: LocalizedText
    # A typed setting outside the offered range ("0 часов", "100 часов"): "{low}" and
    # "{high}" are the first and the last button's labels.
    out_of_range: LocalizedText
    # A typed interval of no whole number of days ("twice a week", "2 раза в день", "36
    # часов"): "{low}" and "{high}" as in `out_of_range`.
    whole_days: LocalizedText
    # A button of a setup that is over or moved on (stopped, /delete, a new setup, the end):
    # it does nothing, and says so.
    stale: LocalizedText
    # An answer button under a question of earlier check-ins (stopped, then set up again): it
    # must not answer or stop the new ones. Neutral, as the question itself.
    stale_answer: LocalizedText
    # "All fine" pressed when no check-ins run (after "Stop asking" or /delete); neutral, as
    # the check-in itself: after a silent alarm someone else may read it.
    not_running: LocalizedText
    # An end date typed for "how long?" ("до 15 января", "until the end of the month"): the
    # confirm screen's `{duration}` reads "{date}" back; a date that has passed, a date too
    # far ("{date}": the last one taken) and one that is no date get a question back.
    until_label: LocalizedText
    until_past: LocalizedText
    until_too_far: LocalizedText
    until_unreadable: LocalizedText


class Checkin(Strict):
    """The check-in timer (issue 15 item 2): texts and the choices offered in the setup."""

    texts: CheckinTexts
    intervals_days: list[CheckinOption] = Field(min_length=1)
    durations_weeks: list[CheckinOption] = Field(min_length=1)
    grace_hours: list[CheckinOption] = Field(min_length=1)
    max_chars: int = Field(default=120, gt=0, le=500)  # a typed name or contact
    # The times of day offered under "Another time" (hours on the person's clock).
    hours_of_day: list[Annotated[int, Field(ge=0, le=23)]] = Field(
        default_factory=lambda: [9, 12, 15, 18, 21], min_length=1)
    # Typed answers to a check-in that waits (any language, lower case, whole message only):
    # "ok" instead of pressing "All fine", "плохо" instead of "Not fine".
    typed_ok: list[str] = Field(default_factory=list)
    typed_not_fine: list[str] = Field(default_factory=list)
    # "стоп", "хопіць", "stop asking" instead of pressing "Stop asking" (whole message).
    typed_stop: list[str] = Field(default_factory=list)
    # Typed at the employer's name or the contact step (whole message, as above): "Skip",
    # never stored as the name ("skip", "нет", "няма").
    typed_skip: list[str] = Field(default_factory=list)
    # Typed on the last screen (whole message): "Turn on" ("включить", "turn on"; a typed yes
    # counts too, bot/checkin/typed.py).
    typed_start: list[str] = Field(default_factory=list)
    # Typed at a setup step: "Cancel" ("отмена", "хватит, не спрашивай"; at a choice or the
    # last screen the message may go on after it, at the name or contact only whole).
    typed_cancel: list[str] = Field(default_factory=list)
    # An end date may be this many days ahead at most ("да 1 сакавіка" in December is fine).
    until_most_days: int = Field(default=183, gt=0, le=366)
    # The words read in free text: a request to be checked on, an end date, yes and no.
    words: CheckinWords = Field(default_factory=CheckinWords)
