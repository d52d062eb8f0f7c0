"""labkit: the shared package of NN Lab.

Sub-packages (import them by name):

- ``labkit.nn``       a from-scratch NumPy engine: Value, layers, losses, optimizers
- ``labkit.train``    one training loop for labkit.nn and torch modules
- ``labkit.data``     offline datasets (generated or shipped by installed packages)
- ``labkit.models``   small PyTorch models for the later lessons
- ``labkit.explain``  saliency, integrated gradients, occlusion, LIME
- ``labkit.ethics``   fairness, privacy and transparency tools
- ``labkit.checks``   the feedback that exercise tests give
- ``labkit.widgets``  the interactive widgets of the lessons
- ``labkit.plots``    plotting helpers
"""

from labkit.seed import default_device, seed_everything

__all__ = ["seed_everything", "default_device"]
__version__ = "0.1.0"
