"""Round 17 of issue 10: the kinds a fresh held-out set missed (recall 0.943), each with its calm
side. Wordings are ours, not the set's (unseen) and not nlu/data's.

1. English typed on the Russian (or Belarusian) layout: "ру ршеы гы" is "he hits us"
   (`bot.nlu.layout.mistyped_cyrillic`); ordinary Russian and "ру" alone are not decoded.
2. A long chatty message with the danger in one sentence (`bot.core.long_message`); long calm
   ones (a travel plan naming a passport, a case resolved years ago, a contract question) stay
   calm.
3. Russian or Belarusian mixed with English in one message.
4. Pay held back to keep the worker; a lawful monthly salary or an end-of-season bonus on top.
5. A death threat quoted from the employer and asked about ("is he joking?"); a family joke
   about burnt pancakes stays calm.
"""

from __future__ import annotations

import pytest

from bot.core.long_message import LONG_CHARS, WINDOW_WORDS, parts
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language, restore_layout
from tests.helpers.engine import content_jokes
from tests.helpers.triage_tables import decide, table

AT_RISK = {
    "english_on_the_russian_layout": [
        "ру ршеы гы",  # he hits us
        "ру рфы ф лтшау",  # he has a knife
        "ерун ещщл ьн зфыызщке",  # they took my passport
        "ерун лууз ьн зфзуксы",  # they keep my papers
        "ру ерқуфеутув ещ лшдд ьу",  # he threatened to kill me
        "рудз ьу здуфыу",  # help me please
        "ш сфтэе дуфму",  # i can't leave
        "ерун дщсл гы шт еру ршщ",  # they lock us in the hut (sic)
    ],
    "english_on_the_belarusian_layout": [
        "ерун еўўл ьн зфыызўке",  # they took my passport (ў on the o key)
        "ру ршеі гі",  # he hits us (і typed on the s key)
    ],
    "mixed_russian_english": [
        "we are locked на складе после смены, ключи only у мастера",
        "мы locked, ключ у бригадира",
        "boss забрал passport и не отдаёт уже месяц",
        "нас не выпускают from the hostel, охрана at the door",
    ],
    "mixed_belarusian_english": [
        "нас зачынілі in the barn, ключ у гаспадара",
        "boss забраў пашпарт and says I owe him",
    ],
    "pay_held_to_keep_the_worker": [
        "boss skazal zarplata budet tolko esli ostanus do maya",
        "if we quit now we lose the whole summer's pay",
        "all the money only at the end of the season, if you leave you get nothing",
        "den'gi otdadut tolko v kontse sezona, esli uedesh ran'she nichego ne poluchish",
        "they keep our wages until october, whoever leaves early loses it all",
        "зарплату отдадут только в конце сезона, если уйдёшь раньше — ничего не получишь",
        "грошы аддадуць толькі ў кастрычніку, калі з'едзеш раней — нічога не атрымаеш",
    ],
    "a_quoted_threat_asked_about": [
        "«ещё раз пожалуешься — закопаю, никто не найдёт». Это шутка или нет?",
        "he wrote 'complain again and you'll disappear', is he joking?",
        "шэф напісаў «яшчэ раз паскардзішся — закапаю». Ён жартуе?",
        "он написал \"уйдёшь — найду и убью\" 😂 это прикол такой?",
        "the foreman said 'talk to anyone and nobody will find you' lol, is that a joke?",
    ],
}

NOT_AN_ALARM = {
    "ordinary_russian_not_decoded": [
        "ру", "ру ру", "руки болят после смены", "ерунда какая то", "ну да", "рыба",
    ],
    "mixed_calm": [
        "what documents нужны for a work permit in Poland?",
    ],
    "a_lawful_pay_schedule": [
        "salary is paid monthly on the 10th",
        "bonus at the end of the season on top of monthly pay",
        "zarplata kazhdyj mesyac 10 chisla",
        "зарплата каждый месяц, а в конце сезона премия",
    ],
    "a_family_joke": [
        "Муж сказал, убьёт, если опять сожгу драники 😂 рецепт есть?",
    ],
}

# Long messages, the danger in one sentence in the middle (kind 2), and long calm ones.
LONG_AT_RISK = [
    (
        'so yeah hi its me again just wanted to say the trip was long we took the bus from '
        'minsk through warsaw and then another bus to the farm and the weather is nice here '
        'lots of strawberries and the other girls are from ukraine and moldova they are nice we '
        'share a room with six beds and the food is ok mostly potatoes and some chicken on '
        'sundays the work starts at six and we finish at eight in the evening the gate is '
        'locked at night and they keep the key so we cannot go out but the boss says its for '
        'safety anyway i wanted to ask how is mum and did you fix the car tell grandma i said '
        'hi and i will send photos when i get the internet working properly ok bye love you'
    ),
    (
        'Привет, дорогая! Пишу тебе наконец-то из Польши. Доехали хорошо, автобус был удобный, '
        'водитель весёлый. Живём в общежитии недалеко от завода, в комнате нас четверо, девочки '
        'все хорошие, одна из Гродно, две из Украины. Работа на упаковке, не очень тяжело, '
        'только ноги устают к вечеру. Кормят нормально, в столовой суп и второе, иногда даже '
        'пирог дают. Платят нам 300 злотых на еду, а остальное только в октябре, и если уедешь '
        'раньше — теряешь всё. Город маленький, но красивый, есть парк и озеро, в выходные '
        'ходили гулять. Погода пока тёплая, но говорят, скоро начнутся дожди. Как там у вас? '
        'Как мама, как кот? Передай всем привет, скоро позвоню по видео, когда будет нормальный '
        'интернет. Целую!'
    ),
    (
        'Прывітанне, сястрычка! Нарэшце пішу табе з Літвы. Даехалі добра, аўтобус быў утульны. '
        'Жывём у інтэрнаце каля фермы, у пакоі нас пяцёра, дзяўчаты добрыя, адна з Магілёва. '
        'Праца на цяпліцах, памідоры і агуркі, не вельмі цяжка. Кормяць нармальна, суп і '
        'бульба, па нядзелях нават мяса. Пашпарты ў нас забралі адразу, кажуць, аддадуць у '
        'кастрычніку, калі скончым сезон. Горад маленькі, але прыгожы, ёсць рэчка і лес, у '
        "выхадныя хадзілі купацца. Надвор'е пакуль цёплае. Як вы там? Як мама, як кот? Перадай "
        'усім прывітанне, хутка пазваню па відэа. Цалую!'
    ),
    (
        'hello there i am writing from the netherlands where i work at a greenhouse picking '
        'tomatoes and peppers its hard but fine the people are friendly we have a kitchen in '
        'the house and we cook together in the evenings we play cards and watch films on the '
        'laptop my english is getting better the supervisor took our passports the first day '
        'and says we get them when we finish the contract the city nearby has a nice market and '
        'we go there on saturdays to buy fruit and cheese i miss home a lot though and i miss '
        'my dog how are the kids'
    ),
    (
        'Дорогие мои, привет из Чехии! Всё у меня в порядке, работаю на складе, собираю заказы, '
        'ребята в смене хорошие, почти все из Беларуси и Украины. Живём в квартире, которую '
        'снимает агентство, нас шестеро, но места хватает. Готовим по очереди, я научилась '
        'варить настоящий борщ! Мастер сказал, что если кто-то пожалуется или уйдёт, то его '
        'найдут и переломают ноги. В выходные ездили в Прагу, очень красиво, особенно мост и '
        'старый город. Купила вам подарки, привезу на Новый год. Пишите, как вы там!'
    ),
]

LONG_CALM = [
    (
        'hi so i am planning my trip to poland next month for seasonal work at a farm near '
        'lublin and i have my passport ready and the visa is being processed the agency sent me '
        'a contract which says the pay is monthly on the tenth and housing is deducted 400 '
        'zloty per month which seems ok i wanted to ask if i need any other documents like '
        'insurance or a medical certificate and whether i should bring cash or a card also how '
        'do i find out if the agency is legit they have a website and a phone number and they '
        'answered all my questions thanks a lot for your help'
    ),
    (
        'Здравствуйте! Хочу рассказать свою историю, может, кому-то пригодится. Два года назад '
        'я поехала в Германию через агентство, там у меня забрали паспорт и не платили три '
        'месяца. Мне помогла ваша организация и полиция, паспорт вернули, деньги частично тоже. '
        'Сейчас я дома, в Минске, у меня всё хорошо, работаю в магазине. Я просто хотела '
        'сказать спасибо и спросить, могу ли я как-то помочь другим девушкам, например, '
        'рассказать свою историю на встрече или в видео. Спасибо вам за вашу работу!'
    ),
    (
        'Добры дзень! Я збіраюся ехаць у Польшчу на працу на завод. Мне даслалі кантракт, там '
        'напісана, што заробак штомесяц, дзясятага чысла, жыллё 500 злотых у месяц, абеды за '
        'свой кошт. Я хацела б спытаць, ці нармальна гэта, ці трэба мне нейкія яшчэ дакументы '
        'акрамя пашпарта і візы, і ці можна мне пасля змяніць працадаўцу, калі не спадабаецца. '
        'Таксама цікава, як праверыць агенцтва. Дзякуй!'
    ),
]


@pytest.mark.parametrize(("kind", "text"), table(AT_RISK))
async def test_at_risk(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(NOT_AN_ALARM))
async def test_calm(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind


def test_english_on_the_russian_layout_is_read_as_english() -> None:
    assert restore_layout("ру ршеы гы") == "he hits us"
    assert restore_layout("ерун еўўл ьн зфыызўке") == "they took my passport"
    assert detect_language("ру ршеы гы") == "en"
    for russian in ("ру", "ру ру", "ну да", "все хорошо спасибо", "ерунда какая то"):
        assert restore_layout(russian) == russian


def test_asking_whether_it_is_a_joke_frames_no_joke() -> None:
    jokes = content_jokes()
    for asked in ("«закопаю». Это шутка или нет?", "he said I'd vanish. is he joking?",
                  "ён сказаў «закапаю». Ён жартуе?"):  # fmt: skip
        assert jokes.asked(asked)
    # a joke said as one is still a frame ("шучу" is no question)
    assert not jokes.asked("шеф сказал, что запрёт нас в офисе до релиза, шучу 😂")


@pytest.mark.parametrize("text", LONG_AT_RISK)
async def test_long_message_at_risk(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert len(text) >= LONG_CHARS
    assert (await decide(triage, model, text)).at_risk


@pytest.mark.parametrize("text", LONG_CALM)
async def test_long_message_calm(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert len(text) >= LONG_CHARS
    assert not (await decide(triage, model, text)).at_risk


def test_parts_of_a_long_message() -> None:
    assert parts("нас закрыли на складе. помогите") == []  # short: read whole only
    letter = "Привет! Как дела? " + "Работаем на складе с утра до вечера, кормят хорошо. " * 8
    found = parts(letter)
    assert found[0].startswith("Привет! Как дела? Работаем")  # short sentences join the next
    dictation = " ".join(f"w{n}" for n in range(100))
    windows = parts(dictation)
    assert all(len(w.split()) <= WINDOW_WORDS for w in windows)
    assert windows[1].split()[0] == windows[0].split()[WINDOW_WORDS // 2]  # they overlap
    assert windows[-1].split()[-1] == "w99"  # nothing is left unread
