"""Privacy of training data: DP-SGD, its privacy accountant, membership inference, k-anonymity.

- ``DPSGD``, ``per_sample_gradients``, ``clip_per_sample``   differentially private training
- ``RDPAccountant``, ``compute_epsilon``, ``compute_rdp``     the privacy budget (epsilon at delta)
- ``PoissonSampler``, ``fit_dpsgd``                           batches drawn as the accountant assumes
- ``basic_composition``, ``advanced_composition``             the cost of k releases, before the accountant
- ``loss_threshold_attack``, ``membership_advantage``         does the model give away who was in the data?
- ``advantage_bound``, ``roc_curve``, ``tpr_at_fpr``          what DP promises; judging an attack at low FPR
- ``k_anonymity``, ``equivalence_classes``, ``suppress``, ``generalize``, ``bin_numeric``,
  ``truncate_zip``                                            anonymizing a table
"""

from labkit.ethics.privacy.accountant import DEFAULT_ORDERS, RDPAccountant, compute_epsilon, compute_rdp
from labkit.ethics.privacy.anonymity import (
    as_table,
    bin_numeric,
    equivalence_classes,
    generalize,
    k_anonymity,
    suppress,
    truncate_zip,
)
from labkit.ethics.privacy.composition import (
    advanced_composition,
    basic_composition,
    gaussian_epsilon,
    subsampled_gaussian_epsilon,
)
from labkit.ethics.privacy.dpsgd import DPSGD, clip_per_sample, fit_dpsgd, per_sample_gradients
from labkit.ethics.privacy.membership_inference import (
    MembershipInferenceResult,
    advantage_bound,
    loose_advantage_bound,
    loss_threshold_attack,
    membership_advantage,
    per_example_loss,
    roc_curve,
    tpr_at_fpr,
)
from labkit.ethics.privacy.sampling import PoissonSampler

__all__ = [
    "DPSGD",
    "fit_dpsgd",
    "PoissonSampler",
    "basic_composition",
    "advanced_composition",
    "gaussian_epsilon",
    "subsampled_gaussian_epsilon",
    "advantage_bound",
    "loose_advantage_bound",
    "roc_curve",
    "tpr_at_fpr",
    "per_sample_gradients",
    "clip_per_sample",
    "RDPAccountant",
    "compute_epsilon",
    "compute_rdp",
    "DEFAULT_ORDERS",
    "loss_threshold_attack",
    "membership_advantage",
    "per_example_loss",
    "MembershipInferenceResult",
    "as_table",
    "k_anonymity",
    "equivalence_classes",
    "suppress",
    "generalize",
    "bin_numeric",
    "truncate_zip",
]
