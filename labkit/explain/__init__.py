"""Explain the predictions of PyTorch classifiers, one method per module.

Gradient methods (need a differentiable model):

- ``saliency``              |d score / d x|
- ``gradient_x_input``      x * d score / d x
- ``integrated_gradients``  gradients summed on the path from a baseline, with the completeness gap
- ``smoothgrad``            saliency averaged over noisy copies of x

Perturbation methods (any model):

- ``occlusion``             score drop when a sliding window is covered
- ``lime``                  a weighted linear surrogate around x, with its R^2
- ``permutation_importance``  score drop when a column of a table is shuffled

Every attribution method takes ``(model, x, target)`` with a batch x (N, ...) and a
target class (an int, or N indices) and returns attributions shaped like x.
Plots: ``plot_image_attributions``, ``plot_signal_attributions``, ``plot_feature_attributions``.
"""

from labkit.explain.gradient_x_input import gradient_x_input
from labkit.explain.integrated_gradients import IntegratedGradientsResult, integrated_gradients
from labkit.explain.lime import LimeResult, lime
from labkit.explain.occlusion import occlusion
from labkit.explain.permutation_importance import PermutationImportanceResult, permutation_importance
from labkit.explain.plots import plot_feature_attributions, plot_image_attributions, plot_signal_attributions
from labkit.explain.saliency import saliency
from labkit.explain.smoothgrad import smoothgrad

__all__ = [
    "saliency",
    "gradient_x_input",
    "integrated_gradients",
    "IntegratedGradientsResult",
    "smoothgrad",
    "occlusion",
    "lime",
    "LimeResult",
    "permutation_importance",
    "PermutationImportanceResult",
    "plot_image_attributions",
    "plot_signal_attributions",
    "plot_feature_attributions",
]
