def linear_probe(pretrained, X, y, n_classes):
    """Builds the probe but forgets to train the new head."""
    model = replace_head(freeze(copy.deepcopy(pretrained)), n_classes)
    return model.eval()
