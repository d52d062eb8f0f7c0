# mistake: The window grows
# why: Each forecast is appended to the window but the oldest value is never dropped, so the model reads windows of W + 1, W + 2, ... steps.
# hint: The model was trained on windows of W steps: drop window[:, 0] when you append the forecast.
def recursive_forecast(predict, windows, horizon):
    """predict: (N, W, 1) -> (N, 1); windows (N, W, 1); horizon >= 1 -> forecasts (N, horizon)."""
    window = np.asarray(windows, dtype=float)
    forecasts = []
    for _ in range(horizon):
        step = np.asarray(predict(window), dtype=float).reshape(len(window), 1)  # (N, 1)
        forecasts.append(step)
        window = np.concatenate([window, step[:, None]], axis=1)
    return np.concatenate(forecasts, axis=1)
