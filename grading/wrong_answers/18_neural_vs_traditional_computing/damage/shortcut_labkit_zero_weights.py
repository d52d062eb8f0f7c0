# mistake: Calls the library's labkit zero_weights
# why: The exercise asks for your own damage; labkit's widget helper zero_weights does it for you (and ignores the rng you are given), so the check refuses it.
# hint: Draw exactly round(fraction * n) positions per layer with rng.choice without replacement and set them to 0.
from labkit.widgets.robustness import zero_weights


def damage(model, fraction, rng):
    """labkit's widget helper: the same damage, seeded from the generator."""
    return zero_weights(model, fraction, seed=0)
