# mistake: Forecast put at the front
# why: The forecast is inserted as the oldest value and the newest true value is dropped, so the window's order is broken.
# hint: The newest value sits at the end of the window (window[:, -1]); the oldest at the front drops out.
def recursive_forecast(predict, windows, horizon):
    """predict: (N, W, 1) -> (N, 1); windows (N, W, 1); horizon >= 1 -> forecasts (N, horizon)."""
    window = np.asarray(windows, dtype=float)
    forecasts = []
    for _ in range(horizon):
        step = np.asarray(predict(window), dtype=float).reshape(len(window), 1)  # (N, 1)
        forecasts.append(step)
        window = np.concatenate([step[:, None], window[:, :-1]], axis=1)
    return np.concatenate(forecasts, axis=1)
