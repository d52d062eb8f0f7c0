# mistake: An MLP, no convolution
# why: The network has no nn.Conv2d at all: it flattens the image and uses Linear layers only, which the exercise does not accept.
# hint: The exercise asks for a convolutional network; start from the conv, ReLU, pool stage of the table in section 6.
def build_cnn():
    """A new CNN: images (N, 1, 8, 8) -> scores (N, 10), at most 12,000 parameters."""
    return nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
