from captum.attr import IntegratedGradients


def integrated_gradients_riemann(model, x, baseline, target, steps):
    """Captum's integrated gradients with the midpoint Riemann sum and its convergence delta."""
    attributions, delta = IntegratedGradients(model).attribute(
        x, baselines=baseline, target=target, n_steps=steps, method="riemann_middle", return_convergence_delta=True)
    return attributions, delta
