# mistake: Probability target treated as regression
# why: A task whose model outputs a probability got the regression loss, but its data record a yes/no label, not a measured number.
# hint: For each task, look at what the data record, not at what the model outputs: is the target a measured number or a label?
loss_choice = {
    "house_price": "mse",
    "spam": "bce",
    "digit": "ce",
    "temperature": "mse",
    "tumour": "mse",
    "language": "ce",
    "tags": "bce",
}
