def replace_head(model, n_classes):
    """A fresh head, but with the old number of outputs."""
    model.head = nn.Linear(model.head.in_features, model.head.out_features)
    return model
