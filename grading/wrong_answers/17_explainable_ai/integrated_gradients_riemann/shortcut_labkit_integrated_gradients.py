from labkit.explain import integrated_gradients


def integrated_gradients_riemann(model, x, baseline, target, steps):
    """labkit's version with the midpoint rule."""
    result = integrated_gradients(model, x, baseline, target=target, steps=steps, method="riemann_middle")
    return result.attributions, result.gap
