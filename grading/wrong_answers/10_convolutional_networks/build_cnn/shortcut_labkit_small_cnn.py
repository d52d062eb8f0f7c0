# mistake: Calls the library's SmallCNN
# why: The exercise asks you to build the CNN from torch.nn layers yourself; labkit.models.SmallCNN is a ready-made one.
# hint: Stack nn.Conv2d, nn.ReLU, nn.MaxPool2d, then nn.Flatten and nn.Linear, following section 6's table.
def build_cnn():
    """A new CNN: images (N, 1, 8, 8) -> scores (N, 10), at most 12,000 parameters."""
    from labkit.models import SmallCNN

    return SmallCNN(channels=(8, 16), hidden=32)
