def build_cnn():
    """A new CNN: images (N, 1, 8, 8) -> scores (N, 10), at most 12,000 parameters."""
    return nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
