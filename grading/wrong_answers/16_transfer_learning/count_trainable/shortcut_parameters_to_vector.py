# mistake: Calls the library's parameters_to_vector
# why: The exercise asks for your own count; torch's parameters_to_vector flattens the parameters for you, so the check refuses it.
# hint: Add up, over the parameters that require gradients, the number of entries of each.
def count_trainable(model):
    """Flattens the trainable parameters with PyTorch's helper and counts the entries."""
    trainable = [p for p in model.parameters() if p.requires_grad]
    if not trainable:
        return 0
    return int(torch.nn.utils.parameters_to_vector(trainable).numel())
