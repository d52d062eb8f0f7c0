# mistake: Divided by all window positions
# why: Each pixel's total drop is divided by the total number of window positions instead of the number of windows that covered that pixel, so edge pixels are underweighted.
# hint: A corner pixel is covered by one window only: what should its attribution be divided by?
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
    return total / ((H - window + 1) * (W - window + 1))  # divided by all windows
