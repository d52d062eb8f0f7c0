# mistake: Edits out_features, keeps the old layer
# why: Changing the out_features attribute does not resize the weight matrix: the same layer still computes the old number of outputs.
# hint: Is model.head a new object after your call? Check the shape of model.head.weight.
def replace_head(model, n_classes):
    """Changes the attribute, not the weight matrix: the layer still computes the old outputs."""
    model.head.out_features = n_classes
    return model
