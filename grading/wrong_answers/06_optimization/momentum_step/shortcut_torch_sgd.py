# mistake: Calls the library's torch.optim.SGD
# why: The exercise asks for your own momentum step written with NumPy; torch.optim.SGD with momentum does it for you.
# hint: Two lines of NumPy: the new velocity, then the step with it.
import torch


def momentum_step(params, grad, velocity, lr, momentum=0.9):
    """params, grad, velocity: arrays of one shape; lr, momentum numbers -> (new params, new velocity)."""
    p = torch.tensor(np.array(params, dtype=float), requires_grad=True)
    p.grad = torch.as_tensor(np.asarray(grad, dtype=float))
    opt = torch.optim.SGD([p], lr=lr, momentum=momentum)
    if np.any(velocity):
        opt.state[p]["momentum_buffer"] = torch.as_tensor(np.array(velocity, dtype=float))
    opt.step()
    return p.detach().numpy(), opt.state[p]["momentum_buffer"].numpy()
