# mistake: Calls the library's labkit integrated_gradients
# why: The exercise asks for your own Riemann sum of your score gradients; labkit.explain.integrated_gradients computes it for you, so the check refuses it.
# hint: Loop over the midpoints, add your score_gradient at each path point, scale, and compute the gap yourself.
from labkit.explain import integrated_gradients


def integrated_gradients_riemann(model, x, baseline, target, steps):
    """labkit's version with the midpoint rule."""
    result = integrated_gradients(model, x, baseline, target=target, steps=steps, method="riemann_middle")
    return result.attributions, result.gap
