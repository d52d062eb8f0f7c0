# mistake: Calls the library's Perceptron
# why: The exercise asks for your own training loop; labkit.nn.Perceptron does the training for you.
# hint: Write the loop yourself: two nested loops (epochs, examples) that use your perceptron_update from Exercise 3.
def train_perceptron(X, y, lr=0.1, epochs=20):
    """X (N, n), y (N,) of 0/1 -> (w (n,), b, errors: list of mistakes per epoch)."""
    model = getattr(__import__("labkit.nn", fromlist=["Perceptron"]), "Perceptron")(lr=lr, epochs=epochs)
    model.fit(X, y)
    return model.weights_, model.bias_, list(model.errors_)
