# mistake: Calls the library's gradcheck comparison
# why: The exercise asks for your own relative error; the private comparison inside labkit.nn.gradcheck computes it for you.
# hint: np.linalg.norm, one max and one division are all you need.
import importlib

gc = importlib.import_module("labkit.nn.gradcheck")  # the module (labkit.nn.gradcheck is also a function)


def relative_error(a, b):
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return gc._compare("x", a, b, 1e-12, a.size).max_error  # the library's comparison
