# mistake: Calls the library's labkit replace_head
# why: The exercise asks for your own head replacement with nn.Linear; labkit.transfer.replace_head does it for you, so the check refuses it.
# hint: Build the nn.Linear yourself from the old head's input size and n_classes, and assign it to model.head.
from labkit.transfer import replace_head as _labkit_replace_head


def replace_head(model, n_classes):
    """labkit's version."""
    return _labkit_replace_head(model, n_classes)
