# mistake: Last window position missed
# why: The loops run to H - window and W - window, one short, so the window never reaches the last row and column of the image.
# hint: With a 4-wide image and window 2, where can the window start? Count the positions, the one ending at the edge included.
def occlusion_map(model, image, target, window, baseline=0.0):
    """image (H, W), target int -> (H, W): mean drop of the target score over the windows covering each pixel."""
    H, W = image.shape
    total = torch.zeros(H, W, dtype=image.dtype)
    count = torch.zeros(H, W, dtype=image.dtype)
    with torch.no_grad():
        score = model(image.detach().unsqueeze(0))[0, target]
        for r in range(H - window):
            for c in range(W - window):
                covered = image.detach().clone()
                covered[r:r + window, c:c + window] = baseline
                drop = score - model(covered.unsqueeze(0))[0, target]
                total[r:r + window, c:c + window] += drop
                count[r:r + window, c:c + window] += 1
    return total / count.clamp(min=1)
