# mistake: Calls the library's labkit count_parameters
# why: The exercise asks for your own count; labkit.transfer.count_parameters counts the trainable numbers for you, so the check refuses it.
# hint: Add up, over the parameters that require gradients, the number of entries of each.
from labkit.transfer import count_parameters


def count_trainable(model):
    """labkit's count of the trainable parameters."""
    return count_parameters(model, trainable_only=True)
