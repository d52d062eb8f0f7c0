# mistake: Flatten and Linear before the conv
# why: A Linear layer mixes every pixel with every other before the convolution, so the reshaped map has no neighbourhoods left and the convolution gains nothing.
# hint: Where is the first convolution in your network? It should slide over the (N, 1, 8, 8) images themselves.
def build_cnn():
    """A new CNN: images (N, 1, 8, 8) -> scores (N, 10), at most 12,000 parameters."""
    # A dense layer first, reshaped back into an 8x8 "image" for a convolution: the pixels are already mixed.
    return nn.Sequential(
        nn.Flatten(), nn.Linear(64, 64), nn.ReLU(), nn.Unflatten(1, (1, 8, 8)),
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 4 * 4, 10),
    )
