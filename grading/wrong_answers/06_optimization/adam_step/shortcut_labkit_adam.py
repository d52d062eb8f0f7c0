# mistake: Calls the library's Adam
# why: The exercise asks for your own Adam step written with NumPy; labkit.nn.Adam does it for you (and this version returns zeroed m and v).
# hint: Follow the equations of section 5 with NumPy: two averages, two corrections, one step.
from labkit.nn import Adam, Parameter


def adam_step(params, grad, m, v, t, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    """params, grad, m, v: arrays of one shape; t steps so far -> (new params, new m, new v, new t)."""
    p = Parameter(np.array(params, dtype=float))
    p.grad = np.asarray(grad, dtype=float)
    opt = Adam([p], lr=lr, betas=betas, eps=eps)
    opt.step()
    return p.data, np.asarray(m) * 0, np.asarray(v) * 0, t + 1
