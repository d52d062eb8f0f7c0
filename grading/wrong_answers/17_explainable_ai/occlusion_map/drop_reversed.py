# mistake: Drop with the wrong sign
# why: The drop is computed as the covered score minus the original score, so important pixels get negative attributions.
# hint: Covering an important region should give a positive value: check the order of the subtraction.
def occlusion_map(model, image, target, window, baseline=0.0):
    """image (H, W), target int -> (H, W): mean drop of the target score over the windows covering each pixel."""
    H, W = image.shape
    total = torch.zeros(H, W, dtype=image.dtype)
    count = torch.zeros(H, W, dtype=image.dtype)
    with torch.no_grad():
        score = model(image.detach().unsqueeze(0))[0, target]
        for r in range(H - window + 1):
            for c in range(W - window + 1):
                covered = image.detach().clone()
                covered[r:r + window, c:c + window] = baseline
                drop = model(covered.unsqueeze(0))[0, target] - score  # reversed
                total[r:r + window, c:c + window] += drop
                count[r:r + window, c:c + window] += 1
    return total / count
