"""Interactive widgets of the lessons, one module per lesson topic.

Import them from their module, e.g. ``from labkit.widgets.neuron import NeuronPlayground``.
Each widget draws once when it is created, so it also shows something in a
static render, and never blocks the kernel (nothing runs until a control moves).
"""
