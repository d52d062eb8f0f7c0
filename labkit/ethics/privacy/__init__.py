"""Privacy of training data: DP-SGD, its privacy accountant, membership inference, k-anonymity.

- ``DPSGD``, ``per_sample_gradients``, ``clip_per_sample``   differentially private training
- ``RDPAccountant``, ``compute_epsilon``, ``compute_rdp``     the privacy budget (epsilon at delta)
- ``loss_threshold_attack``, ``membership_advantage``         does the model give away who was in the data?
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
from labkit.ethics.privacy.dpsgd import DPSGD, clip_per_sample, per_sample_gradients
from labkit.ethics.privacy.membership_inference import (
    MembershipInferenceResult,
    loss_threshold_attack,
    membership_advantage,
    per_example_loss,
)

__all__ = [
    "DPSGD",
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
