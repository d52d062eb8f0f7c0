# mistake: Calls the library's linear_probe on first use
# why: The exercise asks for your own linear probe; deferring labkit.transfer.linear_probe to the returned network's first forward pass still uses it, and the checks watch that forward pass too.
# hint: Copy, freeze and replace the head with your own functions, then train the head with a short cross-entropy loop inside linear_probe itself.
from labkit.transfer import linear_probe as _labkit_probe


def linear_probe(pretrained, X, y, n_classes):
    """A frozen copy with a new head, whose forward trains it with labkit's probe the first time it runs."""
    model = replace_head(freeze(copy.deepcopy(pretrained)), n_classes)
    plain_forward = model.forward

    def forward(x):
        if not getattr(model, "_trained", False):
            with torch.enable_grad():  # the first call may come under no_grad
                trained = _labkit_probe(pretrained, X, y, n_classes)
            model.head.load_state_dict(trained.head.state_dict())
            model._trained = True
        return plain_forward(x)

    model.forward = forward
    return model.eval()
