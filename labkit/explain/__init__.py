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
- ``shapley_values``        exact Shapley values of a coalition game, by enumeration
  (``coalition_values`` builds the game of a model; ``sampled_shapley_values`` estimates)
- ``counterfactual``        the nearest input that flips the decision (Wachter et al., 2017)

Checks of explanations:

- ``sanity_check``          the model-randomization check (Adebayo et al., 2018), with
  ``spearman_correlation`` (average ranks for ties, as scipy.stats.spearmanr)

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
from labkit.explain.counterfactual import CounterfactualResult, counterfactual
from labkit.explain.sanity import average_ranks, linear_layers, randomize_top_layers, sanity_check, spearman_correlation
from labkit.explain.shapley import as_game, coalition_values, sampled_shapley_values, shapley_values

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
    "counterfactual",
    "CounterfactualResult",
    "sanity_check",
    "spearman_correlation",
    "average_ranks",
    "linear_layers",
    "randomize_top_layers",
    "shapley_values",
    "sampled_shapley_values",
    "coalition_values",
    "as_game",
]
