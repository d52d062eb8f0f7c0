# mistake: New head left on the CPU
# why: nn.Linear builds the new head on the CPU; when the network is on a GPU, the body's features (on the GPU) meet a head on the CPU and the forward pass fails.
# hint: On which device is the rest of the network, and on which one does a freshly built layer start?
def replace_head(model, n_classes):
    """Swap model.head for a fresh nn.Linear, but leave it where nn.Linear builds it."""
    model.head = nn.Linear(model.head.in_features, n_classes)
    return model
