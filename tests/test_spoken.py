"""Polish normalisation for speech (AU-02): written form -> what the listener hears, case by case."""

import pytest

from guide.language.pl.spoken import ordinal, spoken

CASES = [
    # phone numbers, read in groups
    ("Telefon: 71 78 22 300.", "Telefon: siedemdziesiąt jeden, siedemdziesiąt osiem, dwadzieścia dwa, trzysta."),
    ("71 784 96 06", "siedemdziesiąt jeden, siedemset osiemdziesiąt cztery, dziewięćdziesiąt sześć, zero sześć"),
    ("+48 71 782 23 00", "plus czterdzieści osiem, siedemdziesiąt jeden, siedemset osiemdziesiąt dwa, dwadzieścia trzy, "
                         "zero zero"),
    ("tel. 713 456 789", "telefon siedemset trzynaście, czterysta pięćdziesiąt sześć, siedemset osiemdziesiąt dziewięć"),
    ("Telefon: 717 822 300.", "Telefon: siedemset siedemnaście, osiemset dwadzieścia dwa, trzysta."),
    # Roman numerals agreeing with the noun after them; a stop's post number; a level below ground
    ("Muzeum II Wojny Światowej", "Muzeum Drugiej Wojny Światowej"),
    ("po II wojnie", "po drugiej wojnie"),
    ("Mickiewicza 01 do budynku", "Mickiewicza zero jeden do budynku"),
    ("na poziomie -3", "na poziomie minus trzy"),
    ("Dzwonek na wysokości 90 cm.", "Dzwonek na wysokości dziewięćdziesięciu centymetrów."),
    # decimals, with a comma or a point
    ("około 2,5 minuty", "około dwa przecinek pięć minuty"),
    ("Wersja 1.5.", "Wersja jeden kropka pięć."),
    ("od 12.05.2024", "od dwunastego maja dwa tysiące dwudziestego czwartego roku"),
    ("Kod 50-001 Gdańsk", "Kod pięćdziesiąt, zero zero jeden Gdańsk"),
    # times
    ("7:30", "siódma trzydzieści"),
    ("Od 7:30 do 15:30.", "Od siódmej trzydzieści do piętnastej trzydzieści."),
    ("Kasa: 8.00–15.00.", "Kasa: od ósmej do piętnastej."),
    ("czynne 7:30–15:30", "czynne od siódmej trzydzieści do piętnastej trzydzieści"),
    ("Przyjdź o 10:00.", "Przyjdź o dziesiątej."),
    ("przed 8:05", "przed ósmą zero pięć"),
    ("do 21:00", "do dwudziestej pierwszej"),
    ("poniedziałek–piątek 7:30–19:00", "od poniedziałku do piątku od siódmej trzydzieści do dziewiętnastej"),
    # house numbers, postcodes
    ("ul. Oficerska 9A", "ulica Oficerska dziewięć a"),
    ("Braniborska 6/8", "Braniborska sześć łamane przez osiem"),
    ("pl. Solidarności 1/3/5", "plac Solidarności jeden łamane przez trzy łamane przez pięć"),
    ("Swobodna 8a", "Swobodna osiem a"),
    ("53-611 Wrocław", "pięćdziesiąt trzy, sześćset jedenaście Wrocław"),
    # floors and Roman numerals
    ("III piętro", "trzecie piętro"),
    ("na II piętrze", "na drugim piętrze"),
    ("z IV piętra", "z czwartego piętra"),
    ("Wejdź na 1. piętro.", "Wejdź na pierwsze piętro."),
    ("im. Jana Pawła II", "imienia Jana Pawła Drugiego"),
    # abbreviations, in the case their preposition asks for
    ("Adres: ul. Strzegomska 6", "Adres: ulica Strzegomska sześć"),
    ("przy ul. Strzegomskiej", "przy ulicy Strzegomskiej"),
    ("z pl. św. Macieja", "z placu Świętego Macieja"),
    ("przed al. Hallera", "przed aleją Hallera"),
    ("przez pl. Legionów", "przez plac Legionów"),
    ("pok. 22, np. kasa, m.in. zasiłki", "pokój dwadzieścia dwa, na przykład kasa, między innymi zasiłki"),
    ("ok. 5 min", "około pięciu minut"),
    ("około 2 minut", "około dwóch minut"),
    ("około 1 minuty", "około jednej minuty"),
    ("Na trasie: 1 przejście przez jezdnię, 2 skręty.", "Na trasie: jedno przejście przez jezdnię, dwa skręty."),
    ("22 minuty", "dwadzieścia dwie minuty"),
    ("Za 5 metrów skręć w lewo.", "Za pięć metrów skręć w lewo."),
    ("Przejdź przez ul. Nowowiejska.", "Przejdź przez ulicę Nowowiejską."),
    ("przez pl. Solidarności", "przez plac Solidarności"),
    ("nr 12", "numer dwanaście"),
    # numbers, units, dates, symbols, addresses on the web
    ("147 metrów", "sto czterdzieści siedem metrów"),
    ("1 minuta, 2 minuty, 22 osoby", "jedna minuta, dwie minuty, dwadzieścia dwie osoby"),
    ("drzwi 90 cm, próg 2 cm", "drzwi dziewięćdziesiąt centymetrów, próg dwa centymetry"),
    ("Nachylenie 6 %", "Nachylenie sześć procent"),
    ("szerokość 1,5 m", "szerokość jeden przecinek pięć metra"),
    ("próg 10 cm > 3 cm", "próg dziesięć centymetrów więcej niż trzy centymetry"),
    ("800+", "osiemset plus"),
    ("2026-11-23", "dwudziestego trzeciego listopada dwa tysiące dwudziestego szóstego roku"),
    ("23 listopada 2026", "dwudziestego trzeciego listopada dwa tysiące dwudziestego szóstego roku"),
    ("sekretariat@mops.wroclaw.pl", "sekretariat małpa mops kropka wroclaw kropka pe el"),
    ("https://mops.wroclaw.pl", "mops kropka wroclaw kropka pe el"),
    # a short path of words is said; a path of codes cannot be, so only the site is
    ("Nagranie: example.org/pjm/biuro-testowe.", "Nagranie: example kropka org ukośnik pjm ukośnik biuro myślnik testowe."),
    ("Film: https://www.youtube.com/watch?v=dQw4w9WgXcQ.", "Film: youtube kropka com."),
    # a floor written without the ordinal's dot (as easy-read texts do) is still an ordinal
    ("Biuro jest na 2 piętrze.", "Biuro jest na drugim piętrze."),
    ("Wjedź na 3 piętro.", "Wjedź na trzecie piętro."),
    ("Budynek ma 5 pięter i 2 piętra podziemne.", "Budynek ma pięć pięter i dwa piętra podziemne."),
    # postcodes: two numbers, leading zeros said
    ("50-001 Wrocław", "pięćdziesiąt, zero zero jeden Wrocław"),
    ("53-611 Wrocław", "pięćdziesiąt trzy, sześćset jedenaście Wrocław"),
    ("MOPS i PFRON", "Mops i Pefron"),
    ("pliki MP3 i DAISY", "pliki em pe trzy i Dejzi"),
    ("Wejście B (z pochylnią).", "Wejście B, z pochylnią."),
]


@pytest.mark.parametrize("written, heard", CASES, ids=[c[0] for c in CASES])
def test_spoken_form(written, heard):
    assert spoken(written) == heard


def test_there_are_at_least_30_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("number, form, word", [(1, "nom_n", "pierwsze"), (2, "nom_f", "druga"), (3, "gen", "trzeciego"),
                                                (21, "gen_f", "dwudziestej pierwszej"), (7, "ins_f", "siódmą"),
                                                (4, "loc", "czwartym")])
def test_ordinals_in_their_cases(number, form, word):
    assert ordinal(number, form) == word
