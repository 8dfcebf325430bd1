"""Round 18 of issue 10 (tri18b), the false-alarm kinds of a new hidden set, each with its other
side: a real risk of the same shape is still caught. Wordings are ours (bot.nlu.calm_situations,
bot.nlu.story_frame).

1. A safety plan talked through before a trip: a code word or a check-in with family asked
   about, "what if my employer asks to keep my passport" from someone who has not left.
2. Devices and things: a locked phone, a cat and the passport, an escape room.
3. Fiction the writer writes: a screenplay, a story.
4. Idioms: "в долгу как в шелку", "trapped in Warsaw ... leave legally".
5. A harm that is over, reported from home (Belarusian and transliterated forms).
6. Long calm messages that quote others' stories ("not my case"), and a travel plan with its
   precautions.
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import table
from tests.nlu.test_triage_kinds17 import decide

CALM = {
    "safety_plan_before_a_trip": [
        (
            "Мы с родителями договорились: если я пришлю смайлик с цветком, значит у меня "
            "забрали документы. Нормальный план?"
        ),
        (
            "Калі я напішу \"блакітны\", значыць у мяне забралі пашпарт — так мы дамовіліся з "
            "братам. Што яшчэ прадумаць?"
        ),
        (
            "Before I go, my brother and I agreed that if I text \"blue\", it means they took my "
            "passport. Anything else I should plan?"
        ),
        (
            "Хочу договориться с мамой о кодовом слове: если я его напишу, значит меня держат "
            "силой. Это хорошая идея?"
        ),
        (
            'Мы с сестрой придумали стоп-слово перед поездкой: если напишу "купи молоко", значит '
            "меня удерживают. Что ещё стоит продумать?"
        ),
        (
            "Хачу дамовіцца з мамай пра кодавае слова: калі я яго напішу, значыць мяне трымаюць "
            "сілай. Гэта добрая ідэя?"
        ),
        (
            "Перад паездкай хочам з сям'ёй прыдумаць умоўны знак, калі мяне не выпускаюць. Як лепш "
            "дамовіцца?"
        ),
        (
            "I want to agree a code word with my family: if I send it, it means I'm being held by "
            "force. Is that a good idea?"
        ),
        (
            "Before my trip my sister and I want a secret phrase that means \"I'm locked in, call "
            'the police". How do people set this up?'
        ),
        (
            "khochu dogovoritsya s mamoy o kodovom slove, esli ya ego napishu znachit menya derzhat"
            " siloy, eto khoroshaya ideya?"
        ),
        (
            "Drug shutit: esli ne pozvonyu v voskresenye, znachit menya pokhitili 😄 a esli "
            "ser'ezno, kak dogovoritsya s rodnymi o svyazi?"
        ),
        (
            "Подруга шутит: если не позвоню в воскресенье, значит меня похитили 😄 "
            "А если серьёзно, как договориться с родными о связи?"
        ),
        (
            "Сябар жартуе: калі не пазваню ў нядзелю, значыць мяне выкралі 😄 А калі сур'ёзна, як "
            "дамовіцца з роднымі пра сувязь?"
        ),
        (
            "My friend jokes that if I don't call on Sunday I've been kidnapped 😄 "
            "seriously though, how should I agree with my relatives on check-ins?"
        ),
        (
            "Ничего плохого не случилось, я ещё даже не уехала. Что делать, если работодатель "
            "попросит отдать ему паспорт на хранение?"
        ),
        (
            "Нічога дрэннага не здарылася, я яшчэ нават не паехала. Што рабіць, калі наймальнік "
            "папросіць аддаць яму пашпарт на захоўванне?"
        ),
        (
            "Nothing bad has happened, I haven't even left yet. What should I do if my employer "
            "asks to keep my passport?"
        ),
        (
            "nichego plohogo ne sluchilos, ya eshche ne uehala. chto delat esli rabotodatel "
            "poprosit ostavit u nego pasport?"
        ),
    ],
    "devices_pets_games": [
        "phone screen locked after update, cant get out of it",
        "sobaka sgryzla moy pasport 😂 chto delat?",
        "Сабака пагрыз мой пашпарт 😂 што рабіць?",
        "Телефон заблокирован, не могу выйти с этого экрана, помогите",
        "Тэлефон заблакаваны, не магу выйсці з гэтага экрана, дапамажыце",
        "my phone is locked and I can't get out of this screen, help",
        "telefon zablokirovan, ne mogu vyiti s etogo ekrana, pomogite",
        "Кот схватил мой паспорт и спрятал под диван 😂 еле достала",
        "Кот схапіў мой пашпарт і схаваў пад канапу 😂 ледзь дастала",
        "my cat grabbed my passport and hid it under the sofa 😂",
        "kot utashchil moy pasport pod divan 😂 ele dostala",
        "Были в квесте, нас заперли в комнате на час, было классно!",
        "Былі ў квэст-пакоі, нас зачынілі на гадзіну, было класна!",
        "we did an escape room yesterday, they locked us in for an hour, it was great",
        "byli v kveste, nas zaperli na chas, bylo klassno",
    ],
    "fiction_the_writer_writes": [
        "Я пішу апавяданне пра хлопца, у якога забралі пашпарт на будоўлі. Якія дэталі дадаць?",
        (
            "writing a short story where the main character is locked in a basement by her "
            "employer, is that realistic?"
        ),
        (
            "Пишу сценарий короткометражки про девушку, которую держат в подвале. Как показать это "
            "реалистично?"
        ),
        (
            "Пішу сцэнар кароткаметражкі пра дзяўчыну, якую трымаюць у падвале. Як паказаць гэта "
            "рэалістычна?"
        ),
        (
            "I'm writing a screenplay for a short film about a girl held in a basement by "
            "traffickers. How do I show it realistically?"
        ),
        (
            "pishu stsenariy korotkometrazhki pro devushku kotoruyu derzhat v podvale, kak pokazat "
            "realistichno?"
        ),
        (
            "Пишу рассказ о женщине, у которой работодатель отобрал паспорт. Какие детали добавить,"
            " чтобы было правдоподобно?"
        ),
        (
            "I'm writing a novel where the heroine's passport is taken by a fake agency. What "
            "details would make it believable?"
        ),
    ],
    "idioms": [
        "Я в долгах как в шелках после свадьбы 😅",
        "В долгу как в шелку у друга за пиво 😂",
        "Я в доўгу як у шоўку ў сябра за піва 😂",
        "v dolgu kak v shelku u druga za pivo 😂",
        "I'm in debt up to my ears to a friend for beer 😂",
        "Я застряла в Варшаве лол, продление визы отказали, как уехать легально?",
        "Я затрымалася ў Варшаве, лол, падаўжэнне візы адмовілі, як з'ехаць легальна?",
        "I'm trapped in Warsaw lol, my visa extension was refused, how do I leave legally?",
        "ya zastryala v varshave lol, prodlenie vizy otkazali, kak uehat legalno?",
    ],
    "harm_reported_from_home_be_translit": [
        (
            "Летась у мяне забралі пашпарт на ферме, цяпер я дома, усё добра. Куды паскардзіцца"
            " на агенцтва?"
        ),
        "god nazad mne ne platili tri mesyaca, seychas ya doma, vse khorosho. gde pozhalovatsya?",
        "Як паведаміць пра агенцтва, якое падманула маю сяброўку? Яна ўжо дома.",
        (
            "Летась мяне не выпускалі з фермы, цяпер я дома і ўсё добра, хачу, каб іх пакаралі. "
            "Куды пісаць?"
        ),
        "У мінулым годзе ў мяне забралі пашпарт, цяпер усё нармальна, я дома. Куды заявіць?",
        "v proshlom godu u menya zabrali pasport, seichas vse normalno ya doma, kuda zayavit?",
        (
            "v proshlom godu menya ne vypuskali s fermy, seychas ya doma vse khorosho, khochu "
            "chtoby ikh nakazali, kuda pisat?"
        ),
        "kak pozhalovatsya na agentstvo kotoroe obmanulo moyu podrugu? ona uzhe doma",
        "letas' mianie nie vypuskali z fiermy, ciapier ja doma i usio dobra, kudy pisać?",
    ],
}

AT_RISK = {
    "a_code_word_after_the_harm": [
        "Меня держат силой, это наше кодовое слово: ромашка",
        "Мяне трымаюць сілай, гэта наша кодавае слова",
        "I'm being held, this is our code word: sunflower",
        "menya derzhat siloy, eto nashe kodovoe slovo",
        "Вчера забрали паспорт, мы с мамой договаривались: если что, я пишу сюда",
    ],
    "documents_taken": [
        "вчера у меня забрали паспорт и не отдают",
        "they took my passport yesterday",
        "учора забралі пашпарт і не аддаюць",
        "vchera zabrali pasport i ne otdayut",
    ],
    "a_person_locked_with_the_phone_or_the_cat": [
        "Хозяин заблокировал мне телефон и запер нас на складе",
        "the boss locked my phone and locked us in the barn",
        "Кот дома, а паспорт забрал хозяин и не отдаёт",
        "the landlord took my passport, the cat is fine",
    ],
    "a_debt_idiom_with_coercion": [
        "В долгу как в шелку, хозяин не отпускает, пока не отработаю",
        "v dolgu kak v shelku, khozyain ne otpuskaet poka ne otrabotayu",
        "У доўгу як у шоўку, гаспадар не адпускае, пакуль не адпрацую",
    ],
    "trapped_and_held": [
        "I'm trapped, the boss took my visa and passport, how do I leave legally?",
        "I'm trapped in the house, they won't let me leave, my visa expired",
    ],
    "home_but_it_goes_on": [
        "I'm home but they still have my passport and threaten my family",
    ],
    "a_cry_or_a_boss_named": [
        "HELP ME PLEASE IM LOCKED IN A ROOM THEY TOOK MY PHONE",
        "I'm locked in a room, they locked my phone",
        "мне заблокировали телефон, меня заперли в комнате",
        "sobaka ohrannika ne vypuskaet nas iz baraka",
        "У меня долг перед агентством, как в шелку, не отпускают домой пока не отработаю",
        "пишу вам, потому что у меня забрали паспорт, помогите",
        "Мы на квесте работаем, начальник запер нас и не платит",
        "Квэст-пакой закрыты, а гаспадар забраў пашпарты",
        "pomogite, menya zaperli na sklade, telefon zablokirovali",
    ],
    # lead, held-out set 16 at first sight: a threat quoted, then "it is no joke any more" (a
    # negated joke word is no joke frame: content/triage_words.yaml joke_frame.cry_phrases)
    "threat_then_no_joke": [
        "мне написали: «если не выйдешь завтра на смену, найдём твою маму». Это уже не шутки.",
        "Мне напісалі: «калі не выйдзеш на змену, знойдзем тваю маму». Гэта ўжо не жарты.",
        "napisali: «esli ne vyjdesh, najdem tvoyu sestru». eto uzhe ne shutki",
    ],
    # lead, after the merge (held-out set 14, a line typed on a Cyrillic layout): a phone
    # taken and a door locked is a person shut in, not a locked screen
    "phone_taken_door_locked": [
        "they took my phone and locked the door",
        "ерун ещщл ьн зрщту фтв дщслув еру вщщк",
        "забрали телефон и закрыли дверь",
        "забралі тэлефон і зачынілі дзверы",
        "zabrali telefon i zakryli dver",
        "my phone was taken, they locked the room",
    ],
}

LONG_CALM = [
    (
        "Добрый день! Я собираюсь на сезонную работу в Польшу, на ферму под Люблином. Перед "
        "отъездом я начиталась страшных историй: про общежития, которые запирают на ночь, про "
        "паспорта, которые забирают «на хранение», про долги за дорогу, которые потом невозможно "
        "отдать. Это не мой случай, у меня всё нормально, агентство лицензированное, я проверила "
        "его в реестре. Но в договоре есть пункт о возврате денег за обучение: если я уйду раньше "
        "трёх месяцев, я должна вернуть 800 злотых. Скажите, пожалуйста, это законно? И можно ли "
        "такой пункт оспорить? Заранее спасибо за ответ."
    ),
    (
        "Добры дзень! Я збіраюся на сезонную працу ў Літву праз ліцэнзаванае агенцтва. Перад "
        "ад'ездам я начыталася жахлівых гісторый пра інтэрнаты, якія зачыняюць на ноч, пра "
        "пашпарты, якія забіраюць «на захоўванне», пра даўгі за дарогу. Гэта не мой выпадак, у мяне"
        " ўсё добра. Але ў дамове ёсць пункт пра вяртанне грошай за навучанне, калі я сыду раней за"
        " тры месяцы. Скажыце, калі ласка, ці гэта законна і ці можна такі пункт аспрэчыць? Дзякуй!"
    ),
    (
        "Hello! I'm going to Poland next month for seasonal work through a licensed agency, I "
        "checked it in the register. Before leaving I read a lot of horror stories about locked "
        'dorms, passports taken "for safekeeping", and debts for the journey that can never be '
        "repaid. That's not my case, everything is fine with me. But my contract has a repayment "
        "clause: if I leave before three months I must pay back 800 zloty for training. Is that "
        "legal? Can I challenge such a clause? Thank you in advance."
    ),
    (
        "Dobryj den! Ya sobirayus na sezonnuyu rabotu v Pol'shu cherez licenzirovannoe agentstvo, "
        "proverila ego v reestre. Pered ot'ezdom nachitalas strashnyh istoriy pro obshchezhitiya, "
        "kotorye zapirayut na noch, pro pasporta kotorye zabirayut na hranenie, pro dolgi za "
        "dorogu. Eto ne moy sluchay, u menya vse normalno. No v dogovore est punkt o vozvrate deneg"
        " za obuchenie, esli uydu ran'she treh mesyacev. Eto zakonno? Spasibo!"
    ),
    (
        "Здравствуйте! Еду в Чехию через лицензированное агентство, договор подписан, страховка "
        "есть. Мы с семьёй всё продумали: я каждый вечер пишу маме, копии паспорта и договора "
        "оставила дома, телефон посольства записала, паспорт никому не отдаю, даже на хранение. "
        "Если что-то пойдёт не так, у нас есть кодовое слово. Подскажите, что ещё стоит сделать "
        "перед поездкой, чтобы быть в безопасности? Может, есть какой-то список?"
    ),
    (
        "Hi! I'm travelling to the Netherlands through a licensed agency, the contract is signed "
        "and I have insurance. My family and I planned everything: I'll message my mum every "
        "evening, I left copies of my passport and contract at home, I wrote down the embassy's "
        "phone number, and I won't give my passport to anyone, not even for safekeeping. If "
        "something goes wrong and they lock me in or take my documents, we have a code word. What "
        "else should I do before the trip to stay safe?"
    ),
]

LONG_AT_RISK = [
    (
        "Добрый день! Я сейчас на ферме в Польше. Перед отъездом я читала страшные истории про "
        "общежития и паспорта, думала, со мной такого не будет. Но вчера бригадир забрал у всех "
        "паспорта и сказал, что отдаст только в конце сезона, а общежитие на ночь запирают. Что мне"
        " делать?"
    ),
    (
        "Hi, I'm writing from a farm in Poland. Before I came I read horror stories about locked "
        "dorms and passports taken and thought that wouldn't be my case. But now it is: yesterday "
        "the supervisor took everyone's passports and they lock the dorm at night. What do I do?"
    ),
]


@pytest.mark.parametrize(("kind", "text"), table(CALM))
async def test_calm(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(AT_RISK))
async def test_at_risk(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize("text", LONG_CALM)
async def test_long_calm(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert not (await decide(triage, model, text)).at_risk


@pytest.mark.parametrize("text", LONG_AT_RISK)
async def test_long_at_risk(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert (await decide(triage, model, text)).at_risk
