from captum.attr import Occlusion


def occlusion_map(model, image, target, window, baseline=0.0):
    """Captum's Occlusion with stride 1."""
    return Occlusion(model).attribute(image.unsqueeze(0), target=target, sliding_window_shapes=(window, window),
                                      strides=1, baselines=baseline)[0]
