# mistake: Probability target treated as regression
# why: The tumour task outputs a probability, but its data say tumour or not: a yes/no target, not a number to regress.
# hint: Look at what the data record for the tumour task, not at what the model outputs: is the target a measured number or a label?
loss_choice = {
    "house_price": "mse",
    "spam": "bce",
    "digit": "ce",
    "temperature": "mse",
    "tumour": "mse",
    "language": "ce",
    "tags": "bce",
}
