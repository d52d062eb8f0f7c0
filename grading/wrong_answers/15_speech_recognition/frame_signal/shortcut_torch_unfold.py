# mistake: Calls the library's torch unfold
# why: The exercise asks for your own framing with NumPy indexing or a loop; torch's unfold cuts the frames for you, so the check refuses it.
# hint: Compute the start of each frame from hop_length and slice (or index) the wave yourself, then multiply by the window.
import torch


def frame_signal(wave, frame_length, hop_length, window):
    """PyTorch's unfold cuts the frames."""
    frames = torch.as_tensor(np.asarray(wave, dtype=float)).unfold(0, frame_length, hop_length)
    return frames.numpy() * np.asarray(window, dtype=float)
