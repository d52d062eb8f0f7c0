# mistake: Correction with t before incrementing
# why: The bias correction uses the old t (0 on the first step), so 1 - beta^0 = 0 and the division gives inf or nan; t is only increased when returned.
# hint: At the first call t is 0; what is 1 - 0.9**0? Increase the count before using it.
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v, t + 1
