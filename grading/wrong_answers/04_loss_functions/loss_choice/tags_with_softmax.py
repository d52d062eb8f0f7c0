loss_choice = {
    "house_price": "mse",
    "spam": "bce",
    "digit": "ce",
    "temperature": "mse",
    "tumour": "bce",
    "language": "ce",
    "tags": "ce",
}
