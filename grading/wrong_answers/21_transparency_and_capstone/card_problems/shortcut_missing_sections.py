# mistake: Calls the library's missing_sections
# why: The exercise asks for your own section check; the card's missing_sections() is off limits, and it is more lenient than the rules of the exercise.
# hint: Check each of the six sections yourself from card.uses, card.datasets, card.metrics, card.group_metrics and the two lists.
def card_problems(card, measured, tolerance=0.005):
    """A ModelCard and {metric: measured value} -> (titles of empty required sections, metrics absent or off)."""
    missing = card.missing_sections()
    wrong = [name for name, value in measured.items()
             if name not in card.metrics or abs(card.metrics[name] - value) > tolerance]
    return missing, wrong
