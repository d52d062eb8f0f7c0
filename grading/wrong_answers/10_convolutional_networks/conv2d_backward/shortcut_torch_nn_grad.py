# mistake: Calls torch.nn.grad
# why: torch.nn.grad.conv2d_input and conv2d_weight are library routines for exactly these two gradients.
# hint: Derive them from the sums of section 7 and compute them with NumPy (your conv2d may help).
def conv2d_backward(x, weight, grad_out):
    """Gradients of a stride-1, unpadded convolution: x (N, C, H, W), weight (O, C, kh, kw),
    grad_out (N, O, OH, OW) -> (grad_x (N, C, H, W), grad_weight (O, C, kh, kw), grad_bias (O,))."""
    xt, wt, gt = (torch.tensor(np.asarray(a, dtype=float)) for a in (x, weight, grad_out))
    grad_x = torch.nn.grad.conv2d_input(xt.shape, wt, gt).numpy()
    grad_weight = torch.nn.grad.conv2d_weight(xt, wt.shape, gt).numpy()
    return grad_x, grad_weight, gt.numpy().sum(axis=(0, 2, 3))
