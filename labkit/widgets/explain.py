"""Lesson 17's widget: pick an input, a model and an attribution method; see the map.

Sliders set the number of integrated-gradients steps (the completeness gap is shown)
and the occlusion window. Every redraw calls ``labkit.explain`` on one image, so a
move costs one backward pass (saliency), ``steps`` of them (integrated gradients) or
one forward pass per window position (occlusion): milliseconds for the lesson's models.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence, Union

import ipywidgets as widgets
import numpy as np
import torch

from labkit.explain import gradient_x_input, integrated_gradients, occlusion, saliency, smoothgrad
from labkit.widgets import _arguments as check
from labkit.widgets._figure import redraw

METHODS = ("saliency", "gradient × input", "integrated gradients", "occlusion", "smoothgrad")

Model = Callable[[torch.Tensor], torch.Tensor]


def attribute(model: Model, image: torch.Tensor, target: int, method: str, *, steps: int = 32,
              window: int = 2, baseline: float = 0.0) -> tuple[torch.Tensor, float | None]:
    """Attributions of one image (H, W) for class ``target`` -> ((H, W), completeness gap or None).

    The gap is returned for integrated gradients only (sum of attributions - (f(x) - f(baseline))).
    """
    x = image.unsqueeze(0)  # (1, H, W)
    if method == "saliency":
        return saliency(model, x, target)[0], None
    if method == "gradient × input":
        return gradient_x_input(model, x, target)[0], None
    if method == "integrated gradients":
        result = integrated_gradients(model, x, baseline, target=target, steps=steps, method="riemann_middle")
        return result.attributions[0], float(result.gap[0])
    if method == "occlusion":
        return occlusion(model, x, target, window=window, baseline=baseline)[0], None
    if method == "smoothgrad":
        return smoothgrad(model, x, target, n_samples=25, seed=0)[0], None
    raise ValueError(f"method must be one of {list(METHODS)}, got {method!r}.")


class AttributionExplorer(widgets.VBox):
    """Attribution maps of image classifiers, one image at a time.

    Args:
        models: a model mapping images (N, H, W) to scores (N, C), or a dict {name: model} to compare several
            (e.g. a trained model, a model that learned a shortcut, a randomized copy).
        images: a float tensor or array of images, shape (N, H, W).
        labels: optional true labels (N,) shown in the title.
        method: the starting method, one of ``METHODS``.
        steps: the starting number of integrated-gradients steps (2..128).
        window: the starting occlusion window side (1..min(H, W)).
        index: the starting image.

    After each redraw: ``attributions`` (H, W) NumPy array, ``gap`` (integrated gradients' completeness gap,
    else None), ``prediction`` (the model's class), ``target`` (the class explained) and ``score`` (its logit).
    """

    def __init__(self, models: Union[Model, Mapping[str, Model]], images, labels: Sequence[int] | None = None, *,
                 method: str = "integrated gradients", steps: int = 32, window: int = 2, index: int = 0) -> None:
        who = "AttributionExplorer"
        if isinstance(models, Mapping):
            if not models or not all(callable(m) for m in models.values()):
                raise TypeError(f"{who}: models must be a model or a non-empty dict {{name: model}} of callables, "
                                f"got {models!r}.")
            self.models = dict(models)
        elif callable(models):
            self.models = {"model": models}
        else:
            raise TypeError(f"{who}: models must be a model or a dict {{name: model}}, got {type(models).__name__}.")
        images = torch.as_tensor(np.asarray(images) if not isinstance(images, torch.Tensor) else images)
        if images.dim() != 3 or not images.is_floating_point() or len(images) == 0:
            raise ValueError(f"{who}: images must be a float batch of shape (N, H, W), got shape "
                             f"{tuple(images.shape)} and dtype {images.dtype}.")
        self.images = images.detach().float()
        if labels is not None:
            labels = np.asarray(labels)
            if labels.shape != (len(images),):
                raise ValueError(f"{who}: labels must have one entry per image, shape ({len(images)},), "
                                 f"got {labels.shape}.")
        self.labels = labels
        side = min(images.shape[1:])
        check.choice(method, "method", who, METHODS)
        steps = check.integer(steps, "steps", who, 2, 128)
        window = check.integer(window, "window", who, 1, side)
        index = check.integer(index, "index", who, 0, len(images) - 1, what="the images given")

        style = {"description_width": "initial"}
        self.index_slider = widgets.IntSlider(value=index, min=0, max=len(images) - 1, description="image", style=style)
        self.model_menu = widgets.Dropdown(options=list(self.models), description="model", style=style)
        self.method_menu = widgets.Dropdown(options=list(METHODS), value=method, description="method", style=style)
        first = next(iter(self.models.values()))
        with torch.no_grad():
            n_classes = int(first(self.images[:1]).shape[1])
        self.target_menu = widgets.Dropdown(options=["predicted"] + list(range(n_classes)), value="predicted",
                                            description="explain class", style=style)
        self.steps_slider = widgets.IntSlider(value=steps, min=2, max=128, description="IG steps", style=style)
        self.window_slider = widgets.IntSlider(value=window, min=1, max=side, description="occlusion window",
                                               style=style)
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        for control in (self.index_slider, self.model_menu, self.method_menu, self.target_menu,
                        self.steps_slider, self.window_slider):
            control.observe(lambda change: self.redraw(), names="value")
        super().__init__([
            widgets.HBox([self.index_slider, self.model_menu, self.target_menu]),
            widgets.HBox([self.method_menu, self.steps_slider, self.window_slider]),
            self.out, self.caption,
        ])
        self.redraw()

    def redraw(self) -> None:
        model = self.models[self.model_menu.value]
        image = self.images[self.index_slider.value]  # (H, W)
        with torch.no_grad():
            scores = model(image.unsqueeze(0))[0]  # (C,)
        self.prediction = int(scores.argmax())
        self.target = self.prediction if self.target_menu.value == "predicted" else int(self.target_menu.value)
        self.score = float(scores[self.target])
        method = self.method_menu.value
        self.steps_slider.disabled = method != "integrated gradients"
        self.window_slider.disabled = method != "occlusion"
        attributions, self.gap = attribute(model, image, self.target, method, steps=self.steps_slider.value,
                                           window=self.window_slider.value)
        self.attributions = attributions.detach().cpu().numpy()
        signed = method not in ("saliency", "smoothgrad")
        with redraw(self.out, figsize=(7.5, 3.4), ncols=2) as (ax_image, ax_map):
            ax_image.imshow(image.numpy(), cmap="gray_r")
            truth = f", label {self.labels[self.index_slider.value]}" if self.labels is not None else ""
            ax_image.set_title(f"input{truth}; predicted {self.prediction}", fontsize=10)
            limit = float(np.abs(self.attributions).max()) or 1.0
            shown = ax_map.imshow(self.attributions, cmap="bwr" if signed else "Reds",
                                  vmin=-limit if signed else 0.0, vmax=limit)
            ax_map.figure.colorbar(shown, ax=ax_map, fraction=0.046)
            ax_map.set_title(f"{method} for class {self.target}", fontsize=10)
            for axis in (ax_image, ax_map):
                axis.set_xticks([])
                axis.set_yticks([])
        text = f"<b>{self.model_menu.value}</b>: score of class {self.target} = {self.score:.2f}"
        if self.gap is not None:
            change = self.attributions.sum() - self.gap
            text += (f"; attributions sum to {self.attributions.sum():.3f}, f(x) - f(blank) = {change:.3f}, "
                     f"<b>completeness gap {self.gap:+.4f}</b> with {self.steps_slider.value} steps")
        if method == "occlusion":
            text += f"; {self.window_slider.value}×{self.window_slider.value} window, stride 1, covered with 0"
        self.caption.value = text
