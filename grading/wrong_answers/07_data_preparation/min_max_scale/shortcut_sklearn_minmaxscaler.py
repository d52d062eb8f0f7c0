# mistake: Calls the library's MinMaxScaler
# why: The exercise asks for your own min-max scaling written with NumPy; scikit-learn's MinMaxScaler does it for you.
# hint: The formula in the exercise, with one np.where for constant features, is all you need.
from sklearn.preprocessing import MinMaxScaler


def min_max_scale(X, data_min, data_max, feature_range=(0.0, 1.0)):
    """X (M, F), data_min (F,), data_max (F,) -> (M, F) mapped so that [data_min, data_max] -> feature_range."""
    scaler = MinMaxScaler(feature_range=feature_range).fit(np.vstack([data_min, data_max]))
    return scaler.transform(np.asarray(X, dtype=float))
