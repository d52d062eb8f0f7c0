# mistake: Calls torch's autograd
# why: The exercise asks you to derive the gradients and compute them with NumPy; torch's autograd computes them for you.
# hint: Write the two sums of section 7 with NumPy: pad grad_out by k - 1 and slide the flipped kernel for grad_x; correlate x with grad_out for grad_weight.
def conv2d_backward(x, weight, grad_out):
    """Gradients of a stride-1, unpadded convolution: x (N, C, H, W), weight (O, C, kh, kw),
    grad_out (N, O, OH, OW) -> (grad_x (N, C, H, W), grad_weight (O, C, kh, kw), grad_bias (O,))."""
    xt = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)
    wt = torch.tensor(np.asarray(weight, dtype=float), requires_grad=True)
    bt = torch.zeros(wt.shape[0], dtype=torch.float64, requires_grad=True)
    torch.nn.functional.conv2d(xt, wt, bt).backward(torch.tensor(np.asarray(grad_out, dtype=float)))
    return xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()
