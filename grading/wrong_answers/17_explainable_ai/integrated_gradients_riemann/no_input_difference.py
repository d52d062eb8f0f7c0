# mistake: Factor (x - baseline) missing
# why: The average gradient along the path is returned without multiplying it by x - baseline, so the attributions do not add up to the score change.
# hint: Look at the formula again: what multiplies the integral?
def integrated_gradients_riemann(model, x, baseline, target, steps):
    """x, baseline (N, ...) -> (attributions (N, ...), gap (N,)) with a midpoint Riemann sum of `steps` points."""
    x, baseline = x.detach(), baseline.detach()
    total = torch.zeros_like(x)
    for k in range(steps):
        alpha = (k + 0.5) / steps
        total += score_gradient(model, baseline + alpha * (x - baseline), target)
    attributions = total / steps  # forgot the (x - baseline) factor
    target = torch.as_tensor(target).long().expand(len(x))
    with torch.no_grad():
        rows = torch.arange(len(x))
        change = model(x)[rows, target] - model(baseline)[rows, target]
    gap = attributions.reshape(len(x), -1).sum(dim=1) - change
    return attributions, gap
