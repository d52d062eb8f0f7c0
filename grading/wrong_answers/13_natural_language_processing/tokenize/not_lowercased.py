# mistake: Text not lowercased
# why: The words and punctuation are split correctly but the case is kept, so "Great" and "great" would become two different vocabulary entries.
# hint: Reread the first of the three rules: what happens to "GREAT"?
def tokenize(text):
    """One string -> list of lowercase tokens: words (with an inner apostrophe) and single punctuation marks."""
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?|[^\w\s]", text)
