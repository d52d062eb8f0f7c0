# mistake: Calls the library's scipy spearmanr
# why: The exercise asks you to write the ranking (average ranks for ties) and correlate with np.corrcoef; scipy.stats is off limits, so the check refuses spearmanr.
# hint: Rank each flattened absolute map yourself (tied values share the mean of their ranks; np.unique with return_inverse and return_counts finds the ties), then correlate the two rank vectors with np.corrcoef.
from scipy.stats import spearmanr


def sanity_check(model, explain, x, target):
    """Spearman's correlation from scipy."""
    original = np.abs(explain(model, x, target).detach().numpy()).reshape(len(x), -1)
    out = []
    for k in range(len(linear_layers(model)) + 1):
        other = np.abs(explain(randomize_top_layers(model, k), x, target).detach().numpy()).reshape(len(x), -1)
        out.append(np.mean([spearmanr(u, v)[0] for u, v in zip(original, other)]))
    return np.array(out)
