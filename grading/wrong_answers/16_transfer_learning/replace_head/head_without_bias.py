# mistake: New head without a bias
# why: The new layer is built with bias=False, so every class score is 0 when the features are 0: the head cannot learn how common each class is, and the head it replaces had a bias.
# hint: Check model.head.bias after your call: is it None? Look at the arguments you pass when building the layer.
def replace_head(model, n_classes):
    """A fresh head, but without a bias."""
    model.head = nn.Linear(model.head.in_features, n_classes, bias=False)
    return model
