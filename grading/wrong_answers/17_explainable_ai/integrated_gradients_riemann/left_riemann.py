# mistake: Left Riemann points instead of midpoints
# why: The points are k / steps, the left ends of the intervals, so the sum includes the baseline itself and misses the midpoints the exercise asks for.
# hint: With steps=4 your points should be 0.125, 0.375, 0.625 and 0.875: check your alpha.
def integrated_gradients_riemann(model, x, baseline, target, steps):
    """x, baseline (N, ...) -> (attributions (N, ...), gap (N,)) with a midpoint Riemann sum of `steps` points."""
    x, baseline = x.detach(), baseline.detach()
    total = torch.zeros_like(x)
    for k in range(steps):
        alpha = k / steps  # left points
        total += score_gradient(model, baseline + alpha * (x - baseline), target)
    attributions = (x - baseline) * total / steps
    target = torch.as_tensor(target).long().expand(len(x))
    with torch.no_grad():
        rows = torch.arange(len(x))
        change = model(x)[rows, target] - model(baseline)[rows, target]
    gap = attributions.reshape(len(x), -1).sum(dim=1) - change
    return attributions, gap
