def replace_head(model, n_classes):
    """Changes the attribute, not the weight matrix: the layer still computes the old outputs."""
    model.head.out_features = n_classes
    return model
