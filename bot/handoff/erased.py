"""/delete written on a phone under a silent alarm: the person's data goes, the case stays.

The phone was never told of the case (a code word, a missed check-in: `unannounced`), so whoever
holds it may have typed /delete to end the alarm. Erasure is the person's right and is done in
full: nothing kept in the case leads to them any more (their user key, their chat address,
their link to the case, their answers; the pseudonym is held for the case, not for them). But
the case does not close: the team is told the erasure came from a phone under a silent alarm
and may not have been the person, and decides themselves when to close it (docs/OPERATORS.md).
"""

from __future__ import annotations

from bot.core.silent_alarm import INDICATOR as SILENT_ALARM
from bot.handoff.case import Case
from bot.handoff.cases import case_key
from bot.handoff.parts import HandoffParts
from bot.handoff.pseudonyms import pseudonym_key
from bot.i18n import N_
from bot.storage.keys import UserKey

ERASED_UNDER_ALARM = N_(
    "🔕 /delete was written on {case}'s phone, which is under a silent alarm. Their data has "
    "been erased: the bot can no longer write to that phone, and anything written from it "
    "later comes as a new person. It may not have been them: someone else may have typed it "
    "to end the alarm. The case stays open without their answers; close it when you have "
    "acted.")
# The same after a missed check-in: no code word was written, the feature is named as it is.
ERASED_AFTER_MISSED_CHECKIN = N_(
    "🔕 /delete was written on {case}'s phone after they missed a check-in. Their data has "
    "been erased, their check-ins with it: the bot can no longer write to that phone, and "
    "anything written from it later comes as a new person. It may not have been them: "
    "someone else may have typed it. The case stays open without what they agreed to show; "
    "close it when you have acted.")


def erased_note(case: Case) -> str:
    """The note for this case's kind: a code word's silent alarm (also one that came into a
    missed check-in's case), else a missed check-in."""
    return ERASED_UNDER_ALARM if SILENT_ALARM in case.indicators else ERASED_AFTER_MISSED_CHECKIN


async def keep_case_erase_person(parts: HandoffParts, case: Case, user_key: str) -> None:
    """Erase what leads from the case to the person; keep the case open, marked, and say why."""
    redis = parts.cases.redis
    async with redis.pipeline(transaction=True) as pipe:
        pipe.hdel(case_key(case.id), "user_key", "summary", "user_text")
        pipe.hset(case_key(case.id), "erased", "1")
        pipe.delete(str(UserKey("case", user_key)), str(UserKey("chat", user_key)))
        # Held by the case, no longer by the person (a keyed hash of them): the name is not
        # given to another person while the case is open, and their next case gets a new one.
        pipe.set(pseudonym_key(case.pseudonym), f"case:{case.id}", keepttl=True, xx=True)
        await pipe.execute()
    case.user_key, case.summary, case.user_text, case.erased = "", [], "", True
    await parts.board.note(case, parts.board.text(erased_note(case), case=case.pseudonym))
    await parts.board.show_status(case)  # the alert redrawn: marked, without their answers
    await parts.audit.record(0, case.id, "erased_under_alarm")
