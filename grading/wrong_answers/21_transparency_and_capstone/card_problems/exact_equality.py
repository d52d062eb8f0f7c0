# mistake: Exact equality instead of tolerance
# why: A metric is flagged whenever the card's value differs at all from the measured one, so rounding (0.8123 vs 0.812) is reported as wrong; the tolerance argument is ignored.
# hint: Which argument of your function never appears in your code?
def card_problems(card, measured, tolerance=0.005):
    """A ModelCard and {metric: measured value} -> (titles of empty required sections, metrics absent or off)."""
    required = [
        ("Intended use", bool(card.uses.get("Primary use")) and bool(card.uses.get("Out of scope"))),
        ("Data", bool(card.datasets.get("Training data")) and bool(card.datasets.get("Evaluation data"))),
        ("Metrics", bool(card.metrics)),
        ("Metrics by group", card.group_metrics is not None),
        ("Limitations", bool(card.limitations)),
        ("Ethical considerations", bool(card.ethical_considerations)),
    ]
    missing = [title for title, present in required if not present]
    wrong = [name for name, value in measured.items()
             if name not in card.metrics or card.metrics[name] != value]
    return missing, wrong
