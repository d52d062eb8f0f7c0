# mistake: Gradients not divided by steps
# why: The gradients are added up but never divided by steps, so the attributions are steps times too large.
# hint: Your attributions are exactly steps times the expected ones: what weight does each point carry in the sum?
def integrated_gradients_riemann(model, x, baseline, target, steps):
    """x, baseline (N, ...) -> (attributions (N, ...), gap (N,)) with a midpoint Riemann sum of `steps` points."""
    x, baseline = x.detach(), baseline.detach()
    total = torch.zeros_like(x)
    for k in range(steps):
        alpha = (k + 0.5) / steps
        total += score_gradient(model, baseline + alpha * (x - baseline), target)
    attributions = (x - baseline) * total  # forgot the weight 1 / steps
    target = torch.as_tensor(target).long().expand(len(x))
    with torch.no_grad():
        rows = torch.arange(len(x))
        change = model(x)[rows, target] - model(baseline)[rows, target]
    gap = attributions.reshape(len(x), -1).sum(dim=1) - change
    return attributions, gap
