# mistake: One filled part counts as a section
# why: A section counts as documented when any of its parts is filled, so a card with a primary use but no out-of-scope uses (or no evaluation data) passes; the exercise needs both parts.
# hint: Reread which parts 'Intended use' and 'Data' each need: all of them, or at least one?
def card_problems(card, measured, tolerance=0.005):
    """A ModelCard and {metric: measured value} -> (titles of empty required sections, metrics absent or off)."""
    required = [
        ("Intended use", any(card.uses.values())),
        ("Data", any(card.datasets.values())),
        ("Metrics", bool(card.metrics)),
        ("Metrics by group", card.group_metrics is not None),
        ("Limitations", bool(card.limitations)),
        ("Ethical considerations", bool(card.ethical_considerations)),
    ]
    missing = [title for title, present in required if not present]
    wrong = [name for name, value in measured.items()
             if name not in card.metrics or abs(card.metrics[name] - value) > tolerance]
    return missing, wrong
