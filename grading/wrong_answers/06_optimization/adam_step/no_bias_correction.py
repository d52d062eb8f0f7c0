# mistake: No bias correction
# why: It steps with the raw averages m and v, which start near zero; without dividing by 1 - beta^t the first steps are several times too long.
# hint: At t = 1, m is only 0.1 g and v is 0.001 g². Which correction of section 5 undoes that?
def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    beta1, beta2 = betas
    t = t + 1
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return params - lr * m / (np.sqrt(v) + eps), m, v, t
