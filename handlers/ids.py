"""The ids a request names (a button's value, a conversation's data), read only as the bot writes them."""

MAX_ID = 2**31 - 1  # the largest value of an INTEGER column on PostgreSQL, where the ids and offsets live


def row_id(text: str) -> int | None:
    """The number in text written as the bot writes ids and offsets – ASCII digits, within an integer column –
    else None. ("²".isdigit() is true and int() refuses it; a 20-digit number is no row of ours.)"""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if number <= MAX_ID else None
