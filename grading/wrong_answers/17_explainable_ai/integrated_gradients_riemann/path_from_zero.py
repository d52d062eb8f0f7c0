# mistake: Path always starts at zero
# why: The path points are alpha times x and the factor is x, as if the baseline were 0; with any other baseline the path must run from the baseline to x.
# hint: Try a non-zero baseline: where does your path start, and which difference multiplies the gradients?
def integrated_gradients_riemann(model, x, baseline, target, steps):
    """x, baseline (N, ...) -> (attributions (N, ...), gap (N,)) with a midpoint Riemann sum of `steps` points."""
    x, baseline = x.detach(), baseline.detach()
    total = torch.zeros_like(x)
    for k in range(steps):
        total += score_gradient(model, (k + 0.5) / steps * x, target)  # the path always starts at 0
    attributions = x * total / steps
    target = torch.as_tensor(target).long().expand(len(x))
    with torch.no_grad():
        rows = torch.arange(len(x))
        change = model(x)[rows, target] - model(baseline)[rows, target]
    return attributions, attributions.reshape(len(x), -1).sum(dim=1) - change
