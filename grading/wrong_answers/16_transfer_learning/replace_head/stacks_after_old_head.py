# mistake: New layer stacked after the old head
# why: The old head is kept and a new layer is appended after it, so the head is a Sequential that still contains the source task's classifier.
# hint: Is model.head an nn.Linear after your call? The new layer should take the body's features, not the old head's outputs.
def replace_head(model, n_classes):
    """Puts a new layer after the old head instead of replacing it."""
    model.head = nn.Sequential(model.head, nn.Linear(model.head.out_features, n_classes))
    return model
