loss_choice = {
    "house_price": "mse",
    "spam": "mse",
    "digit": "mse",
    "temperature": "mse",
    "tumour": "mse",
    "language": "mse",
    "tags": "mse",
}
