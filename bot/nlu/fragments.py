"""Short benign fragments: a duration, a number, an acknowledgement, a decline, nothing else.

A person answers a question or chats in a few words: "на месяц", "2 тыдні", "every 3 days",
"норм", "всё ок". The classifier has seen such words mostly inside risk lines ("2 месяца не
платят", "третью неделю"), so on their own they can carry most of the risk probability
("на месяц" read as wages withheld at 0.93) and open the emergency path for nobody. Triage
therefore declines classifier-only risk on a short message made only of these words
(`benign_fragment`). The list is of words with no risk content in any sense: time units,
numbers, frequency and preposition words, acknowledgements and "норм"-type slang. A negator
("не норм", "not ok") is never on it, so a short message with one stays with the model, and
the danger phrases decide for every message whatever this says ("бьют", "не платят").
"""

from __future__ import annotations

from bot.nlu.normalize import cyrillize_word

# A fragment is at most this many words: a longer message says more than a duration or an "ok",
# and the classifier reads it whole.
MAX_FRAGMENT_WORDS = 3

# Whole words, not stems: a stem such as "час" or "day" would also admit words that are not
# time units, and every word here must be reviewable as carrying no risk.
_TIME = (
    # ru
    "секунда секунды секунд секунду минута минуты минут минуту час часа часов часы часик "
    "день дня дней дни денек сутки суток неделя недели недель неделю неделька месяц месяца "
    "месяцев месяцы год года лет годы годик полгода полчаса полдня полтора полторы "
    "раз раза разов долго недолго надолго ждать "
    # be
    "хвіліна хвіліны хвілін хвіліну гадзіна гадзіны гадзін гадзіну дзень дні дзён "
    "тыдзень тыдня тыдні тыдняў месяцаў гады гадоў паўгода паўгадзіны разы "
    # en
    "second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks "
    "fortnight month months year years yr yrs time times once twice"
)
_NUMBERS = (
    "один одна одно одну два две три четыре пять шесть семь восемь девять десять "
    "одиннадцать двенадцать пятнадцать двадцать тридцать пару пара несколько "
    "первый первая первую второй вторую третий третью четвертый четвертую пятый пятую "
    "адзін адна адно адну дзве тры чатыры пяць шэсць сем восем дзевяць дзесяць пару "
    "некалькі першы першую другі другую трэці трэцюю "
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "couple few several half first second third"
)
_GLUE = (
    "на в во за через по до от с к около примерно каждый каждая каждые каждую каждого "
    "каждых уже еще ещё а "
    "у ў праз па да ад з каля прыкладна кожны кожная кожныя кожную кожнага ужо яшчэ "
    "a an the for every each in per about after within around approx approximately "
    "already another next this that of"
)
_ACKNOWLEDGEMENTS = (
    "ок окей ok okay okey k kk норм нормально нормальна нормас норма нарм нармальна "
    "нормално нармалёва нормалёк ништяк збс хорошо харашо добра добре ладно ясно понятно зразумела "
    "ага угу да так все всё усё ўсё хоть спасибо спс дзякуй благодарю пасиб "
    "fine good great cool nice alright right all sure yes yeah yep yup thanks thank thx "
    "ty got it cheers understood noted"
)
BENIGN_WORDS = frozenset(f"{_TIME} {_NUMBERS} {_GLUE} {_ACKNOWLEDGEMENTS}".split())

# A whole message that declines an offer or says "I don't know" ("не знаю", "не сейчас", "нет,
# не нужно", "not now"): the negator in it negates the answer, not a duty, and a person at risk
# who writes only this has named no harm. Whole messages, listed as they are, never a word
# anywhere: "не норм", "not ok", "мне не хорошо" are not here and stay with the model.
_DECLINES = (
    # ru (and transliterated ru, read back into Cyrillic)
    "не|нет|нет нет|неа|не знаю|я не знаю|не знаю пока|пока не знаю|не сейчас|не сейчас спасибо|"
    "нет спасибо|нет не нужно|не нужно|не надо|нет не надо|не нужно спасибо|не надо спасибо|"
    "не уверен|не уверена|я не уверен|я не уверена|не важно|неважно|не помню|не решил|не решила|"
    "пока нет|пока не надо|потом|может потом|позже|"
    # be
    "не ведаю|я не ведаю|не зараз|не трэба|не патрэбна|не, дзякуй|не дзякуй|не ўпэўнены|"
    "не ўпэўнена|не ўпэўнены|не важна|няважна|пазней|пакуль не|"
    # en
    "no|nope|nah|no thanks|no thank you|i don't know|i dont know|dont know|don't know|idk|"
    "not now|not yet|not sure|i'm not sure|im not sure|not really|maybe later|later|"
    "doesn't matter|doesnt matter|never mind|nevermind|no need"
)
DECLINES = frozenset(tuple(line.replace(",", "").split()) for line in _DECLINES.split("|"))


def _benign_word(word: str) -> bool:
    if word.isdigit() or word in BENIGN_WORDS:
        return True
    # "na mesyac", "norm": transliterated Russian, read back into Cyrillic.
    return word.isascii() and cyrillize_word(word) in BENIGN_WORDS


def benign_fragment(tokens: list[str]) -> bool:
    """Whether cleaned `tokens` are a short message of durations, numbers and acknowledgements
    only ("на два месяца", "2 тыдні", "3 weeks", "норм"), or a whole decline ("не знаю", "not
    now"): nothing a risk could be read from."""
    if not tokens or len(tokens) > MAX_FRAGMENT_WORDS:
        return False
    if _decline(tokens):
        return True
    return all(_benign_word(token) for token in tokens)


def _decline(tokens: list[str]) -> bool:
    """Whether cleaned `tokens` are, whole, a decline or an "I don't know" (`DECLINES`)."""
    if tuple(tokens) in DECLINES:
        return True
    # "ne znayu", "ne seichas": transliterated Russian, read back into Cyrillic.
    return all(t.isascii() for t in tokens) and tuple(map(cyrillize_word, tokens)) in DECLINES
