import torch
from torch.utils.data import DataLoader


def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    g = torch.Generator().manual_seed(int(rng.integers(2**31)))
    return [b.numpy() for b in DataLoader(torch.arange(n), batch_size=batch_size, shuffle=True, generator=g)]
