def build_cnn():
    """A new CNN: images (N, 1, 8, 8) -> scores (N, 10), at most 12,000 parameters."""
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Linear(16 * 4 * 4, 10)

        def forward(self, x):
            return self.head(self.features(x).flatten(1))

    return CNN
