# mistake: One gap for the whole batch
# why: The attributions and score changes are summed over the whole batch and the same number is repeated for every example; the gap is one number per example.
# hint: Make the examples' gaps differ: sum each example's attributions over its own features only.
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
    gap = (attributions.sum() - change.sum()).expand(len(x))  # one gap for the batch
    return attributions, gap
