"""Ukrainian easy-read rules: sentences, syllables, the FOG-UK limit calibrated on our own texts, and the rules
ER-03, ER-04, ER-06 and ER-07 on sentences that break them."""

from __future__ import annotations

import pytest

from guide.data.text import original
from guide.language.uk import readability
from guide.data.dataset import load_guide
from guide.language import easy_texts as every_easy_text, written_in
from guide.language.uk.readability import (MAX_FOG, _texts, check_text, display_name, expand_name, fog_uk, sentences,
                                           syllables, words)
from conftest import WROCLAW

# The calibration corpus: easy-read sentences as the easy-read edition and the data's easy-read texts say them…
EASY = [
    "Цей путівник описує важливі місця.", "Він каже, як до них дійти.", "Він каже також, що є всередині.",
    "Тут ви можете отримати допомогу.", "Працівник допоможе вам заповнити заяву.", "Візьміть із собою паспорт.",
    "Вийдіть з трамвая на зупинці.", "Ідіть прямо приблизно 40 метрів.", "Поверніть ліворуч.",
    "Перейдіть вулицю.", "На переході є світлофор.", "Світлофор має звуковий сигнал.", "Ви на місці.",
    "Це головний вхід.", "Біля дверей є дзвінок.", "Двері відчиняються самі.", "Є пандус.",
    "Офіс на 3 поверсі.", "Підніміться ліфтом.", "Ідіть до кабінету 22.", "Є туалет для людей на візку.",
    "Можна зайти із собакою-поводирем.", "Подзвоніть перед візитом.", "Працівник вийде до вас до входу.",
    "З понеділка до п'ятниці: з 8:00 до 15:00.", "У суботу і неділю: зачинено.", "Ми не знаємо цього напевно.",
    "Тут сходи: 3 сходинки.", "Зробіть кілька кроків прямо.", "Пандус надто крутий.",
]
# … and standard sentences as the standard edition and the data's descriptions say them.
STANDARD = [
    "Міський центр соціальної допомоги надає консультації з питань житла, працевлаштування та соціальних виплат.",
    "Для кожної групи людей ми описуємо маршрут від найближчих зупинок до входу, який їй найкраще підходить.",
    "Якщо кілька груп мають той самий маршрут, ми описуємо його один раз і вказуємо, для кого він.",
    "Розташування будівель і характеристики тротуарів приблизні, доки їх не виміряють на місці.",
    "Маршрут залежить від даних, яких ще ніхто не перевірив: ширина вхідних дверей і нахил пандуса.",
    "Біля кожної інформації про доступність ми вказуємо її джерело та дату перевірки на місці.",
    "Поверніть ліворуч і пройдіть сорок метрів уздовж вулиці, де праворуч розташована зупинка трамвая.",
    "Доступний вхід розташований з боку подвір'я, а головний вхід має сходи без поручнів і високий поріг.",
    "Працівник реєстратури може вийти до входу, якщо відвідувач попередить про свій візит заздалегідь.",
    "Запис створено синтезатором мовлення з тих самих даних, що й друковану та легку для читання версії.",
    "Ми надаємо інформацію про соціальні послуги, медичне обслуговування та освітні можливості для сімей.",
    "Відвідувачам із порушеннями зору рекомендуємо скористатися допомогою працівника біля головного входу.",
]


def test_syllables_are_vowel_letters():
    assert [syllables(w) for w in ("вхід", "Поверніть", "зателефонуйте", "п'ятниця", "їжа", "Strzegomska")] == [
        1, 3, 6, 3, 2, 0]


def test_the_limit_lies_between_the_easy_read_and_the_standard_texts():
    """The figures written in the module's docstring: the short corpus, and the Wrocław guide's Ukrainian easy-read
    texts (all below MAX_FOG) against its standard texts of 12 words or more (most above)."""
    easy_texts = [EASY[i:i + 3] for i in range(0, len(EASY), 3)]
    standard_texts = [STANDARD[i:i + 2] for i in range(0, len(STANDARD), 2)]
    figures = (fog_uk(EASY), max(fog_uk(t) for t in easy_texts), fog_uk(STANDARD),
               min(fog_uk(t) for t in standard_texts))
    assert tuple(round(f, 1) for f in figures) == (2.3, 5.6, 10.1, 7.2)
    assert not [f for t in easy_texts for f in check_text(" ".join(t)) if f.rule == "ER-07"]
    data = load_guide(WROCLAW)
    easy = sorted(fog_uk(sentences(text)) for text in (written_in(e.texts, "uk") for e in every_easy_text(data)) if text)
    standard = sorted(fog_uk(sentences(text)) for text in _texts(data, False) if len(words(text)) >= 12)
    assert (len(easy), round(easy[0], 1), round(easy[-1], 1)) == (66, 1.7, 7.6)
    assert (len(standard), round(standard[0], 1), round(standard[-1], 1)) == (22, 4.8, 18.1)
    assert easy[-1] < MAX_FOG and sum(f > MAX_FOG for f in standard) == 18


def test_sentences_do_not_end_at_an_abbreviation_or_inside_an_original_name():
    text = f"Ідіть уздовж вулиці Стшегомської ({original('ul. Strzegomska')}). Поверніть на вул. Шевченка. Готово!"
    assert sentences(text) == [f"Ідіть уздовж вулиці Стшегомської ({original('ul. Strzegomska')}).",
                               "Поверніть на вул. Шевченка.", "Готово!"]


@pytest.mark.parametrize("sentence, rule, words", [
    ("Якщо ви маєте запитання, подзвоніть нам.", "ER-03", "Якщо"),
    ("Офіс, який ви шукаєте, на 3 поверсі.", "ER-03", "який"),
    ("Ідіть на вул. Шевченка.", "ER-04", "вул."),
    ("Кабінет на II поверсі.", "ER-04", "II"),
    ("Пройдіть три метри.", "ER-04", "три"),
    ("Заяву буде розглянуто.", "ER-06", "розглянуто"),
    ("Пані може зателефонувати.", None, None),
    ("Тепер пані може подзвонити.", "ER-06", "пані"),
    ("Приходьте 12.05.2026.", "ER-04", "12.05.2026"),
    ("Вам потрібна ідентифікаційна картка.", "ER-06", "ідентифікаційна"),
])
def test_each_rule_finds_its_sentence(sentence, rule, words):
    found = check_text(sentence)
    if rule is None:
        assert not [f for f in found if f.rule == "ER-06" and "пані" in f.message.lower()]
        return
    assert any(f.rule == rule and words in f.message for f in found), found


def test_a_long_sentence_breaks_er_03():
    found = check_text("Ви можете прийти до нас у понеділок або у вівторок або в середу або в четвер "
                       "або в п'ятницю зранку чи ввечері.")
    assert any(f.rule == "ER-03" and "words in a sentence" in f.message for f in found)


def test_a_glossary_word_may_be_long():
    sentence = "Вам потрібна ідентифікаційна картка."
    stems = readability.glossary_stems(["ідентифікаційна картка"])
    assert not [f for f in check_text(sentence, glossary=stems) if f.rule == "ER-06"]


def test_names_keep_their_original_and_streets_get_their_cyrillic_name():
    assert display_name("PL. SOLIDARNOŚCI") == original("pl. Solidarności")
    assert expand_name("ul. Strzegomska") == f"вулиця Стшегомська ({original('ul. Strzegomska')})"
    assert expand_name("MOPS Filia Szczepin") == original("MOPS Filia Szczepin")
    assert display_name(original("kasy")) == original("kasy")
