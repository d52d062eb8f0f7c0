def card_problems(card, measured, tolerance=0.005):
    """A ModelCard and {metric: measured value} -> (titles of empty required sections, metrics absent or off)."""
    missing = card.missing_sections()
    wrong = [name for name, value in measured.items()
             if name not in card.metrics or abs(card.metrics[name] - value) > tolerance]
    return missing, wrong
