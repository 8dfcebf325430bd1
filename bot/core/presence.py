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


# What someone watches, reads or talks about: a country in it is the story's, not where the
# person is ("I'm watching a documentary about trafficking in Thailand", "читала про Дубай").
_TOPIC = frozenset(
    "смотрю смотрела смотрел посмотрел посмотрела смотрим читаю читала читал прочитал прочитала "
    "прочитала читаем фильм фильме фильма документалку документальный сериал сериале передачу "
    "передаче репортаж видео ролик книга книгу книге статья статью статье новости новостях "
    "рассказывали рассказывал рассказывала слышал слышала говорили обсуждаем "
    "гляджу глядзела глядзеў чытаю чытала чытаў фільм фільме серыял кнігу кніга кнізе артыкул "
    "артыкуле навіны навінах чуў чула расказвалі "
    "watch watching watched documentary doc film movie series book books article news "
    "read reading story stories heard podcast video talked talking discussing "
    "smotryu smotrela smotrel chitayu chitala chital filme film statyu statya novosti kniga "
    "knigu serial".split()
)
# "я в", "мы уже в", "I'm in", "we are now in": the person placed, whatever else the message
# tells about (a film watched there is still watched there).
_SUBJECT = frozenset("я мы i i'm im we we're ya my".split())
_BETWEEN = frozenset("уже сейчас теперь ужо ўжо зараз цяпер am are now already currently still "
                     "ещё еще ўсё усё uzhe uje seychas sejchas sechas".split())
_AT = frozenset("в во на у ў in at v vo".split())


def _placed(words: list[str]) -> bool:
    """Whether the words hold "я (уже) в …" / "I'm (now) in …": the person at a place."""
    for start, word in enumerate(words):
        if word not in _SUBJECT:
            continue
        rest = words[start + 1:]
        while rest and rest[0] in _BETWEEN:
            rest = rest[1:]
        if rest and rest[0] in _AT:
            return True
    return False


def talks_about(text: str) -> bool:
    """True when a place in `text` is in what the person watches, reads or talks about ("a
    documentary about Thailand", "I read about Dubai", "фильм про Польшу"), and the words do
    not also place the person there ("я в Польше, смотрю фильм")."""
    words = tokens(text)
    return bool(set(words) & _TOPIC) and not _placed(words)


def says_here(text: str) -> bool:
    """True when the words say the person (or now) and no plan: "я уже в Испании", "I'm in
    Spain"; False for "хочу в Польшу", "I want to go to Spain" or a bare "Испания", and for
    a place the person only watches, reads or talks about (`talks_about`)."""
    words = set(tokens(text))
    return bool(words & _HERE) and not words & _PLAN and not talks_about(text)
