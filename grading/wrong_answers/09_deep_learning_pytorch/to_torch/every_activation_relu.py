# mistake: Every activation becomes ReLU
# why: Every non-Linear layer is ported as ReLU, so a Tanh or Sigmoid in the labkit network becomes a different function in torch.
# hint: Print the ported network next to the labkit one: do the activation layers match one for one?
def to_torch(model):
    """A labkit.nn.Sequential of Linear/Tanh/ReLU/Sigmoid -> an equivalent nn.Sequential (float32 copies)."""
    layers = []
    for layer in model:
        if isinstance(layer, lnn.Linear):
            torch_layer = nn.Linear(layer.in_features, layer.out_features)
            with torch.no_grad():
                torch_layer.weight.copy_(torch.tensor(layer.weight.data))
                torch_layer.bias.copy_(torch.tensor(layer.bias.data))
            layers.append(torch_layer)
        else:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)
