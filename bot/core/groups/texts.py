"""The group features' UI strings: gettext msgids (English), translated through `bot.i18n`.

tests/core/test_catalogs.py and tests/groups keep every one translated in ru and be.
"""

from __future__ import annotations

from bot.i18n import N_

# A strong ad: the warning under it.
AD_WARNING = N_("This job offer shows warning signs of a risky offer:")
AD_CHECK_PRIVATELY = N_("Check any job offer privately before you answer or travel.")
AD_BUTTON = N_("Check an offer privately")
AD_NO_FLAGS = N_("I found no strong warning signs in this offer. Still check any offer "
                 "before you travel.")
CHECK_HOW = N_("Reply /check to a job ad and I will look for warning signs.")
# Admins-only mode: what an admin is told privately.
ADMIN_AD = N_("A job offer in your group shows warning signs of a risky offer:")
ADMIN_LINK = N_("Open the message")

# A danger phrase: the minimal public reply.
DANGER_NUMBER = N_("Emergency number in {country}: {numbers}.")
DANGER_PRIVATE = N_("If you need help, write to me privately. Nobody in this group will "
                    "see it.")
DANGER_BUTTON = N_("Write to me privately")

# Commands.
HELP = N_("I warn this group about risky job ads and give helpline numbers.\n"
          "/hotlines [country]: emergency numbers and helplines\n"
          "/check as a reply to a job ad: its warning signs\n"
          "/settings: for the group's admins\n"
          "Anything about you: write to me privately.")
OPEN_BUTTON = N_("Open the bot")
HOTLINES_FOR = N_("Numbers for {country}:")
HOTLINES_ANY = N_("Emergency numbers (name a country for its lines: /hotlines Poland):")
UNKNOWN_COUNTRY = N_("I do not know this country. Try /hotlines Poland.")

# Settings (admins only).
ADMINS_ONLY = N_("Only the group's admins can change my settings.")
SETTINGS_TITLE = N_("Settings for this group:")
SETTING_ADS = N_("Ad warnings: {value}")
SETTING_LANGUAGE = N_("Language: {value}")
SETTING_COUNTRY = N_("Country: {value}")
SETTING_CAP = N_("Public replies per hour, at most: {value}")
ADS_ON = N_("in the group")
ADS_ADMINS = N_("to the admins privately (only admins who have started me get them)")
ADS_OFF = N_("off")
LANGUAGE_AUTO = N_("the language of each message")
COUNTRY_NONE = N_("not set (no emergency number in public)")
PRIVACY_ON = N_("Privacy mode is on: I see only commands, replies to my messages and "
                "mentions of me. Ads are checked when someone replies /check to them. To let "
                "me check every ad, make me an admin of the group or turn privacy mode off "
                "in @BotFather.")
PRIVACY_OFF = N_("I see every message in this group: ads are checked as they are posted.")
SETTINGS_HOW = N_("Change with:\n"
                  "/settings ads on | admins | off\n"
                  "/settings language ru | be | en | auto\n"
                  "/settings country Poland | none\n"
                  "/settings cap 1-60")
SETTINGS_SAVED = N_("Saved.")
SETTINGS_BAD = N_("I did not understand this setting.")
