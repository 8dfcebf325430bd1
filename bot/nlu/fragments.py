"""Short benign fragments: a duration, a number, an acknowledgement, and nothing else.

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
    "раз раза разов "
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
    "каждых уже еще ещё "
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


def _benign_word(word: str) -> bool:
    if word.isdigit() or word in BENIGN_WORDS:
        return True
    # "na mesyac", "norm": transliterated Russian, read back into Cyrillic.
    return word.isascii() and cyrillize_word(word) in BENIGN_WORDS


def benign_fragment(tokens: list[str]) -> bool:
    """Whether cleaned `tokens` are a short message of durations, numbers and acknowledgements
    only ("на два месяца", "2 тыдні", "3 weeks", "норм"): nothing a risk could be read from."""
    if not tokens or len(tokens) > MAX_FRAGMENT_WORDS:
        return False
    return all(_benign_word(token) for token in tokens)
