# mistake: Mean squared error for everything
# why: Only the numeric targets (a price, a temperature) are regression; the classification tasks need a cross-entropy loss on probabilities.
# hint: For each task ask what the target is: a number, a yes/no answer, one class of several, or several yes/no labels.
loss_choice = {
    "house_price": "mse",
    "spam": "mse",
    "digit": "mse",
    "temperature": "mse",
    "tumour": "mse",
    "language": "mse",
    "tags": "mse",
}
