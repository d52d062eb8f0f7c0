# mistake: Returns the corrected averages
# why: It returns m_hat and v_hat instead of the raw averages m and v, so the next step corrects them a second time.
# hint: The caller passes your returned m and v back in next time; should they be the raw averages or the corrected ones?
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    t = t + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat, t
