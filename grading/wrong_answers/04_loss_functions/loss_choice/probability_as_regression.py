loss_choice = {
    "house_price": "mse",
    "spam": "bce",
    "digit": "ce",
    "temperature": "mse",
    "tumour": "mse",
    "language": "ce",
    "tags": "bce",
}
