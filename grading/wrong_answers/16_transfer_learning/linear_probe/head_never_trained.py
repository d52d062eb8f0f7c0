# mistake: New head never trained
# why: The probe is built (copy, frozen body, new head) but the head keeps its random initial weights, so its predictions are at chance.
# hint: What does your function do with X and y? Step 3 trains the head on them.
def linear_probe(pretrained, X, y, n_classes):
    """Builds the probe but forgets to train the new head."""
    model = replace_head(freeze(copy.deepcopy(pretrained)), n_classes)
    return model.eval()
