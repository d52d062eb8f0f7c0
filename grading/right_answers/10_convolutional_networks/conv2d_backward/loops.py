def conv2d_backward(x, weight, grad_out):
    """Gradients of a stride-1, unpadded convolution, by scattering each upstream entry back over its window."""
    x, weight, grad_out = (np.asarray(a, dtype=float) for a in (x, weight, grad_out))
    kh, kw = weight.shape[2:]
    grad_x, grad_weight = np.zeros_like(x), np.zeros_like(weight)
    for n in range(grad_out.shape[0]):
        for o in range(grad_out.shape[1]):
            for i in range(grad_out.shape[2]):
                for j in range(grad_out.shape[3]):
                    grad_x[n, :, i:i + kh, j:j + kw] += grad_out[n, o, i, j] * weight[o]
                    grad_weight[o] += grad_out[n, o, i, j] * x[n, :, i:i + kh, j:j + kw]
    return grad_x, grad_weight, grad_out.sum(axis=(0, 2, 3))
