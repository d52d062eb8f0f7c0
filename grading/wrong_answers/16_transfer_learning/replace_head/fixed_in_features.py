# mistake: Input size hard-coded
# why: The new head always takes 125 inputs, the feature size of one network, instead of reading the old head's in_features, so it fails on any other body.
# hint: Try a network whose body gives 5 features: where can you read how many features the old head took?
def replace_head(model, n_classes):
    """Hard-codes the 125 features of CNN1d instead of reading model.head.in_features."""
    model.head = nn.Linear(125, n_classes)
    return model
