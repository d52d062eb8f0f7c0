# mistake: Calls labkit's recursive_forecast
# why: The exercise asks you to write the loop that feeds the forecasts back; labkit.recurrent.recursive_forecast is the lesson's reference for the demos.
# hint: Loop horizon times: predict, store the (N, 1) forecast, slide the window by one with the forecast as its newest value.
def recursive_forecast(predict, windows, horizon):
    """predict: (N, W, 1) -> (N, 1); windows (N, W, 1); horizon >= 1 -> forecasts (N, horizon)."""
    from labkit.recurrent import recursive_forecast as reference

    return reference(predict, windows, horizon)
