# mistake: Derivative returns tanh itself
# why: It returns tanh(z), the function's value, instead of its slope; at z = 0 it gives 0 though tanh is steepest there.
# hint: At z = 0 tanh is steepest (slope 1); what does your function return there?
def tanh_prime(z):
    """z: a number or an array of any shape -> 1 - tanh(z)**2, same shape."""
    return np.tanh(z)
