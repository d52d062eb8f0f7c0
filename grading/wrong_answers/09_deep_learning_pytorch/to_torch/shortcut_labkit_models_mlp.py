# mistake: Calls the library's ready-made MLP
# why: The exercise asks you to build the port from torch.nn layers yourself; labkit.models.MLP is a ready-made torch network (and assumes a single activation for all layers).
# hint: Loop over the labkit layers and append the matching torch.nn layer for each, then wrap the list in nn.Sequential.
def to_torch(model):
    """A labkit.nn.Sequential of Linear/Tanh/ReLU/Sigmoid -> an equivalent nn.Sequential (float32 copies)."""
    from labkit.models import MLP

    linears = [layer for layer in model if isinstance(layer, lnn.Linear)]
    names = {lnn.Tanh: "tanh", lnn.ReLU: "relu", lnn.Sigmoid: "sigmoid"}
    activation = next((names[type(layer)] for layer in model if type(layer) in names), "relu")
    ported = MLP(linears[0].in_features, [l.out_features for l in linears[:-1]], linears[-1].out_features,
                 activation=activation)
    with torch.no_grad():
        for ours, theirs in zip(linears, [*ported.layers, ported.head]):
            theirs.weight.copy_(torch.tensor(ours.weight.data))
            theirs.bias.copy_(torch.tensor(ours.bias.data))
    return ported
