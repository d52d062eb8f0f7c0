# mistake: Calls the library's clip_grad_norm_
# why: The exercise asks for your own clipping with tensor arithmetic; torch's clip_grad_norm_ applied row by row does it for you, so the check refuses it.
# hint: Compute each row's norm, the factor min(1, C / norm), and multiply the rows by it.
def clip_per_example(grads, max_norm):
    """torch's clip_grad_norm_, applied to each row as if it were the gradient of a parameter."""
    rows = []
    for row in grads:
        parameter = torch.zeros_like(row, requires_grad=True)
        parameter.grad = row.clone()
        torch.nn.utils.clip_grad_norm_([parameter], max_norm)
        rows.append(parameter.grad)
    return torch.stack(rows)
