# mistake: Absent metrics not reported
# why: Only metrics that the card reports are compared; a measured metric that the card does not report at all is skipped instead of being listed as wrong.
# hint: What should happen to a measured metric the card leaves out entirely? Check the condition of your list.
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
             if name in card.metrics and abs(card.metrics[name] - value) > tolerance]
    return missing, wrong
