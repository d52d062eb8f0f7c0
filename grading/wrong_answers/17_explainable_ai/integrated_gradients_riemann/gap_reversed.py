# mistake: Completeness gap with the wrong sign
# why: The gap is computed as the score change minus the summed attributions, the opposite sign of the definition.
# hint: Reread the gap formula: which term comes first?
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
    gap = change - attributions.reshape(len(x), -1).sum(dim=1)  # reversed
    return attributions, gap
