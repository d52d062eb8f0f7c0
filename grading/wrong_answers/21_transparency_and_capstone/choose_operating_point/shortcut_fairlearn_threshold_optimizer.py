# mistake: Calls the library's fairlearn ThresholdOptimizer
# why: The exercise asks for your own decision, searched with NumPy; Fairlearn's ThresholdOptimizer chooses (randomized, per-group) thresholds for you, so the check refuses it.
# hint: Tabulate, for every candidate cut-off, each group's TPR and the balanced accuracy, keep the cut-offs within the limit, and take the best.
from fairlearn.postprocessing import ThresholdOptimizer
from sklearn.base import BaseEstimator


class _Scores(BaseEstimator):
    def fit(self, X, y):
        self.fitted_ = True
        return self

    def predict(self, X):
        return np.asarray(X)[:, 0]


def choose_operating_point(scores, y_true, groups):
    """Fairlearn's TPR-parity decisions, summarized as one cut-off."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    optimizer = ThresholdOptimizer(estimator=_Scores().fit(scores[:, None], y_true), constraints="true_positive_rate_parity",
                                   objective="balanced_accuracy_score", prefit=True,
                                   predict_method="predict").fit(scores[:, None], y_true, sensitive_features=groups)
    decision = optimizer.predict(scores[:, None], sensitive_features=groups, random_state=0)
    tpr = {g: float(decision[(groups == g) & (y_true == 1)].mean()) for g in ("A", "B")}
    return {"cutoff": float(scores[decision == 1].min()), "share_approved": float(decision.mean()),
            "balanced_accuracy": float((decision[y_true == 1].mean() + 1 - decision[y_true == 0].mean()) / 2),
            "tpr": tpr, "tpr_difference": abs(tpr["A"] - tpr["B"])}
