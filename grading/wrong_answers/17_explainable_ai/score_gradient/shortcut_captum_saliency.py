# mistake: Calls the library's Captum Saliency
# why: The exercise asks for your own gradient computed with autograd; Captum's Saliency computes it for you, so the check refuses it.
# hint: Clone the input, turn on requires_grad, pick each example's target score, sum them, call backward and read the input's grad.
from captum.attr import Saliency


def score_gradient(model, x, target):
    """Captum's Saliency without the absolute value."""
    return Saliency(model).attribute(x.detach().clone(), target=target, abs=False)
