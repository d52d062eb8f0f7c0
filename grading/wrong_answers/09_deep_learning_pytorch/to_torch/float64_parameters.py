# mistake: Parameters kept as float64
# why: The weights are wrapped as new Parameters straight from NumPy's 64-bit arrays, so they are float64 and a float32 input no longer matches them.
# hint: Print the dtype of the ported parameters: torch layers use float32. Copy the numbers into the existing parameters instead of replacing them.
def to_torch(model):
    """A labkit.nn.Sequential of Linear/Tanh/ReLU/Sigmoid -> an equivalent nn.Sequential (float32 copies)."""
    layers = []
    for layer in model:
        if isinstance(layer, lnn.Linear):
            torch_layer = nn.Linear(layer.in_features, layer.out_features)
            torch_layer.weight = nn.Parameter(torch.tensor(layer.weight.data))  # keeps NumPy's float64
            torch_layer.bias = nn.Parameter(torch.tensor(layer.bias.data))
            layers.append(torch_layer)
        elif isinstance(layer, lnn.Tanh):
            layers.append(nn.Tanh())
        elif isinstance(layer, lnn.ReLU):
            layers.append(nn.ReLU())
        elif isinstance(layer, lnn.Sigmoid):
            layers.append(nn.Sigmoid())
    return nn.Sequential(*layers)
