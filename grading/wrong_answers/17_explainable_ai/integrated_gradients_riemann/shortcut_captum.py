# mistake: Calls the library's Captum IntegratedGradients
# why: The exercise asks for your own Riemann sum of your score gradients; Captum's IntegratedGradients computes it for you, so the check refuses it.
# hint: Loop over the midpoints, add your score_gradient at each path point, scale, and compute the gap yourself.
from captum.attr import IntegratedGradients


def integrated_gradients_riemann(model, x, baseline, target, steps):
    """Captum's integrated gradients with the midpoint Riemann sum and its convergence delta."""
    attributions, delta = IntegratedGradients(model).attribute(
        x, baselines=baseline, target=target, n_steps=steps, method="riemann_middle", return_convergence_delta=True)
    return attributions, delta
