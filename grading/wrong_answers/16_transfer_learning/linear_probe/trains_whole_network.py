# mistake: Body not frozen (that is fine-tuning)
# why: The copy is never frozen, so training changes the body as well as the head; a linear probe trains only the head.
# hint: After your call, compare the body's weights with the pretrained ones: they should be identical.
def linear_probe(pretrained, X, y, n_classes):
    """Forgot to freeze: the body is trained too (that is fine-tuning, not a probe)."""
    from labkit.transfer import train_classifier

    model = replace_head(copy.deepcopy(pretrained), n_classes)
    return train_classifier(model, X, y, steps=100, lr=0.01)
