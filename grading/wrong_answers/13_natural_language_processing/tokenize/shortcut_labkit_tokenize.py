# mistake: Calls the library's labkit.text.tokenize
# why: The exercise asks for your own tokenizer written with str methods or re; labkit's tokenize is the course's implementation, so the check refuses it.
# hint: Use re.findall with a pattern for words (with an optional inner apostrophe) or single punctuation marks, on the lowercased text.
def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    from labkit.text import tokenize as library_tokenize
    return library_tokenize(text)
