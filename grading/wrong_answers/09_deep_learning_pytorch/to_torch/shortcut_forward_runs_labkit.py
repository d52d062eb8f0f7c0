# mistake: Forward runs the labkit network
# why: The torch layers are only for show: the forward pass calls the labkit model on NumPy data, so no torch layer computes anything.
# hint: The port must compute with torch.nn layers holding their own copies of the weights; copy the numbers into nn.Linear layers and let nn.Sequential run them.
def to_torch(model):
    """A labkit.nn.Sequential of Linear/Tanh/ReLU/Sigmoid -> an equivalent nn.Sequential (float32 copies)."""
    # A shortcut: torch layers for show, while the forward runs the labkit network itself.
    class Ported(nn.Sequential):
        def forward(self, x):
            return torch.tensor(model(x.detach().numpy().astype(float)), dtype=torch.float32)

    names = {lnn.Linear: None, lnn.Tanh: nn.Tanh, lnn.ReLU: nn.ReLU, lnn.Sigmoid: nn.Sigmoid}
    layers = [nn.Linear(layer.in_features, layer.out_features) if isinstance(layer, lnn.Linear)
              else names[type(layer)]() for layer in model]
    return Ported(*layers)
