# mistake: Pads every axis
# why: np.pad(x, padding) pads the batch and channel axes too, so the padded array holds extra all-zero images and channels, and the indexing lands on the wrong ones.
# hint: Print the shape of your padded array: only the two image axes should grow. Give np.pad one pair per axis.
def conv2d_loops(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), with explicit loops."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    n_images, _, h, w = x.shape
    n_out, _, kh, kw = weight.shape
    xp = np.pad(x, padding)  # pads the batch and channel axes too
    oh, ow = conv_output_size(h, kh, stride, padding), conv_output_size(w, kw, stride, padding)
    out = np.zeros((n_images, n_out, oh, ow))
    for n in range(n_images):
        for o in range(n_out):
            for i in range(oh):
                for j in range(ow):
                    window = xp[n, :x.shape[1], i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[n, o, i, j] = np.sum(window * weight[o])
            if bias is not None:
                out[n, o] += bias[o]
    return out
