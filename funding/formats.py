"""Norwegian number and money formats (UI guide §6): «kr 250 000», «1 200»."""

from decimal import Decimal, InvalidOperation

from django.utils import numberformat

NBSP = "\u00a0"


def format_number(value):
    """Thousands grouped with a no-break space, decimal comma: 250 000 · 3,5."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    places = 0 if number == number.to_integral_value() else None
    if places == 0:
        number = number.quantize(Decimal(1))
    return numberformat.format(
        number,
        decimal_sep=",",
        decimal_pos=places,
        grouping=3,
        thousand_sep=NBSP,
        force_grouping=True,
    )


def format_nok(amount):
    """«kr 250 000», kept on one line, for cards, tables and key figures."""
    if amount is None or amount == "":
        return ""
    return f"kr{NBSP}{format_number(amount)}"
