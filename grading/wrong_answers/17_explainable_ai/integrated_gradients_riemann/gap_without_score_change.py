# mistake: Gap forgets the score change
# why: The gap returns the summed attributions alone, without subtracting f(x) - f(baseline), so it never measures the error of the Riemann sum.
# hint: Where the midpoint rule is exact, the gap should be 0: is yours? Compare with the gap formula.
def integrated_gradients_riemann(model, x, baseline, target, steps):
    """x, baseline (N, ...) -> (attributions (N, ...), gap (N,)) with a midpoint Riemann sum of `steps` points."""
    x, baseline = x.detach(), baseline.detach()
    total = torch.zeros_like(x)
    for k in range(steps):
        alpha = (k + 0.5) / steps
        total += score_gradient(model, baseline + alpha * (x - baseline), target)
    attributions = (x - baseline) * total / steps
    target = torch.as_tensor(target).long().expand(len(x))
    with torch.no_grad():
        rows = torch.arange(len(x))
        change = model(x)[rows, target] - model(baseline)[rows, target]
    gap = attributions.reshape(len(x), -1).sum(dim=1)  # forgot the score change
    return attributions, gap
