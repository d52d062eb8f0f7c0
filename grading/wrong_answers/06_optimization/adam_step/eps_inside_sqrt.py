# mistake: eps inside the square root
# why: It divides by sqrt(v_hat + eps) instead of sqrt(v_hat) + eps, which changes the step noticeably for weights with tiny gradients.
# hint: Look at the weight whose gradient is 1e-4: its step should be about lr. Where does eps go relative to the square root?
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    t = t + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return params - lr * m_hat / np.sqrt(v_hat + eps), m, v, t
