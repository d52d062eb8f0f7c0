# mistake: Frames stepped by frame length, not hop
# why: Frames are placed end to end, starting every frame_length samples, so hop_length is ignored and consecutive frames never overlap.
# hint: Where do your frames start for frame_length 4 and hop 3? They should start at 0, 3, 6.
def frame_signal(wave, frame_length, hop_length, window):
    """Frames placed end to end: stepped by frame_length instead of hop_length."""
    wave = np.asarray(wave, dtype=float)
    n_frames = len(wave) // frame_length
    return np.array([wave[t * frame_length: (t + 1) * frame_length] * window for t in range(n_frames)])
