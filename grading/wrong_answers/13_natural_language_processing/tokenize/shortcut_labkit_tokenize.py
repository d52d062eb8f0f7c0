def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    from labkit.text import tokenize as library_tokenize
    return library_tokenize(text)
