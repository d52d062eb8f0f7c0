# mistake: Calls the library's fairlearn ThresholdOptimizer
# why: The exercise asks for your own decision, searched with NumPy; Fairlearn's ThresholdOptimizer chooses (randomized) thresholds for you, so the check refuses it.
# hint: Tabulate each group's TPR, number approved and number correct for every threshold on a grid, then combine the two groups' tables.
from fairlearn.postprocessing import ThresholdOptimizer
from sklearn.base import BaseEstimator


class _Scores(BaseEstimator):
    def fit(self, X, y):
        self.fitted_ = True
        return self

    def predict(self, X):
        return np.asarray(X)[:, 0]


def choose_thresholds(score, y_true, groups):
    """Fairlearn's true-positive-rate parity thresholds, and the numbers its decisions give."""
    score, y_true, groups = np.asarray(score, float), np.asarray(y_true), np.asarray(groups)
    optimizer = ThresholdOptimizer(estimator=_Scores().fit(score[:, None], y_true), constraints="true_positive_rate_parity",
                                   prefit=True, predict_method="predict").fit(score[:, None], y_true, sensitive_features=groups)
    decision = optimizer.predict(score[:, None], sensitive_features=groups, random_state=0)
    tpr = {g: float(decision[(groups == g) & (y_true == 1)].mean()) for g in ("A", "B")}
    thresholds = {g: float(score[(groups == g) & (decision == 1)].min()) for g in ("A", "B")}
    return {"thresholds": thresholds, "tpr": tpr, "selection_rate": float(decision.mean()),
            "accuracy": float(np.mean(decision == y_true))}
