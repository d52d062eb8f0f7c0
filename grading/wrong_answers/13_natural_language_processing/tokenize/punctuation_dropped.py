# mistake: Punctuation dropped
# why: Only words are matched, so every punctuation mark disappears; the rules make each non-space, non-word character a token of its own.
# hint: Where did the "!" of "Don't buy it!!" go? Your pattern needs a second alternative for single other characters.
def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())
