"""Widgets in a saved lesson: a note to re-run the cell, and the widget's last plots, never dead controls.

A widget lives in the kernel. JupyterLab can save its last state into the notebook, but after
a server restart that state draws controls that are connected to nothing: each wears a red
"disconnected" icon, number boxes are squeezed by it, sliders move and nothing redraws, and
restoring the state marks the notebook as changed (the unsaved dot) before the learner edits
anything.

So the learner's lab saves no widget state (``saveState: false`` in
``learner/labconfig/default_setting_overrides.json``), and this pre-save hook
(``ContentsManager.pre_save_hook`` in ``learner/jupyter_server_config.json``) replaces each
widget output of the file with what still holds without a kernel: the widget's last plots (the
images its Output widgets showed, when JupyterLab saved them) and one line, "run this cell to
bring its controls back". In the open tab nothing changes; a reopened lesson shows the notes,
and its widgets work again once their cells are re-run.
"""

from __future__ import annotations

import re
from typing import Any

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
RERUN_NOTE = ("\u21bb This cell's widget lives in the kernel and is not saved: "
              "run the cell (Shift+Enter) to bring its controls back.")
_MODEL_REF = re.compile(r"IPY_MODEL_([0-9a-f]+)")


def _last_images(model_id: str, states: dict) -> list[dict]:
    """The images the widget ``model_id`` and the widgets inside it last showed (from saved state)."""
    images, seen, todo = [], set(), [model_id]
    while todo:
        current = todo.pop(0)
        if current in seen or current not in states:
            continue
        seen.add(current)
        state = states[current].get("state", {})
        for output in state.get("outputs", []) or []:
            data = output.get("data", {}) if isinstance(output, dict) else {}
            if "image/png" in data:
                images.append({"output_type": "display_data", "metadata": {},
                               "data": {"image/png": data["image/png"], "text/plain": "<the widget's last plot>"}})
        todo += _MODEL_REF.findall(repr(state))
    return images


def without_live_widgets(nb: dict) -> bool:
    """Replace widget outputs by their last images and a re-run note, drop saved widget state; True if changed."""
    metadata = nb.get("metadata", {})
    saved = metadata.pop("widgets", None)
    changed = saved is not None
    states = ((saved or {}).get(WIDGET_STATE) or {}).get("state", {}) if isinstance(saved, dict) else {}
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data") if isinstance(output, dict) else None
            if not data or WIDGET_VIEW not in data:
                outputs.append(output)
                continue
            changed = True
            model_id = (data.get(WIDGET_VIEW) or {}).get("model_id", "")
            outputs += _last_images(model_id, states)
            outputs.append({"output_type": "display_data", "metadata": {}, "data": {"text/plain": RERUN_NOTE}})
        cell["outputs"] = outputs
    return changed


def pre_save_hook(model: dict, **kwargs: Any) -> None:
    """jupyter_server's ContentsManager.pre_save_hook: notebooks are saved without live widgets."""
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        without_live_widgets(model["content"])
