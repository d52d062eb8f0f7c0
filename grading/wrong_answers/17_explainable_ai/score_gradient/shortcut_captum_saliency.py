from captum.attr import Saliency


def score_gradient(model, x, target):
    """Captum's Saliency without the absolute value."""
    return Saliency(model).attribute(x.detach().clone(), target=target, abs=False)
