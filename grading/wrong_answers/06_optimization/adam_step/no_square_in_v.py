# mistake: v averages g, not g²
# why: v is an average of the gradient itself instead of its square, so it can be negative and the square root gives nan.
# hint: v is the second moment, the typical size of the gradient; what should be averaged so it is never negative?
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    t = t + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v, t
