# mistake: New head keeps the old output count
# why: The head is replaced by a fresh layer, but with the old head's number of outputs instead of n_classes.
# hint: Which argument of your function never appears in your code?
def replace_head(model, n_classes):
    """A fresh head, but with the old number of outputs."""
    model.head = nn.Linear(model.head.in_features, model.head.out_features)
    return model
