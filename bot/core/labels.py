"""Button labels and other short UI strings, marked for gettext extraction (msgids in English)."""

from __future__ import annotations

from bot.i18n import N_

# `m:<action>` buttons; every action named in docs/ARCHITECTURE.md has a label.
MENU_LABELS: dict[str, str] = {
    "menu": N_("Main menu"),
    "job_check": N_("Check a job offer"),
    "ad_check": N_("Check a job ad"),
    "checkin": N_("Check-ins on the road"),
    "self_check": N_("Check my situation"),
    "legal_work": N_("Work legally abroad"),
    "before_go": N_("Before you go"),
    "help_now": N_("I need help now"),
    "human": N_("Talk to a person"),
    "hotlines": N_("Hotlines"),
    "language": N_("Language"),
    "country": N_("Choose a country"),
    # Under numbers given for a country known from earlier: ask again where the person is.
    "location": N_("I am somewhere else"),
    "delete": N_("Delete my data"),
}

# The main menu's rows: the action that matters most in danger sits alone on its own row.
MAIN_MENU: tuple[tuple[str, ...], ...] = (
    ("job_check", "self_check"),
    ("ad_check",),
    ("legal_work", "before_go"),
    ("help_now",),
    ("human", "hotlines"),
    ("language", "checkin"),  # set up once, before the journey: last, other numbers stay
)

# Topics offered as `i:<intent>` after a low-confidence parse; service intents are left out.
INTENT_LABELS: dict[str, str] = {
    "risk_documents_withheld": N_("My documents were taken"),
    "risk_movement_restricted": N_("I am not allowed to leave"),
    "risk_debt_bondage": N_("I am forced to work off a debt"),
    "risk_violence_threats": N_("Violence or threats"),
    "risk_wages_withheld": N_("I am not paid"),
    "risk_deceptive_job": N_("The job is not what was promised"),
    "emergency_now": N_("I am in danger now"),
    "job_offer_check": N_("Check a job offer"),
    "legal_work_abroad": N_("Work legally abroad"),
    "contract_advice": N_("Employment contract"),
    "travel_safety_plan": N_("Before you go"),
    "stranded_abroad": N_("Stuck abroad"),
    "report_case": N_("Report a case"),
    "hotline_request": N_("Hotlines"),
    "human_operator": N_("Talk to a person"),
    "bot_capabilities": N_("What this bot can do"),
    "privacy_delete": N_("My data and privacy"),
    "change_language": N_("Change the language"),
}

# Under the country buttons: for every country without a page, or one the person won't name.
OTHER_COUNTRY_LABEL = N_("Other country")

# Under the offer to check a message that looks like a job ad.
AD_CHECK_THIS = N_("Check this ad")

# The silent alarm's buttons (/codeword).
ALARM_IN_SENTENCE = N_("Yes, inside a message too")
ALARM_EXACT = N_("No, only the word alone")
ALARM_REMOVE = N_("Remove my code word")

# Consent buttons after the offer of a human.
CONSENT_YES = N_("Yes, share my answers")
CONSENT_YES_AD = N_("Yes, share the red flags")  # after a job-ad check: never the ad itself
CONSENT_YES_PLAIN = N_("Yes, pass it on")  # no questionnaire answers to share
CONSENT_TEXT = N_("Yes, also share my message")
CONSENT_NO = N_("No, thank you")

# Language names are shown in their own language, whatever the current UI language.
LANGUAGE_NAMES: dict[str, str] = {"ru": "Русский", "be": "Беларуская", "en": "English"}

# A country page's first screen keeps the essentials; the rest is one tap away (`cp:<ISO2>:<part>`).
PAGE_PART_LABELS: dict[str, str] = {
    "legal": N_("More: legal work"),
    "sources": N_("Sources"),
}
CONTRACT_LABEL = N_("Contract")  # opens the contract_advice answer (`i:contract_advice`)
MORE_LABEL = N_("More")  # the rest of a long answer (`a:<intent>`)
# Under a questionnaire's result: why each answer is a warning sign (`fw:<flow id>`).
WHY_SIGNS_LABEL = N_("Why: warning signs")
