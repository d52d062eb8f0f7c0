# mistake: Average weights swapped
# why: The averages keep (1 - beta) of the old value and add beta times the new gradient, the opposite of Adam's rule, so m and v forget almost everything at once.
# hint: With beta1 = 0.9, the average should keep 90% of its old value; which factor multiplies the old m in your code?
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    t = t + 1
    m = (1 - beta1) * m + beta1 * grad
    v = (1 - beta2) * v + beta2 * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v, t
