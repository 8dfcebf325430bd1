"""Pay figures in an ad that are far above the editors' limits for their currency."""

from __future__ import annotations

import re

from bot.content.models import AdSalary
from bot.core.adcurrency import symbol_aliases
from bot.core.adpaycount import PayCounts
from bot.core.adtext import Span, fold, normalize

# A pay figure: "2 500", "2.500", "2500,50", "3 000-4 000", "от 2500".
_NUMBER = r"\d{1,3}(?:[ \u00a0.,]\d{3})+|\d+(?:[.,]\d{1,2})?"
# "3k €", "2,5 тыс. евро", "3 тысячи $": the figure is in thousands.
_THOUSANDS = r"(?:k\b|к\b|тыс\w*\.?)"
_FLAGS = re.UNICODE
# A clause around a figure: up to this many characters, not past a sentence or clause end.
_CLAUSE_CHARS = 48
_CLAUSE_END = re.compile(r"[.,;!?\n()]")
_BRACKETS = re.compile(r"\([^()\n]{0,120}\)")  # a list in brackets: no clause of its own


class PayFinder:
    """content/ad_check.yaml's `salary` compiled; `high(low)`: the figures above the limits."""

    def __init__(self, salary: AdSalary) -> None:
        self._limits = salary
        # "90 000 крон" in an ad about Czechia: a shared word, read by the country named.
        self._shared = {
            normalize(word): [
                (code, re.compile(fold(country), _FLAGS))
                for code, country in shared.countries.items()
            ]
            for shared in salary.shared
            for word in shared.words
        }
        aliases = sorted(
            [alias for names in salary.currencies.values() for alias in names] + list(self._shared),
            key=len,
            reverse=True,
        )
        symbols = symbol_aliases(salary.currencies)
        # Babel's symbols and codes ("ft", "kč", "sek") stand alone: "soft 5000" is no forint.
        currency = "|".join(
            [re.escape(normalize(alias)) for alias in aliases]
            + [
                rf"(?<![^\W\d])(?:{re.escape(symbol)})(?![^\W\d])"
                for symbol in sorted(symbols, key=len, reverse=True)
            ]
        )
        self._alias = {
            normalize(alias): code
            for code, aliases in salary.currencies.items()
            for alias in aliases
        }
        self._alias.update((normalize(symbol), code) for symbol, code in symbols.items())
        self.currency = currency  # how ads write a currency, as one alternation
        self.pattern = money_pattern(currency)
        qualifier = "|".join(fold(word) for word in salary.qualifier_words)
        between = rf"\s*(?:(?:{qualifier})\W*)?" if qualifier else r"\s*"
        # Tried in this order right after a figure; none: the figure is monthly pay.
        gross = _alternatives(salary.gross_words)
        # "2 800 € брутто в мес.", "€14.71/hour gross", "brutto 2 800 €", "gross: £30,000".
        self._gross_after = re.compile(rf"\s*(?:/\s*\w+\.?\s*)?(?:{gross})(?!\w)", _FLAGS)
        self._gross_before = re.compile(rf"(?<!\w)(?:{gross})\W{{0,3}}$", _FLAGS)
        net = _alternatives(salary.net_words)
        # "2 200 € чистыми", "17 евро в час на руки", "€2,100 net + board": a net word after the
        # figure in its clause, before any other figure; "на руки 2 200 €", "Net salary: €2,200":
        # right before it, with at most one word between.
        # Not a net word that goes on to its own figure ("1 900 € (после налогов около 1 400 €)"),
        # and not beside a gross figure ("2 400 € брутто, на руки около 1 800 €"): there the
        # gross figure is judged, and the net one is read as a figure that says neither.
        self._net_after = re.compile(
            rf"[^\d.;!?\n]{{0,24}}?(?<!\w)(?:{net})(?!\w)(?![^\d.;!?\n]{{0,16}}\d)", _FLAGS)
        self._gross_near = re.compile(rf"(?<!\w)(?:{gross})(?!\w)", _FLAGS)
        self._net_before = re.compile(rf"(?<!\w)(?:{net})(?:\s+\w+)?\W{{0,4}}$", _FLAGS)
        self._periods = [
            (re.compile(rf"{between}(?:{_alternatives(words)})", _FLAGS), per)
            for words, per in (
                (salary.hour_words, salary.per_hour), (salary.day_words, salary.per_day),
                (salary.night_words, salary.per_day),
                (salary.week_words, salary.per_week), (salary.year_words, salary.per_year),
                (salary.season_words, None),
            )
        ]
        self._night = self._periods[2][0]
        self._lodging = re.compile(rf"(?<!\w)(?:{_alternatives(salary.lodging_words)})(?!\w)",
                                   _FLAGS)
        self._counts = PayCounts(salary)
        self._per = {"hour": salary.per_hour, "day": salary.per_day, "week": salary.per_week,
                     "month": salary.per_month}
        cost = rf"(?<!\w)(?:{_alternatives(salary.cost_words + salary.lodging_words)})(?!\w)"
        self._cost = re.compile(cost, _FLAGS)
        # "Free accommodation and €3,000", "жильё бесплатно и 3000 €": housing given, no cost.
        free, lodging = _alternatives(salary.free_words), _alternatives(salary.lodging_words)
        self._free_lodging = re.compile(
            rf"(?<!\w)(?<!не\s)(?<!not\s)(?:{free})\s+(?:\w+\s+)?(?:{lodging})(?!\w)"
            rf"|(?<!\w)(?:{lodging})(?!\w)\s*(?:[—–:-]\s*|(?:is|are)\s+)?(?:{free})(?!\w)", _FLAGS)
        before = _alternatives(salary.count_before)  # "3 000 € за визу", "€3,000 for the visa"
        self._cost_after = re.compile(rf"\s*(?:{before})\s+(?:\S+\s+)?{cost}", _FLAGS)
        self._pay_before = re.compile(
            rf"(?<!\w)(?:{_alternatives(salary.pay_words)})(?!\w)\W{{0,4}}$", _FLAGS)

    def rate_words(self) -> list[str]:
        """Regexes that, tried right after a figure, make it a rate or pay: an hour, day, week,
        year or season word (a net or gross word may stand between), or a net or gross word
        in its clause ("150 € в неделю", "€ 90 net"). Folded as `normalize` writes letters."""
        salary = self._limits
        qualifier = "|".join(fold(word) for word in salary.qualifier_words)
        between = rf"\s*(?:(?:{qualifier})\W*)?" if qualifier else r"\s*"
        periods = [salary.hour_words, salary.day_words, salary.week_words, salary.year_words,
                   salary.season_words]
        return [
            *(rf"{between}(?:{_alternatives(words)})" for words in periods if words),
            rf"\s*(?:/\s*\w+\.?\s*)?(?:{_alternatives(salary.gross_words)})(?!\w)",
            rf"[^\d.;!?\n]{{0,24}}?(?<!\w)(?:{_alternatives(salary.net_words)})(?!\w)",
        ]

    def figure(self, low: str) -> Span | None:
        """The first pay figure written with its currency ("3000$", "€ 25"), if any."""
        for match in self.pattern.finditer(low):
            alias = match.group("pre") or match.group("post")
            if alias in self._alias or alias in self._shared:
                return Span(match.start(), match.end())
        return None

    def high(self, low: str) -> list[Span]:
        """Pay figures above the limits for their currency (per hour, per day or per month)."""
        limits = self._limits
        spans = []
        for match in self.pattern.finditer(low):
            alias = match.group("pre") or match.group("post")
            if not alias:
                continue
            code = self._alias.get(alias) or self._country_currency(alias, low)
            if code is None:
                continue
            low_end = amount(match.group("low"), match.group("k1") or match.group("k2"))
            high = match.group("high")
            high_end = amount(high, match.group("k2")) if high else None
            per: dict[str, int] | None = limits.per_month
            bare = True
            for period, its_limits in self._periods:
                if read := period.match(low, match.end()):
                    per, bare = its_limits, False
                    if period is self._night and self._lodging_cost(low, match.start(),
                                                                    read.end()):
                        per = None
                    break
            # "3 600 € за 20 смен": pay for 20 days, compared with 20 days' limit (ad33e).
            count = (self._counts.after(low, match.end())
                     or self._counts.before(low, match.start())) if bare else None
            if count is not None:
                per = self._per[count.period]
            # Pay for a season or a contract (no period to compare with), a bed's price a night.
            if per is None:
                continue
            its_limit = per.get(code)
            if its_limit is None:
                continue
            factor, start, end = self._factor(low, match)
            # A bare figure beside a fee, deposit, ticket or housing is a cost, not pay (ad33e).
            if bare and count is None and factor == 1.0 and self._beside_cost(low, match):
                continue
            limit = its_limit * factor * (count.count if count else 1)
            top = limit * limits.range_top_factor
            if low_end >= limit or (high_end is not None and high_end >= top):
                spans.append(Span(start, end))
        return spans

    def _factor(self, low: str, match: re.Match[str]) -> tuple[float, int, int]:
        """The limit's factor for the figure (`gross_factor` when it is stated gross,
        `net_factor` when stated net, a gross word first, else 1) and the span to quote: the
        figure with its net word ("2 200 € чистыми", "на руки 2 200 €")."""
        start, end = match.start(), match.end()
        if self._gross(low, match):
            return self._limits.gross_factor, start, end
        if self._gross_near.search(low, max(0, start - 60), end + 60):
            return 1.0, start, end
        after = self._net_after.match(low, end)
        if after:
            return self._limits.net_factor, start, after.end()
        before = self._net_before.search(low, max(0, start - 24), start)
        if before:
            return self._limits.net_factor, before.start(), end
        return 1.0, start, end

    def _gross(self, low: str, match: re.Match[str]) -> bool:
        """Whether the figure is stated gross, right after it or right before it."""
        return bool(self._gross_after.match(low, match.end())
                    or self._gross_before.search(low, max(0, match.start() - 12), match.start()))


    def _beside_cost(self, low: str, match: re.Match[str]) -> bool:
        """Whether a figure with no period is a cost: a cost word before it in its clause
        ("Оформление 3000 €", "deposit: €3,000") with no pay word right before the figure
        ("Жильё есть, ЗП 3000 €"), or after it with "за"/"for" ("3 000 € за визу"). Housing
        given free ("Free accommodation and €3,000 a month") is no cost (ad34b). A list in
        brackets between them is skipped ("Пакет «под ключ» (зачисление, CAS) — 2 900 £", ad36c)."""
        start, end = match.start(), match.end()
        if self._pay_before.search(low, max(0, start - 24), start):
            return False
        window = _BRACKETS.sub(" ", low[max(0, start - 3 * _CLAUSE_CHARS) : start])
        before = _CLAUSE_END.split(window[-_CLAUSE_CHARS:])[-1]
        before = self._free_lodging.sub(" ", before)
        return bool(self._cost.search(before) or self._cost_after.match(low, end))

    def _lodging_cost(self, low: str, start: int, end: int) -> bool:
        """Whether the figure per night at `low[start:end]` is a bed's or a room's price: a
        lodging word in its clause ("Койка — 10 € за ночь", "€15 a night for the bed")."""
        before = _CLAUSE_END.split(low[max(0, start - _CLAUSE_CHARS) : start])[-1]
        after = _CLAUSE_END.split(low[end : end + _CLAUSE_CHARS])[0]
        return bool(self._lodging.search(before) or self._lodging.search(after))

    def _country_currency(self, alias: str, low: str) -> str | None:
        """The currency a shared word (`salary.shared`) means in the ad `low`: that of the one
        country the ad names; None when it names none or several."""
        codes = {code for code, country in self._shared.get(alias, []) if country.search(low)}
        return codes.pop() if len(codes) == 1 else None


def money_pattern(currency: str) -> re.Pattern[str]:
    """A figure with its currency before or after it (`currency`: an alternation of how ads
    write one): "2500 €", "€2500", "2 500–3 000 евро", "25 zł/h"; a range's ends are read apart
    (groups `pre`, `low`, `k1`, `high`, `k2`, `post`). The currency is optional: a match with
    neither `pre` nor `post` is a bare figure."""
    return re.compile(
        rf"(?:(?P<pre>{currency})\s?)?(?P<low>{_NUMBER})(?P<k1>\s?{_THOUSANDS})?"
        rf"(?:\s?[-–—]\s?(?:{currency})?\s?(?P<high>{_NUMBER})(?P<k2>\s?{_THOUSANDS})?)?"
        rf"(?:\s?(?P<post>{currency}))?",
        _FLAGS,
    )


def _alternatives(words: list[str]) -> str:
    """The words as one alternation; no words: a pattern that never matches."""
    return "|".join(fold(word) for word in words) or r"(?!)"


def amount(figure: str, thousands: str | None = None) -> float:
    """The figure as a number; `thousands` ("k", "тыс."): a figure below 1000 is in thousands."""
    digits = re.sub(r"[ \u00a0]", "", figure)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):  # "2.500" and "2,500" are thousands
        digits = re.sub(r"[.,]", "", digits)
    amount = float(digits.replace(",", "."))
    return amount * 1000 if thousands and amount < 1000 else amount
