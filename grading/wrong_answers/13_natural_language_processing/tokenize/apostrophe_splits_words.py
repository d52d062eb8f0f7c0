# mistake: Apostrophe splits a word
# why: Words are runs of word characters only, so "don't" comes out as "don", "'" and "t"; the rules keep one apostrophe followed by letters inside the word.
# hint: Try "Don't buy it!!": how many tokens does your tokenizer make of the first word? Let a word optionally continue with an apostrophe and more letters.
def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    return re.findall(r"\w+|[^\w\s]", text.lower())
