"""How ads write a currency: the editors' words (content/ad_check.yaml) and Babel's symbols."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_symbol, get_territory_currencies

# The bot's languages: the symbols a reader of ru, be or en sees ("¥", "₩", "CA$").
_LOCALES = ("en", "ru", "be")


def currency_symbols(code: str) -> set[str]:
    """The ISO 4217 code and the symbols CLDR (Babel's locale data) gives for it, lower case.

    Read in English, Russian and Belarusian, and in the currency's home country's main language
    ("Kč" for CZK, "Ft" for HUF, "₺" for TRY): a national currency's code starts with its
    country's ISO 3166 code. An unknown code has only itself.
    """
    symbols = {code.lower()}
    for locale in _LOCALES:
        symbols.add(get_currency_symbol(code, locale).lower())
    home = code[:2]
    if code in get_territory_currencies(home):
        try:
            symbols.add(get_currency_symbol(code, Locale.parse(f"und_{home}")).lower())
        except UnknownLocaleError:  # a code of no one country ("EUR": "EU")
            pass
    # "kr." and "kr" are one symbol; Arabic script carries a right-to-left mark.
    return {bare for symbol in symbols if (bare := symbol.strip(".\u200f"))}


def symbol_aliases(words: dict[str, list[str]]) -> dict[str, str]:
    """Babel's symbols for the currencies in `words` (code -> the editors' own words), each
    mapped to its code; a symbol that two currencies share ("kr" for SEK, NOK and DKK, "$"
    for USD, CAD and AUD) or that an editor gave another currency is left out."""
    taken = {word.lower(): code for code, its_words in words.items() for word in its_words}
    owners: dict[str, set[str]] = {}
    for code in words:
        for symbol in currency_symbols(code):
            owners.setdefault(symbol, set()).add(code)
    return {
        symbol: code
        for symbol, codes in owners.items()
        if len(codes) == 1 and symbol not in taken
        for code in codes
    }
