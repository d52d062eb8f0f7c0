def count_trainable(model):
    """Flattens the trainable parameters with PyTorch's helper and counts the entries."""
    trainable = [p for p in model.parameters() if p.requires_grad]
    if not trainable:
        return 0
    return int(torch.nn.utils.parameters_to_vector(trainable).numel())
