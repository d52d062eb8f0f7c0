# mistake: Calls the library's DataLoader
# why: The exercise asks for your own shuffling into minibatches; torch's DataLoader shuffles and batches for you.
# hint: One permutation from the rng you are given, then consecutive slices of it.
import torch
from torch.utils.data import DataLoader


def minibatch_indices(n, batch_size, rng):
    """n examples, batch_size, rng a np.random.Generator -> index arrays (int) covering 0..n-1 once."""
    g = torch.Generator().manual_seed(int(rng.integers(2**31)))
    return [b.numpy() for b in DataLoader(torch.arange(n), batch_size=batch_size, shuffle=True, generator=g)]
