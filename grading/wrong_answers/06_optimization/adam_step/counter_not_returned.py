# mistake: Step counter not returned
# why: The correction uses the incremented count, but the old t is returned, so the next call repeats the same step number and its bias correction.
# hint: After the first step, the returned t should be 1. What do you return?
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    step = t + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**step)
    v_hat = v / (1 - beta2**step)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v, t
