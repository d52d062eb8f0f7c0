# mistake: Calls the library's labkit occlusion
# why: The exercise asks for your own occlusion map with a loop over window positions; labkit.explain.occlusion computes it for you, so the check refuses it.
# hint: Loop over the window positions, cover a copy of the image, run the model, and accumulate each drop and a count per pixel.
from labkit.explain import occlusion


def occlusion_map(model, image, target, window, baseline=0.0):
    """labkit's occlusion on a batch of one."""
    return occlusion(model, image.unsqueeze(0), target, window=window, baseline=baseline)[0]
