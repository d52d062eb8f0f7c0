# mistake: Pretrained network modified, no copy
# why: The pretrained network itself is frozen and re-headed, so the lesson's source model is changed and cannot be reused for other tasks.
# hint: Compare the pretrained network's weights before and after your call: step 1 of the exercise protects them.
def linear_probe(pretrained, X, y, n_classes):
    """No copy: freezes and re-heads the pretrained network itself."""
    model = replace_head(freeze(pretrained), n_classes)
    features = torch.as_tensor(extract_features(model, X))
    labels = torch.as_tensor(np.asarray(y), dtype=torch.long)
    optimizer = torch.optim.Adam(model.head.parameters(), lr=0.03)
    for _ in range(300):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model.head(features), labels).backward()
        optimizer.step()
    return model.eval()
