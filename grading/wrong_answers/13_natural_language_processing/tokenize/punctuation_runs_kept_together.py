# mistake: Punctuation runs kept together
# why: A run of punctuation such as "!!" or "..." becomes one token, but the rules make each punctuation character a token by itself.
# hint: Count the tokens for "deal...": the three dots should be three tokens. Check whether your punctuation alternative matches one character or several.
def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]+", text.lower())
