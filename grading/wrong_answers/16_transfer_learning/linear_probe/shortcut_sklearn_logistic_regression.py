# mistake: Calls the library's LogisticRegression
# why: The exercise asks you to train the head yourself (or with labkit's train_classifier); fitting scikit-learn's logistic regression and copying its weights is refused.
# hint: Train model.head with torch: Adam on the head's parameters, minimising the cross-entropy on the extracted features.
from sklearn.linear_model import LogisticRegression


def linear_probe(pretrained, X, y, n_classes):
    """scikit-learn fits the head; its weights are copied into the new layer."""
    model = replace_head(freeze(copy.deepcopy(pretrained)), n_classes)
    fitted = LogisticRegression(max_iter=2000).fit(extract_features(model, X), y)
    with torch.no_grad():
        model.head.weight.copy_(torch.as_tensor(fitted.coef_, dtype=torch.float32))
        model.head.bias.copy_(torch.as_tensor(fitted.intercept_, dtype=torch.float32))
    return model.eval()
