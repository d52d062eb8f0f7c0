def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s]", text)
