"""Each red-flag kind in the many ways people write it, and the honest sentences next to it.

Issue 15 item 1: the first held-out ads showed the rules knew one wording per kind ("a deposit
of 300 EUR", "closing on Friday", "take it out of your first pay" were missed). These cases are
wording families (synonyms, inflections, word order, relative dates, quotas, who pays,
Belarusian ў, transliteration), each with hard negatives that must stay quiet. None of these
sentences is in tests/data.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, AdReport

RAISES: dict[str, list[str]] = {
    "fees": [
        "За приглашение и страховку — 180 долларов.",
        "Чтобы закрепить вакансию, переведите 90 евро координатору.",
        "Бронь места в автобусе — 30 евро, скидывайте на карту.",
        "Медкнижка за ваш счёт, 70 евро.",
        "После оплаты высылаем приглашение.",
        "Оформление визы стоит 200 евро.",
        "Кандидат сам оплачивает услуги агентства.",
        "Каб трапіць у спіс, трэба ўнесці 50 еўра.",
        "Паслугі агенцтва аплачвае кандыдат.",
        "A deposit of 250 EUR secures your job.",
        "Hold your place with a 100 USD payment.",
        "The invitation letter costs 90 USD.",
        "Paperwork is paid by the candidate.",
        "We charge a small commission of 150 GBP.",
        "Oplata za oformlenie vizy 120 evro.",
        "Certificate of sponsorship costs 2,500 GBP, paid by you before we apply.",
        "Оформление документов — 200 евро, оплачивает работник.",
        "Перевод 150 евро координатору до выезда.",
        "Кошт запрашэння 90 еўра, аплачвае кандыдат.",
        "Стоимость визы 100 евро, её оплачиваете вы.",
    ],
    "too_good": [
        "Никаких навыков не нужно, платим достойно!",
        "Знание языка не требуется, огромные заработки.",
        "Сборщики на склад, 230 евро в день.",
        "Ніякага вопыту не трэба, плацім добра.",
        "No skills needed, we pay very well.",
        "Cleaners, 320 USD a day.",
        "Bez opyta, vysokaya zarplata.",
        "Упаковка на складе, 3300 евро на руки, опыт не требуется.",
        "Прыбіральшчыкі ў гатэль, 3200€ штомесяц, вопыт не патрэбны.",
        "Уборка домов, 14 000 ₪ в месяц, без опыта.",
        "Kitchen helpers, no experience, $3,400 a month.",
        "Bez opyta, 16 000 zl v mesyac.",
        "Фасовщики, ЗП ОТ 3500$!!! Опыт НЕ НУЖЕН.",
    ],
    "rush": [
        "Набор закрываем в четверг!",
        "Заявки принимаем только до пятницы.",
        "Свободных мест осталось два, поторопитесь.",
        "Едем на завод уже в эту субботу.",
        "Места быстро заканчиваются.",
        "Прыём заявак да заўтра!",
        "Засталося ўсяго дзве месцы.",
        "Only three seats left on Monday's bus!",
        "Applications close this Wednesday.",
        "Offer valid until tomorrow only.",
        "Ostalos 3 mesta, toropites!",
        "Группа собирается до 10 числа, успевай!",
        "Адпраўка ў панядзелак, месцаў засталося мала!",
        "Only a handful of certificates left this month.",
        "Набор заканчваецца праз два дні!",
        "Book now before it's too late.",
        "Предложение действует 48 часов, потом место отдаём следующему.",
        "Рашайце хутка — заўтра месца аддадзім іншаму!",
        "Answer by tonight, otherwise the place goes to the next person.",
        "Толькі на гэтым тыдні! Праца ў Чэхіі.",
        "Ждём ответа до полуночи.",
        "Sign up within 24 hours to keep your place.",
        "Решение и оплату по договору ждём сегодня до 20:00.",
        "Список закрываем завтра, места уйдут другим.",
        "Мест осталось всего четыре!",
        "Спіс закрываем заўтра, месцы пойдуць іншым.",
        "Рашэнне і перадаплату трэба даць сёння.",
        "Месцаў засталося толькі тры!",
        "The list closes tomorrow and the spots go to other applicants.",
        "Vyezd v sredu, mest ostalos 2.",
        "Vyezd uzhe zavtra, zvonite!",
    ],
    "papers_later": [
        "Разрешение на работу сделаем после прибытия.",
        "Документы оформим по факту приезда.",
        "Едете по гостевой, на месте переделаем на рабочую.",
        "О документах не переживайте.",
        "Пра паперы не турбуйцеся, усё зробім пасля прыезду.",
        "Don't worry about the paperwork.",
        "Everything is arranged once you arrive.",
        "The work permit follows a few weeks after you start.",
        "Dokumenty oformim na meste.",
        "Визу не делаем, приедешь — там разберёмся с бумагами.",
        "Your status gets regularised after a couple of months on the farm.",
        "Your work permit will be processed once you are in Croatia.",
        "Рабочие документы вам сделают через полгода.",
        "Разрешение на работу не нужно сразу, сделаем в течение месяца работы.",
        "The legal side is handled in the background while you work.",
        "Всё сделаем уже в Германии.",
        "Work visas are sorted out after you land.",
        "Разрешение на работу донесём через месяц после приезда.",
        "Дазвол на працу дашлём пазней, калі ўжо будзеце працаваць.",
        "We'll sort out your papers there, no stress.",
        "Your labour card is issued once you've started at the site.",
        "The employment pass comes later, when you have settled in.",
    ],
    "travel_on_credit": [
        "Проезд организуем сами, стоимость дороги вычтем из первой зарплаты.",
        "Вычтем из зарплаты стоимость билета.",
        "Авиабилет оплачивает работодатель с последующим удержанием.",
        "Квіток набываем мы, яго кошт утрымаем з першага заробку.",
        "We buy your bus ticket and take it out of your first pay.",
        "Your flight comes out of your wages.",
        "Bilet pokupaem my, potom vychtem iz zarplaty.",
        "Билет тебе купим, отдашь с зарплаты.",
        "Дарогу дае фірма, потым аддасце з заробку.",
        "Tickets are provided and repaid in instalments from your salary.",
        "The company fronts the cost of your trip and recovers it from your pay.",
        "Дорогу берёт на себя агентство, её стоимость возмещаете из первых двух зарплат.",
        "Білет вам купім у крэдыт, разлічыцеся з першай зарплаты.",
        "We pay the airfare up front and take it back from your paychecks.",
        "Авиабилет и общежитие оплачивает агентство, потом всё это вычитается из зарплаты.",
        "Дорогу и жильё на первый месяц берём на себя, вы потом покроете из заработков.",
        "Квіткі і інтэрнат за наш кошт, потым вылічваем з заробку.",
        "Пералёт і пакой аплачвае фірма, потым вяртаеш з першых заробкаў.",
        "Bus fare and your room are advanced by the agency and then taken out of your first"
        " two pay packets.",
        "Your flight and housing are covered up front and recovered against your next wages.",
        "Perelet i kvartiru oplachivaem, potom zakroete iz pervyh zarabotkov.",
    ],
    "passport_handover": [
        "Работодатель заберёт паспорта на время сезона.",
        "The company will collect your passport on arrival.",
        "Гаспадар забірае пашпарты на ўвесь сезон.",
        "Паспорта на сезон в сейфе у руководства.",
        "Your passport stays at the hotel office for the whole contract.",
        "Документы на время работы хранятся у работодателя.",
        "Bring your passport; the farmer keeps it for the season.",
        "On arrival the supervisor will look after your passport.",
        "Паспорт заберём на границе.",
        "Our landlord holds the passports of all tenants until they move out.",
        "The site manager keeps your original passport in his office.",
        "Бригадир держит ваши паспорта до расчёта.",
        "Майстар трымае вашыя пашпарты да канца сезона.",
    ],
    "vague_looks": ["Симпатичные девочки 18-23 для работы в баре, стройная фигура."],
    "wrong_visa": [
        "Въезд по визе B1/B2, дальше устраиваем на работу.",
        "Come to Britain as a tourist and start working.",
        "Едем в Германию по гостевому приглашению.",
        "Kitchen staff for Dubai on a visit visa.",
        "Работа в Чехии по визе для обучения языку.",
        "Польшча, склад. Едзеце па турыстычнай.",
        "Travel to Canada on an eTA as a tourist.",
        "Едзеце па турыстычнай візе, афармленне не патрэбна.",
    ],
    "messenger_only": ["Реквизиты в личке.", "DM for details."],
}

# Honest sentences next to each kind (the hard negatives of issue 15).
QUIET: dict[str, list[str]] = {
    "fees": [
        "Работодатель оплачивает взнос за разрешение на работу.",
        "Страховые взносы платит работодатель.",
        "Мы не берём денег с кандидатов.",
        "Зарплата переводится на карту каждую неделю.",
        # "плат" inside the salary word, next to a visa or the documents: not a fee.
        "Зарплата 1800 евро, визу и разрешение на работу оформляет работодатель бесплатно.",
        "Zarplata 1800 evro, viza turisticheskaya.",
        "Зарплата 1500 еўра, візу і дакументы афармляе працадаўца.",
        "Зарплату координатору отдавать не нужно: её платит работодатель на карту.",
        "Кандидатам оплачиваем проезд.",
        "Працадаўца аплачвае ўзнос за дазвол на працу.",
        "No fees charged to candidates.",
        "The employer pays the permit fee.",
        "The permit fee is paid by the employer.",
        "We charge employers, never workers. Candidates pay nothing.",
        "Оплата за проживание 80 евро в неделю.",
        "Стоимость визы возмещается с первой зарплатой.",
        "The visa fee is refunded with your first wage.",
        "Стоимость визы и медицинской страховки покрывает отель.",
        "Разрешение на работу получаем мы, его стоимость оплачивает ферма.",
        "Кошт дазволу на працу і страхоўкі аплачвае завод, з заробку нічога не ўтрымліваецца.",
        "The hotel covers the visa fee and the insurance.",
        "Договор с переводом на белорусский язык подписываете перед отъездом.",
    ],
    "too_good": [
        "Высокая зарплата, опыт от 3 лет.",
        "Senior developer, 5+ years of experience, 7000 EUR a month.",
        "Software engineer for a factory automation firm, 6+ years of experience, 6500 EUR.",
        "Хорошая зарплата 1500 евро, склад.",
        "Склад, 2400 евро брутто в месяц, опыт не нужен.",
        "Инженер-конструктор, опыт от 5 лет, 3500 евро.",
        "Nurse, 3 years of experience, 3600 EUR gross a month.",
        "Зборшчыкі на завод, 1400 € на рукі, вопыт не патрэбны.",
    ],
    "rush": [
        "Приём заявок до 15 марта, начало работы 1 мая.",
        "Applications close on 31 January; the season starts on 1 April.",
        "Срочно требуются сборщики.",
        "График с понедельника до пятницы.",
        "Apply now through our website.",
        "Sign up within two weeks for the autumn season.",
        "Набор на сезон открыт до 1 апреля, выезд группами с 1 мая.",
        "Оплата каждую неделю, аванс сразу после первой смены.",
        "Ответ на заявку даём сразу после собеседования.",
        "Решение о найме сообщаем в течение двух недель.",
        "Мест в общежитии хватает на всех.",
        "Вы можаце падаць заяўку да 1 сакавіка, адказ дамо за тыдзень.",
    ],
    "papers_later": [
        "Разрешение на работу — до выезда, карту побыту оформляем на месте.",
        "Помогаем с оформлением разрешения на работу до выезда.",
        "Work permit arranged before arrival at our cost.",
        "The labour card is issued before you travel.",
        "Разрешение на работу донесём до выезда курьером.",
    ],
    "travel_on_credit": [
        "Проезд компенсируется работодателем.",
        "Билет оплачивает работодатель, из зарплаты не вычитается.",
        "Жильё 250 евро в месяц удерживается из зарплаты, дорога за свой счёт.",
        "The ticket cost is not deducted from your pay.",
        "Travel costs are reimbursed after your first month.",
        "Flights paid by the employer; nothing is deducted from your wages.",
        "Жильё и питание вычитаются из зарплаты.",
        "Обратный билет компенсирует ферма.",
        "Стоимость билета возмещается после первого месяца.",
        "The employer books and pays your flight; you do not pay it back.",
        "Дорогу оплачивает работодатель, жильё вычитается из зарплаты.",
        "Квіток аплачвае працадаўца, жыллё ўтрымліваецца з заробку.",
        "Flights are on us, accommodation is deducted from your wages.",
        "Дорога за свой счёт, жильё и питание удерживаются из зарплаты.",
    ],
    "passport_handover": [
        "Паспорт остаётся у Вас.",
        "You keep your passport at all times.",
        "Пашпарт заўсёды застаецца ў Вас.",
        "Паспорт хранится у Вас.",
        "Мы делаем копию паспорта и храним её в деле.",
        "We take a copy of your passport for the contract.",
        "Нужен действующий паспорт, мы сделаем копию.",
        "Keep your passport and contract with you.",
        "Take your passport with you to the interview.",
        "Паспорт сдаёте в визовый центр, виза D готова через две недели.",
        "You hand in your passport at the embassy for the work visa.",
        "Документы на визу готовит работодатель, оригиналы всегда у Вас.",
        "Everyone keeps their own passport.",
        "Keep your passport in a safe place.",
        "Nobody holds your passport but you.",
        "Держите паспорт при себе.",
    ],
    "vague_looks": ["Официанты — девушки и парни от 18 лет, обучение."],
    "wrong_visa": [
        "Belarusian citizens need no work permit in Russia under the EAEU treaty.",
        "Гражданам Беларуси разрешение на работу в России не требуется (Договор о ЕАЭС).",
        "Оформляем национальную рабочую визу D.",
        "Шенгенская виза для сезонной работы оформляется до выезда.",
    ],
    "messenger_only": [
        "ООО «СтройСклад», Гомель, ул. Советская, 1. Телеграм: @stroysklad_hr",
        "Nordic Hotels Ltd, 12 Harbour Street, Tromsø. Telegram: @nordic_hr",
    ],
}


# Kinds the heldout4 ads (issue 15, 90 ads by someone who saw nothing) showed the rules did
# not know, each in wordings written here and not taken from any ad in tests/data: a visa
# mentioned lawfully, costs the employer carries, a job for girls and boys alike, fees said
# indirectly, pay far above normal per hour, in thousands or in transliteration, and a
# recruiter with only a phone number and a first name.
RAISES_HELDOUT4_KINDS: dict[str, list[str]] = {
    "fees": [
        "Участники вносят вклад в организацию поездки: взнос 200 евро до выезда.",
        "Обязательный платный курс подготовки перед трудоустройством — 350 евро.",
        "Стоимость обучения и посредничества — 600 долларов.",
        "Медосмотр и страховка через нашего партнёра — 90 €, оплачивается при подписании договора.",
        "Кошт курса і пасрэдніцтва — 700 еўра.",
        "Every candidate makes a contribution of 300 EUR towards the recruitment.",
        "Чтобы держать место в общежитии, нужен залог 120 злотых.",
        "Course fee before hiring: 450 EUR.",
        "A deposit towards your placement of 150 GBP is paid on signing.",
    ],
    "too_good": [
        "Горничные в отель, 25 € в час, опыт не нужен.",
        "Курьеры без опыта, 180 евро в день.",
        "Упаковщики, 3k € в месяц, без опыта.",
        "Разнорабочие, 2,8 тыс. евро на руки, опыт не требуется.",
        "Без опыта, zp ot 2600 evro v mesyac.",
        "Cleaners, no previous cleaning experience, £3,000–£3,500 per month.",
        "Warehouse pickers, no experience, 2700 EUR netto a month.",
        "Прыбіральшчыцы, 24 еўра ў гадзіну, вопыт не патрэбны.",
    ],
    "papers_later": [
        "You fly in, start at once, and we get you registered later when you are settled.",
        "Come on a visitor visa; the boss switches you over to a work permit"
        " from inside the country.",
    ],
    "rush": [
        "Группа едет во вторник, кто не успел — тот опоздал.",
        "Следующий набор только осенью, решайте сейчас.",
    ],
    "wrong_visa": [
        "No permit needed: you come in visa-free like tourists and go straight to the packing"
        " hall.",
        "You enter visa-free and work from the first day.",
    ],
    "vague_looks": [
        "Промо-модели на выставку, девушки до 24, ухоженные.",
        "Девушки в клуб, без тату, фото в купальнике.",
    ],
    "messenger_only": [
        "Выезд в воскресенье, звоните +375 00 000-00-00 Игорь",
        "Packing jobs, call +48 000 000 000, Tomas",
        # a company's name alone, with no address, registration or site, cannot be checked
        "Агентство «Example Stars». Пишите в Telegram @stars_hr_test",
        "Example Recruitment Ltd, details on WhatsApp only.",
    ],
}

# Honest sentences and short ads next to each kind; none may raise it.
QUIET_HELDOUT4_KINDS: dict[str, list[str]] = {
    "wrong_visa": [
        "Учитесь очно по студенческой визе; по закону студентам разрешено работать 20 часов в"
        " неделю.",
        "Студэнцкая віза дазваляе законна працаваць да 20 гадзін у тыдзень.",
        "A Student visa lets you work up to 20 hours a week in term time.",
        "По туристической визе мы никого не везём — работать по ней незаконно.",
        "We never send anyone on a tourist visa: working on it is illegal.",
    ],
    "fees": [
        "Разрешение на работу и страховку делаем до выезда, за свой счёт.",
        "Працоўную візу афармляем да выезду, за свой кошт.",
        "AED 3,500 + service charge; the work visa is paid by the hotel.",
        "The medical check is paid by the clinic before you travel.",
    ],
    "travel_on_credit": [
        "The employer pays your airfare; by law none of it can be recovered from your wages.",
        "Авиабилет за счёт работодателя, никаких удержаний из зарплаты.",
        "Квіток за кошт працадаўцы, ніякіх вылічэнняў з заробку.",
    ],
    "papers_later": [
        "Дакументы на працу аформім да выезду.",
        "Документы на работу оформим до выезда.",
        "Your work permit is issued before you travel.",
    ],
    "vague_looks": [
        "Программа au pair для девушек и парней 18–30 лет, которые любят детей.",
        "Праграма au pair для дзяўчат і хлопцаў 18–30 гадоў.",
        "Au pair in Belgium for girls and boys aged 18-29, a host family with two children.",
    ],
    "messenger_only": [
        "Пишите в Viber +370 000 00000 или приходите на собеседование по адресу: Вильнюс, ул."
        " Примерная 5.",
        "Пішыце ў Viber або прыходзьце на сумоўе ў наш аддзел кадраў па адрасе Мінск, вул."
        " Прыкладная 3.",
        "Example Praca s.r.o., IČO 00000000, Praha. Звоните +420 000 000 000, Ирина",
        "UAB Example, Vilnius, Pavyzdžio g. 3. Telegram @example_hr_test",
        "Пишите в телеграм или звоните в офис: Минск, ул. Примерная 1.",
    ],
    "too_good": [
        "Горничные в отель, 14 € в час, опыт не нужен.",
        "Упаковщики, 2,2 тыс. евро брутто в месяц, без опыта.",
        "Senior engineer, 7+ years of experience, 6k EUR a month.",
    ],
}

@pytest.fixture
def checker(content_holder: ContentHolder) -> AdChecker:
    rules = content_holder.content.ad_check
    assert rules is not None
    return AdChecker(rules)


def _ids(report: AdReport) -> set[str]:
    return {found.rule.id for found in report.flags}


@pytest.mark.parametrize(
    ("flag", "text"), [
        (flag, text)
        for table in (RAISES, RAISES_HELDOUT4_KINDS)
        for flag, texts in table.items()
        for text in texts
    ]
)
def test_each_wording_of_a_kind_raises_it_and_points_at_its_words(
    checker: AdChecker, flag: str, text: str
) -> None:
    report = checker.check(text)
    assert flag in _ids(report)
    [found] = [f for f in report.flags if f.rule.id == flag]
    assert all(text[s.start : s.end].strip() for s in found.spans)


@pytest.mark.parametrize(
    ("flag", "text"), [
        (flag, text)
        for table in (QUIET, QUIET_HELDOUT4_KINDS)
        for flag, texts in table.items()
        for text in texts
    ]
)
def test_honest_sentence_next_to_a_kind_stays_quiet(
    checker: AdChecker, flag: str, text: str
) -> None:
    assert flag not in _ids(checker.check(text))


def test_a_transliterated_ad_quotes_its_own_latin_words(checker: AdChecker) -> None:
    text = "Rabota v Polshe. Registracionnyj vznos 70 evro. Ostalos 2 mesta!"
    report = checker.check(text)
    quoted = {f.rule.id: [text[s.start : s.end] for s in f.spans] for f in report.flags}
    assert any("vznos" in words for words in quoted["fees"])
    assert any("Ostalos" in words for words in quoted["rush"])


def test_no_experience_high_pay_and_a_figure_far_above_are_one_flag(
    checker: AdChecker,
) -> None:
    # rf-too-good: words ("high pay" + "no experience") and a figure are one red flag, shown
    # and weighed once.
    report = checker.check("Опыт не нужен, высокая зарплата: 5000 евро в месяц на складе.")
    assert [f.rule.id for f in report.flags] == ["too_good"]
    assert report.score == report.flags[0].rule.weight
