# mistake: Drops summed, never averaged
# why: The counts are collected but never used: each pixel gets the sum of its drops instead of their average.
# hint: You count how often each pixel was covered: what is that count for?
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
                drop = score - model(covered.unsqueeze(0))[0, target]
                total[r:r + window, c:c + window] += drop
                count[r:r + window, c:c + window] += 1
    return total  # never averaged
