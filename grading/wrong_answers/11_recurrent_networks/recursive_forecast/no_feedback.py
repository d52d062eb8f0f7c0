# mistake: Forecasts never fed back
# why: The loop predicts from the same given window every time, so every column repeats the one-step forecast.
# hint: After each step the forecast must become the newest value of the window the next prediction reads.
def recursive_forecast(predict, windows, horizon):
    """predict: (N, W, 1) -> (N, 1); windows (N, W, 1); horizon >= 1 -> forecasts (N, horizon)."""
    window = np.asarray(windows, dtype=float)
    forecasts = []
    for _ in range(horizon):
        step = np.asarray(predict(window), dtype=float).reshape(len(window), 1)  # (N, 1)
        forecasts.append(step)
    return np.concatenate(forecasts, axis=1)
