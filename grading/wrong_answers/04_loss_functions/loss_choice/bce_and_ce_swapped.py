loss_choice = {
    "house_price": "mse",
    "spam": "ce",
    "digit": "bce",
    "temperature": "mse",
    "tumour": "ce",
    "language": "bce",
    "tags": "ce",
}
