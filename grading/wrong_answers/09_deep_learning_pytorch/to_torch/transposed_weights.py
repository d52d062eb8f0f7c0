# mistake: Weights transposed
# why: The labkit weight is transposed before copying, but nn.Linear stores its weight as (out, in), just like labkit, so the shapes no longer fit.
# hint: Compare the shape of a labkit weight with the shape of a fresh nn.Linear's weight for the same layer: do they need transposing?
def to_torch(model):
    """A labkit.nn.Sequential of Linear/Tanh/ReLU/Sigmoid -> an equivalent nn.Sequential (float32 copies)."""
    layers = []
    for layer in model:
        if isinstance(layer, lnn.Linear):
            torch_layer = nn.Linear(layer.in_features, layer.out_features)
            # torch stores (in, out), like x @ W ... (it does not: it stores (out, in))
            torch_layer.weight = nn.Parameter(torch.tensor(layer.weight.data.T, dtype=torch.float32))
            torch_layer.bias = nn.Parameter(torch.tensor(layer.bias.data, dtype=torch.float32))
            layers.append(torch_layer)
        elif isinstance(layer, lnn.Tanh):
            layers.append(nn.Tanh())
        elif isinstance(layer, lnn.ReLU):
            layers.append(nn.ReLU())
        elif isinstance(layer, lnn.Sigmoid):
            layers.append(nn.Sigmoid())
    return nn.Sequential(*layers)
