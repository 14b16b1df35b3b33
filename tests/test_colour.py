"""Print colour conversion: greys to black ink only, colours through the FOGRA39 profile."""

from reportlab.lib import colors
from reportlab.lib.colors import CMYKColor

from guide.pdf.colour import to_print_colour
from guide.document.maps import CONTEXT_COLOUR, ROUTE_COLOUR


def test_black_and_greys_become_black_ink_only():
    assert to_print_colour(colors.black).cmyk() == (0, 0, 0, 1)
    assert to_print_colour(colors.HexColor("#E8E8E8")).cmyk() == (0, 0, 0, 0.09)
    assert to_print_colour((1, 1, 1)).cmyk() == (0, 0, 0, 0)
    assert to_print_colour(tuple(c / 255 for c in CONTEXT_COLOUR)).cmyk() == (0, 0, 0, 0.529)


def test_route_blue_goes_through_fogra39_within_the_ink_limit():
    c, m, y, k = to_print_colour(tuple(v / 255 for v in ROUTE_COLOUR)).cmyk()
    assert c > 0.9 and m > 0.5 and y < 0.2  # still a deep blue
    assert c + m + y + k <= 3.0


def test_cmyk_colours_pass_unchanged():
    assert to_print_colour(CMYKColor(1, 0.6, 0, 0.25)).cmyk() == (1, 0.6, 0, 0.25)
