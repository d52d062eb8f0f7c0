# mistake: eval() mistaken for freezing
# why: module.eval() only switches layers such as dropout to evaluation behaviour; every parameter still has requires_grad set and keeps training.
# hint: After your call, print requires_grad for each parameter: what does eval() change, and what does it leave alone?
def freeze(module):
    """eval() switches dropout off; it does not stop training."""
    module.eval()
    return module
