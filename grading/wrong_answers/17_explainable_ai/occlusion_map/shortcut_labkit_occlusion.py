from labkit.explain import occlusion


def occlusion_map(model, image, target, window, baseline=0.0):
    """labkit's occlusion on a batch of one."""
    return occlusion(model, image.unsqueeze(0), target, window=window, baseline=baseline)[0]
