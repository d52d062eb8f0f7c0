"""Routes a shortcut hunter would take in lessons 15-20, against the allow-lists those lessons use."""

import copy

import numpy as np
import pytest
import torch

from labkit.checks import TORCH_TENSOR_MATH, ShortcutUsed, own_work

DAMAGE_ALLOW = [*TORCH_TENSOR_MATH, "torch.nn.Module.modules", "torch.nn.Module.named_modules", "torch.nn.Module.children",
                "torch.nn.Module.parameters", "torch.nn.Module.named_parameters", "torch.nn.Module.__getattr__",
                "torch.nn.Module.__getstate__", "torch.nn.Module.__setstate__", "torch.nn.Parameter.__deepcopy__"]


def _frames_by_indexing(wave, n, hop):
    starts = hop * np.arange(1 + (len(wave) - n) // hop)
    return wave[starts[:, None] + np.arange(n)]


def _frames_by_view(wave, n, hop):
    return np.lib.stride_tricks.sliding_window_view(wave, n)[::hop]


def test_an_excluded_numpy_routine_is_a_shortcut_while_numpy_indexing_is_not():
    exclude = ["numpy.lib.stride_tricks.sliding_window_view", "numpy.lib.stride_tricks.as_strided"]
    wave = np.arange(12.0)
    honest = own_work(_frames_by_indexing, asks_for="framing", allow=[], exclude=exclude)
    np.testing.assert_array_equal(honest(wave, 4, 3), _frames_by_view(wave, 4, 3))
    with pytest.raises(ShortcutUsed, match="sliding_window_view"):
        own_work(_frames_by_view, asks_for="framing", allow=[], exclude=exclude)(wave, 4, 3)


def test_labkit_sliding_windows_and_mlab_specgram_are_shortcuts():
    from labkit.nn.im2col import sliding_windows
    from matplotlib import mlab

    def framing(wave):
        return sliding_windows(wave[None, None, None, :], (1, 4), (1, 3))

    def spectrogram(wave):
        return mlab.specgram(wave, NFFT=8, noverlap=4, mode="magnitude")[0]

    with pytest.raises(ShortcutUsed, match="sliding_windows"):
        own_work(framing, asks_for="framing", allow=[])(np.arange(12.0))
    with pytest.raises(ShortcutUsed, match="specgram"):
        own_work(spectrogram, asks_for="a spectrogram", allow=[])(np.arange(64.0))


def test_the_one_sided_ks_statistic_is_a_shortcut_for_the_attack_advantage():
    from scipy.stats import ks_2samp

    def advantage(members, others):
        return ks_2samp(members, others, alternative="greater").statistic

    with pytest.raises(ShortcutUsed, match="scipy"):
        own_work(advantage, asks_for="your own attack", allow=[])(np.array([0.1, 0.2]), np.array([0.3, 0.4]))


def _damage(model, fraction, rng):
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                flat = layer.weight.view(-1)
                flat[torch.as_tensor(rng.choice(flat.numel(), round(fraction * flat.numel()), replace=False))] = 0.0
    return damaged


def test_damage_by_hand_passes_and_labkit_zero_weights_does_not():
    from labkit.widgets.robustness import zero_weights

    net = torch.nn.Sequential(torch.nn.Linear(4, 5), torch.nn.ReLU(), torch.nn.Linear(5, 2))
    hurt = own_work(_damage, asks_for="damage", allow=DAMAGE_ALLOW)(net, 0.4, np.random.default_rng(0))
    assert int((hurt[0].weight == 0).sum()) == 8
    with pytest.raises(ShortcutUsed, match="zero_weights"):
        own_work(lambda m, f, rng: zero_weights(m, f, seed=0), asks_for="damage", allow=DAMAGE_ALLOW)(
            net, 0.4, np.random.default_rng(0))


def test_a_library_routine_run_as_a_module_forward_is_a_shortcut():
    from scipy.stats import rankdata

    def ranks(values):
        shell = torch.nn.Module()
        shell.forward = rankdata
        return shell(values)

    with pytest.raises(ShortcutUsed):
        own_work(ranks, asks_for="your own ranking", allow=[*TORCH_TENSOR_MATH, "torch.nn"])(np.array([3.0, 1.0, 2.0]))
