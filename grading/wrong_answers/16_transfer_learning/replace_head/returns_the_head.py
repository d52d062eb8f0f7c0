# mistake: Returns the head, not the model
# why: The right layer is built but returned on its own; the model keeps its old head and the caller gets a bare Linear layer.
# hint: The exercise asks for the model back, with the new layer inside it: where does your new layer end up?
def replace_head(model, n_classes):
    """Builds the right layer but returns it instead of putting it into the model."""
    return nn.Linear(model.head.in_features, n_classes)
