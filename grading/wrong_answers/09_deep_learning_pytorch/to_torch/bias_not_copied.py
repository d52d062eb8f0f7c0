# mistake: Biases not copied
# why: Only the weights are copied; each torch Linear keeps its own random initial bias, so the outputs differ from the labkit network's.
# hint: After porting, compare each torch bias with the labkit one: are they equal? Every parameter of a layer needs copying.
def to_torch(model):
    """A labkit.nn.Sequential of Linear/Tanh/ReLU/Sigmoid -> an equivalent nn.Sequential (float32 copies)."""
    layers = []
    for layer in model:
        if isinstance(layer, lnn.Linear):
            torch_layer = nn.Linear(layer.in_features, layer.out_features)
            with torch.no_grad():
                torch_layer.weight.copy_(torch.tensor(layer.weight.data))
            layers.append(torch_layer)
        elif isinstance(layer, lnn.Tanh):
            layers.append(nn.Tanh())
        elif isinstance(layer, lnn.ReLU):
            layers.append(nn.ReLU())
        elif isinstance(layer, lnn.Sigmoid):
            layers.append(nn.Sigmoid())
    return nn.Sequential(*layers)
