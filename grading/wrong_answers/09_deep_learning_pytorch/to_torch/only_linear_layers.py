# mistake: Activations left out
# why: Only the Linear layers are ported; without the activations the torch network collapses to a stack of linear maps and computes something else.
# hint: Count the layers of the labkit network and of your port: activations have no weights, but they still change the output.
def to_torch(model):
    """A labkit.nn.Sequential of Linear/Tanh/ReLU/Sigmoid -> an equivalent nn.Sequential (float32 copies)."""
    layers = []
    for layer in model:
        if isinstance(layer, lnn.Linear):  # the activations have no weights, so nothing to port?
            torch_layer = nn.Linear(layer.in_features, layer.out_features)
            with torch.no_grad():
                torch_layer.weight.copy_(torch.tensor(layer.weight.data))
                torch_layer.bias.copy_(torch.tensor(layer.bias.data))
            layers.append(torch_layer)
    return nn.Sequential(*layers)
