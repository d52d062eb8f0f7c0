def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())
