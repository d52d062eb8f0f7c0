# mistake: Calls the library's labkit saliency
# why: The exercise asks for your own gradient computed with autograd; labkit.explain.saliency computes it for you, so the check refuses it.
# hint: Clone the input, turn on requires_grad, pick each example's target score, sum them, call backward and read the input's grad.
from labkit.explain import saliency


def score_gradient(model, x, target):
    """labkit's saliency with abs=False is exactly the signed gradient."""
    return saliency(model, x, target, abs=False)
