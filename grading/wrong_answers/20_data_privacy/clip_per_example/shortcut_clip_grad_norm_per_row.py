def clip_per_example(grads, max_norm):
    """torch's clip_grad_norm_, applied to each row as if it were the gradient of a parameter."""
    rows = []
    for row in grads:
        parameter = torch.zeros_like(row, requires_grad=True)
        parameter.grad = row.clone()
        torch.nn.utils.clip_grad_norm_([parameter], max_norm)
        rows.append(parameter.grad)
    return torch.stack(rows)
