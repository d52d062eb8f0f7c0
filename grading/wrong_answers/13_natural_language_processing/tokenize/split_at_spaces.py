# mistake: Splits at spaces only
# why: str.split cuts only at whitespace, so punctuation stays glued to words ("it!!", "screen,") and the hyphen of "last-minute" is not separated.
# hint: Compare "screen," with "screen": should they be the same word? Punctuation has to become tokens of its own.
def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    return text.lower().split()
