# mistake: Square root of m, not v
# why: The denominator takes the square root of m_hat, the average gradient (which can be negative), instead of v_hat, the average squared gradient.
# hint: If you get nan, check what is under the square root: which average is always non-negative?
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    t = t + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return params - lr * m_hat / (np.sqrt(m_hat) + eps), m, v, t
