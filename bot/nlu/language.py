"""Guess whether an utterance is Russian, Belarusian or English, with a few fast heuristics."""

from __future__ import annotations

import re

from babel.dates import get_month_names

from bot.nlu.base import LANGUAGES
from bot.nlu.confusables import one_script
from bot.nlu.layout import (
    belarusian_key_votes,
    cyrillic_to_latin,
    latin_to_cyrillic,
    mistyped_cyrillic,
    mistyped_latin,
)
from bot.nlu.normalize import MAX_TEXT_CHARS

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[а-яёіўґєї]")
_LATIN = re.compile(r"[a-zăâčćęłńŝšśŭžźż]")

# Spellings only one of the two Cyrillic languages uses: Belarusian і, ў, apostrophe, -ць/-цца
# verbs, дз/ц for Russian д/т before soft vowels, э after consonants; Russian и, щ, ъ, -ть, -ого.
_BE_MARKS = re.compile(
    r"[іў]|[а-яё]['’ʼ][а-яё]|ць\b|цц|дз|ц[яёю]|[бвгджзклмнпрстфхцчш]э|ыя\b|\bпа-|шч|[жшч]ы|ыце\b|ага\b"
    # reflexive -ся after a vowel ("баюся", "смяюся"): Russian writes -сь there ("боюсь")
    r"|[аеоуыэюя]ся\b"
    # the prefix ад- (Russian от-: "адпускае", "аддаюць", "адбіраюць") and "пагроза",
    # "пагражае" (Russian "угрожает"): Belarusian typed on the Latin keys shows neither і nor ў
    r"|\bад[бдкпчш]|\bпагр[аоу]"
)
_RU_MARKS = re.compile(r"[ищъ]|ть\b|ться\b|тся\b|[ое]го\b|\bчто\b|\bкто\b")
_BE_WORDS = frozenset(
    "што як гэта гэты гэтая калі дзе ці няма ёсць трэба кажа кажуць вельмі дзякуй дзякую "
    "мяне праца працу працы пашпарт пашпарта грошы зараз сёння ўжо таксама бо хто сябе яны "
    "яна ён кватэра дзень добры добрага мова мовы мову мове бывай бывайце пакуль куды чаму "
    "таму адкуль хутка усё зразумела сябар аператар патрэбны патрэбна можаш ратуйце алё "
    "дабрыдзень руская беларуская "
    # fear said in Belarusian ("я баюся", "мне страшна тут" were Russian on a Russian phone)
    "страшна баюся баімся баішся баяцца".split()
)
_RU_WORDS = frozenset(
    "что как это этот эта если где ли нет есть надо нужно говорит говорят очень спасибо "
    "привет меня помогите помоги работа работу работы работаю паспорт паспорта деньги "
    "сейчас сегодня уже тоже потому кто себя они она он здравствуйте добрый пока куда "
    "почему язык русский".split()
)

# Transliterated Russian vs. English: frequent words, then spelling (zh, kh, ya, -yut ...).
_TRANSLIT_WORDS = frozenset(
    "u menya menja mne ne net da kak shto eto esli gde mozhno mojno nado nuzhno a "
    "pomogite pomogi pomoshch pomosh rabota rabotu raboty rabotayu rabotodatel pasport "
    "pasporta dokumenty zabrali zabral otdayut otdaet ya ja my vy on ona oni nas nam "
    "moj moy moi moya svoi vse vsyo uzhe tut tam seichas sejchas seychas srochno evro "
    "privet zdravstvuite zdravstvujte spasibo poka dengi deneg zarplatu zarplata zarplaty "
    "kogda pochemu skolko ochen hochu mogu nelzya nelzja ili po za iz ot dlya bez pod "
    "pri ob s v na i ty tebya chelovek bot dobryj dobryy den spasite zhena muzh doch syn "
    "brat sestra mama papa rus yazyk pozhalujsta pozhaluysta pojaluista".split()
)
_EN_WORDS = frozenset(
    "the a an and or but of to in on at for with from by about is are was were be been am "
    "i me my mine you your he she it its we our they them their this that these those what "
    "how where when why who which can could should would will do does did not no yes have "
    "has had help please job work passport money want need there here get got if so just "
    "hello hi hey hiya yo sup howdy hallo helo ello bye goodbye thanks thank thx ty ta later "
    "see ya very much useful good night morning evening day start stop commands command "
    "language english russian belarusian settings setting select switch change use only "
    "clear history delete data privacy policy stupid dumb lol sos bot asap now urgent "
    "employer agency boss took take keep kept locked paid pay salary wages contract visa "
    "one all any some like know tell ask call phone number human person operator report scam "
    "scammers safety requirements contacts robot r u germany poland "
    # durations and numbers: "every 3 days", "2 weeks" were Russian, the unsure default
    "every each days week weeks month months year years hour hours minute minutes times once "
    "twice two three four five six seven eight nine ten couple few several fine great cool "
    # short reports: "im scared" and "bruises everywhere" were Russian on a Russian phone, so the
    # model read them as transliteration and the reply was Russian (breaker 10)
    "im i'm scared afraid scary fear bruise bruises bruised everywhere hurt hurts beat beaten hit "
    "nobody anyone anybody everyone lets let out go home back give gives return returns "
    "documents us sure "
    # an end date for check-ins: "until 15 January" was Russian (walk of issue 15); the month
    # names themselves come from Babel (`_english_months`)
    "until till end".split()
)
# More English for text typed on the Cyrillic layout ("ру ршеы гы" is "he hits us"): the harms
# people cry out in a few words, so that most restored words are known.
_EN_TYPED_WORDS = _EN_WORDS | frozenset(
    "hits hitting beats beating kill kills killed knife gun guns him her his won't don't can't "
    "cannot wont dont cant let leave door room rooms keeps lock locks took taken owe owe "
    "debt threat threatens threatened threatening hurting paying wage police trapped sold "
    "forced force makes made night sleep food rape raped touch touches abuse abused papers "
    "id say says said with won will gone away run escape left without out inside house "
    "farm hostel key keys gate".split()
)
# Frequent Cyrillic words: a message with one of them is not English typed on that layout.
_CYRILLIC_TYPED_WORDS = _RU_WORDS | _BE_WORDS | frozenset(
    "в и на не я ты мы вы он да нет а но с к о по за из от до же бы ну то вот еще уже так там "
    "тут где все мне нас нам его ее их им ни ў і ды ня ён яна мяне мне нам".split()
)
_TRANSLIT_ENDINGS = (
    "yu", "ju", "ya", "ja", "ogo", "ego", "aet", "ayut", "ajut", "yut", "ish", "esh", "ili",
    "ali", "ala", "ila", "yla", "ov", "ev", "yy", "yj", "ij", "oj", "oy", "ami", "akh",
    "tsya", "tsa", "sya", "at", "ut", "yt", "eni", "enie", "iya", "oe", "ye", "aya",
)  # fmt: skip
_TRANSLIT_MARKS = re.compile(r"zh|kh|shch|sch|ya|yu|yo|ja|ju|jo|ts|[bcdfgklmnprstvz]y")
_EN_MARKS = re.compile(r"th|wh|ck|ing\b|tion|ould|ee|oo|ea|ough|^w|q|[^s]'s\b|n't|'re|'ll|ly\b")
# Belarusian in Latin letters (łacinka without diacritics): dz, consonant + ie, pa-, -aje.
_BE_LATIN_MARKS = re.compile(r"dz|^pa-|aje|ŭ|ł")
_BE_LATIN_WEAK = re.compile(r"[bcdfgklmnprstvz]ie[bcdfgklmnprstvz]")
# Belarusian words as people type them in Latin letters without Łacinka's marks (г as "h",
# ць as "c", я as "ia"/"ja"): none is a Russian word in any transliteration ("kali laska",
# "dapamazhy", "mianie", "heta pracu", "jana", "ci"), so each outweighs a shared word such as
# "zabrali" or "pasport". Without them "dapamazhy, jany zabrali pashpart" was Russian, and the
# person got the emergency reply in Russian.
_BE_LATIN_WORDS = frozenset(
    "dziakuj dziakuju dziakui dzyakuj dzyakuyu dziakujem byvaj kali jak kab jaki maje tabie mnie "
    "laska lasko dapamazhy dapamazy dapamazhi dapamazhycie dapamazhyce dapamazycie dapamazyce "
    "dapamazhice dapamazice dapamoha dapamohu dapamahi dapamazhyte mianie miane mjane mianije "
    "heta hety hetaja hetu hetym ci jana jany jon jaho jaje jaja jamu iana iany "
    "pracu praca pracy pracuju pracuje pracujem pracavac pracadaviec pracadauca "
    "pashpart pashparta pashpartu pashparty pasparty paspart pasparta hrosy hroshy hrashej "
    "niama niamaje josc josts treba kazhuc kazuc dzie dze chamu vielmi siannia sionnia "
    "ciapier cipier adkul kudy ratujcie ratujce ratuicie adabrali adbirajuc adbiraje adpuskajuc "
    "adpuskaje adpuskaiuc vypuskajuc vypuskaiuc dadomu placiac placiat placic zarobak "
    "zarobku zarobky nichoha nikoha sabie siabie jakija jakaja vierniuc viarnuc "
    "bjuc biuc zbiu pahrazhajuc pahrazajuc zachynili".split()
)
# Words both Belarusian and Russian typists use ("ni" is Belarusian "no" but Russian "nor"):
# half the weight of a Belarusian word, so "ni kopeyki" alone stays Russian.
_BE_LATIN_WEAK_WORDS = frozenset("ni nie nia".split())
# Belarusian -ць, -сці, -цца typed as "c", "sci", "cca" ("placiac", "vyjsci", "zvaracca");
# Russian transliteration writes these "t'", "sti", "tsya".
_BE_LATIN_ENDINGS = ("uc", "iac", "jac", "sci", "cca")


def normalize_prior(code: str | None) -> str | None:
    """A client language code ("be-BY", "en_GB", "RU") as "ru" / "be" / "en", else None."""
    if not code:
        return None
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return base if base in LANGUAGES else None


def _cyrillic_language(words: list[str]) -> str | None:
    """ru or be from spellings only one language uses, then frequent words; None if unsure."""
    be = ru = 0.0
    for word in words:
        if _LATIN.search(word) and not _CYRILLIC.search(word):
            continue  # a Latin word ("id", "all inclusive") in a Cyrillic sentence
        be += len(_BE_MARKS.findall(word))
        ru += len(_RU_MARKS.findall(word))
        if word in _BE_WORDS:
            be += 1.5
        elif word in _RU_WORDS:
            ru += 1.5
    if be > ru:
        return "be"
    if ru > be:
        return "ru"
    return None


def _english_months() -> frozenset[str]:
    """English month names and their abbreviations, from Babel's locale data."""
    return frozenset(name.lower() for width in ("wide", "abbreviated")
                     for name in get_month_names(width, "format", "en").values())


def _latin_language(words: list[str]) -> str | None:
    """en, or transliterated ru/be, from frequent words and spelling; None if unsure."""
    en = ru = be = 0.0
    months = _english_months()
    for word in words:
        plain = word.replace("'", "").replace("’", "")
        known_en, known_ru = word in _EN_WORDS or word in months, plain in _TRANSLIT_WORDS
        if known_en:
            en += 1.0 if len(plain) > 2 else 0.6
        if known_ru:
            # Short words ("i", "a", "na") are weak evidence: English has some too.
            ru += 1.0 if len(plain) > 2 else 0.5
        be += len(_BE_LATIN_MARKS.findall(word)) + (plain in _BE_LATIN_WORDS)
        be += 0.5 * len(_BE_LATIN_WEAK.findall(word)) + 0.5 * (plain in _BE_LATIN_WEAK_WORDS)
        if len(plain) > 3 and plain.endswith(_BE_LATIN_ENDINGS) and plain not in _BE_LATIN_WORDS:
            be += 0.5
        if not known_en and not known_ru and len(plain) > 3:
            ru += 0.5 * len(_TRANSLIT_MARKS.findall(plain))
            en += 0.5 * len(_EN_MARKS.findall(word))
            if plain.endswith(_TRANSLIT_ENDINGS):
                ru += 0.4
    if max(ru, be) > en:
        return "be" if be >= 1 and be >= ru / 2 else "ru"
    if en > ru:
        return "en"
    return None


# Belarusian-only letters of the Belarusian layout's keys: on a restored text they say nothing
# about the language (the Russian layout puts и and щ on the same keys).
_LAYOUT_NEUTRAL = str.maketrans({"і": None, "ў": None, "'": None})
# A message with this many Cyrillic words for each Latin one is Russian or Belarusian with an
# English word or two ("скиньте контакты shelter пожалуйста", "ок thanks").
_CYRILLIC_WORD_SHARE = 1 / 3


def _layout_language(text: str) -> str | None:
    """ "ru", "be" or "en" when `text` was typed on the wrong keyboard layout, else None."""
    if mistyped_latin(text, _EN_WORDS | _TRANSLIT_WORDS):
        # The better of the two layouts' readings where they differ (ў or щ on the o key: "z o
        # gfcnws" is "я ў пастцы"); else the Belarusian reading's spellings and words, without
        # the letters the Russian layout reads otherwise.
        votes = belarusian_key_votes(text)
        if votes:
            return "be" if votes > 0 else "ru"
        restored = latin_to_cyrillic(text, belarusian=True)
        words = _WORD.findall(restored.translate(_LAYOUT_NEUTRAL))
        return "be" if _cyrillic_language(words) == "be" else "ru"
    if mistyped_cyrillic(text, _EN_TYPED_WORDS, _CYRILLIC_TYPED_WORDS):
        return "en"
    return None


def restore_layout(text: str) -> str:
    """`text` in the layout it was meant in ("pfgthkb" -> "заперли"), or `text` unchanged."""
    language = _layout_language(text[:MAX_TEXT_CHARS])
    if language is None:
        return text
    if language == "en":
        return cyrillic_to_latin(text, _EN_TYPED_WORDS)
    return latin_to_cyrillic(text, belarusian=language == "be")


def read_layout(text: str) -> tuple[str, list[str]]:
    """`restore_layout(text)` and `layout_variants(text)` of `text` (at most MAX_TEXT_CHARS
    long), with the layout judged once."""
    language = _layout_language(text)
    if language is None:
        return text, []
    if language == "en":
        restored = cyrillic_to_latin(text, _EN_TYPED_WORDS)
        return restored, [restored]
    variants = [latin_to_cyrillic(text), latin_to_cyrillic(text, belarusian=True)]
    return variants[language == "be"], variants


def layout_variants(text: str) -> list[str]:
    """`text` restored from a wrong keyboard layout, in every layout it may have meant
    (Russian and Belarusian differ in three keys); empty when `text` was typed right."""
    text = text[:MAX_TEXT_CHARS]
    language = _layout_language(text)
    if language is None:
        return []
    if language == "en":
        return [cyrillic_to_latin(text, _EN_TYPED_WORDS)]
    return [latin_to_cyrillic(text), latin_to_cyrillic(text, belarusian=True)]


# Words people type whatever language they write in: alone they say nothing about a switch.
_NEUTRAL_WORDS = frozenset("sos ok okay ок окей help hi hey hello stop yes no pls please".split())


def detect_language(text: str, prior: str | None = None) -> str:
    """The utterance's language: "ru", "be" or "en"; unsure: the client's language, then "ru".

    Text typed on the wrong keyboard layout is judged as restored; a message with Cyrillic
    words and only an English word or two is Russian or Belarusian; words typed in two scripts
    are read in one (bot.nlu.confusables).
    """
    text = one_script(text[:MAX_TEXT_CHARS])
    layout = _layout_language(text)
    if layout is not None:
        return layout
    lowered = text.lower()
    words = _WORD.findall(lowered)
    cyrillic = len(_CYRILLIC.findall(lowered))
    latin = len(_LATIN.findall(lowered))
    cyrillic_words = sum(_CYRILLIC.search(word) is not None for word in words)
    fallback = normalize_prior(prior)
    if fallback is not None and words and all(word in _NEUTRAL_WORDS for word in words):
        return fallback  # "SOS", "ok", "help": no evidence of a switch
    mostly_cyrillic = cyrillic >= latin or (
        cyrillic >= 2 and cyrillic_words >= (len(words) - cyrillic_words) * _CYRILLIC_WORD_SHARE
    )
    if cyrillic and mostly_cyrillic:
        guess = _cyrillic_language(words)
        if guess is None and fallback == "en":
            fallback = None  # unmarked Cyrillic is Russian or Belarusian, never English
    elif latin:
        guess = _latin_language(words)
    else:
        guess = None
    return guess or fallback or "ru"
