"""The phone after a silent alarm: every command and button looks ordinary.

After the code word (or a missed check-in) the operators have a case the person's phone was
never told of, and someone else may be holding it. Until the person asks for help themselves
or an operator writes to them through the bot, nothing the bot shows may give that away: no
"a case is open", no "our team will get a signal", no numbers. So while `Session.quiet` is
set, a command or button answers with the ordinary main menu, except those where the person
asks for help (they chose to see the numbers or a person), which say nothing of the team
(language, /delete, /hide, the check-in's own answer buttons), or whose answer is the same for
everyone (/start, /help, /menu, the content answers): those answer as usual, in the same shape.
The rest would show what is kept about the person (their code word, check-ins, a case) or
start something whose later steps would (a questionnaire, the ad check, a setup).

`Session.quiet` is set by the engine when the code word is written, and follows the handoff's
word about the open case from then on (`CaseStatus.unannounced`), so it ends when an operator
writes or the person asks for a human, and with the case.
"""

from __future__ import annotations

from bot.core.commands import command_name
from bot.core.events import EventKind, IncomingEvent, Reply
from bot.core.replies import LOCATION_PREFIX, PAGE_PREFIX
from bot.core.turn import Turn

# Commands that still do what they say: the person asks for help, or nothing of the team shows.
# /start, /help and /menu answer the same to everyone, whatever is kept about them: answered
# as usual, they look as they always do (the welcome is three messages; a lone menu in their
# place would tell whoever watches that something is different).
PASS_COMMANDS = frozenset({"/operator", "/hotlines", "/language", "/delete", "/hide", "/start",
                           "/help", "/menu"})
# Menu actions (`m:<action>`) likewise; "menu", "legal_work" and "before_go" are content
# answers, the same for everyone.
PASS_ACTIONS = frozenset({"help_now", "human", "hotlines", "location", "language", "delete",
                          "menu", "legal_work", "before_go"})
# Button prefixes likewise: a country chosen (for the numbers or a page), a language, "More"
# under a long answer (`a:`) and a part of a country page (`cp:`), the same for everyone.
PASS_PREFIXES = frozenset({LOCATION_PREFIX, PAGE_PREFIX, "lang", "a", "cp"})
# Yes to the offer of a person (asking for help; "no" would name the team), and the answers
# under a check-in, which is itself an ordinary message ("Not fine" is asking for help; "All
# fine" and "Stop asking" answer ordinarily).
PASS_PAYLOADS = frozenset({"h:yes", "h:text", "ci:ok", "ci:help", "ci:stop"})


def passes(event: IncomingEvent) -> bool:
    """Whether a command or button is answered as usual while the phone must stay quiet."""
    if event.kind == EventKind.COMMAND:
        return command_name(event.text) in PASS_COMMANDS
    if event.kind != EventKind.BUTTON:
        return True  # texts: the open case relays them (bot/handoff/relay.py)
    payload = (event.payload or "").partition("@")[0]  # a check-in button's tag (screens.TAG)
    prefix, _, rest = payload.partition(":")
    if prefix == "m":
        return rest in PASS_ACTIONS
    return prefix in PASS_PREFIXES or payload in PASS_PAYLOADS


def answer_quietly(turn: Turn) -> bool:
    """The ordinary main menu for a command or button that would give the alarm away; True
    when answered so (nothing else happens: no setup starts, the code word stays)."""
    if not turn.session.quiet or passes(turn.event):
        return False
    turn.session.awaiting = None  # nothing typed next is taken for an answer to a question
    turn.replies.append(turn.r.main_menu())
    return True


def answer_later(turn: Turn, *, danger: bool) -> bool:
    """A text after a silent alarm that no open case relays (the console, which has no
    Redis; Redis down): the ordinary `later_reply` of content/silent_alarm.yaml, as the case's
    relay answers (bot/handoff/person.py `answer_unannounced`), never a refusal or a topic
    list; the numbers (for where they are, if known) when it names danger openly (`danger`:
    the danger-phrase layer found it). False when the phone need not stay quiet."""
    session, r = turn.session, turn.r
    alarm = r.content.silent_alarm
    if not session.quiet or alarm is None:
        return False
    session.awaiting = None
    if danger:
        turn.replies.append(r.risk_numbers(session.location if r.knows(session.location)
                                           else None))
        return True
    turn.replies.append(Reply(r.text(alarm.texts.later_reply or alarm.texts.ordinary_reply)
                              .strip()))
    return True
