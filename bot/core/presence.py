"""Whether a message naming a country says the person is there now ("я уже в Испании, в
Мурсии", "I'm in Spain now"), as opposed to a plan ("хочу работать в Польше").

The country itself comes from `CountryIndex.find`; this reads only the words around it, in
ru/be/en and transliterated Russian. Where the person is (`Session.location`) is what a missed
check-in's alert shows as their last country when they agreed to that.
"""

from __future__ import annotations

from bot.core.countries import tokens

# The person, or now: "я", "мы", "уже", "сейчас", "I'm", "now" (and "ya", "uzhe" typed in Latin).
_HERE = frozenset(
    "я мы уже сейчас теперь ужо ўжо зараз цяпер i i'm im we we're were now already currently "
    "ya my uzhe uje seychas sejchas sechas".split()
)
# A plan or a wish: the country is where they want to go, not where they are.
_PLAN = frozenset(
    "хочу хотим хотел хотела хочется хачу хочам хацеў хацела планирую планируем планую "
    "собираюсь собираемся збіраюся еду едем поеду поехать паеду паехаць переехать пераехаць "
    "want wanna plan planning planned going go move moving travel hochu khochu edu poedu".split()
)


def says_here(text: str) -> bool:
    """True when the words say the person (or now) and no plan: "я уже в Испании", "I'm in
    Spain"; False for "хочу в Польшу", "I want to go to Spain" or a bare "Испания"."""
    words = set(tokens(text))
    return bool(words & _HERE) and not words & _PLAN
