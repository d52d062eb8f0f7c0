# mistake: Calls the library's compute_sample_weight
# why: The exercise asks for your own weights with NumPy; scikit-learn's compute_sample_weight does the counting for you, so the check refuses it.
# hint: Loop over the (group, label) combinations, estimate the three probabilities by counting, and fill in the weights of that cell.
from sklearn.utils.class_weight import compute_sample_weight


def reweighing_weights(labels, groups):
    """P(g) P(y) / P(g, y) = (n_g n_y / N) / n_gy: scikit-learn's balanced weights of the (g, y) cells, rescaled per cell."""
    labels, groups = np.asarray(labels), np.asarray(groups)
    cells = np.array([f"{g}|{y}" for g, y in zip(groups, labels)])
    cell_w = compute_sample_weight("balanced", cells) * len(np.unique(cells)) / len(labels)  # = 1 / P(g, y)
    return cell_w * np.array([np.mean(groups == g) * np.mean(labels == y) for g, y in zip(groups, labels)])
