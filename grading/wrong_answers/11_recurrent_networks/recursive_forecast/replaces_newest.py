# mistake: Forecast overwrites the newest value
# why: The forecast replaces the last value of the window instead of being appended after it, so the window never moves forward in time.
# hint: Slide the window: keep window[:, 1:] (all but the oldest) and append the forecast.
def recursive_forecast(predict, windows, horizon):
    """predict: (N, W, 1) -> (N, 1); windows (N, W, 1); horizon >= 1 -> forecasts (N, horizon)."""
    window = np.asarray(windows, dtype=float)
    forecasts = []
    for _ in range(horizon):
        step = np.asarray(predict(window), dtype=float).reshape(len(window), 1)  # (N, 1)
        forecasts.append(step)
        window = np.concatenate([window[:, :-1], step[:, None]], axis=1)
    return np.concatenate(forecasts, axis=1)
