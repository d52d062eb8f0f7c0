"""Ethics of deployed models: fairness, privacy and transparency.

- ``labkit.ethics.fairness``      group metrics, disparate impact, reweighing, group thresholds
- ``labkit.ethics.privacy``       DP-SGD, the RDP privacy accountant, membership inference, k-anonymity
- ``labkit.ethics.transparency``  model cards (``ModelCard``) and datasheets (``Datasheet``)
- ``labkit.ethics.table``         the small Table these return (no pandas needed)
"""

from labkit.ethics.table import Table

__all__ = ["Table"]
