# mistake: Binary and categorical swapped
# why: The two cross-entropies are exchanged: the yes/no tasks got the one-of-many loss and the one-of-many tasks got the yes/no loss.
# hint: For each classification task, count the possible answers and how many can be true at once; match that with what each loss assumes.
loss_choice = {
    "house_price": "mse",
    "spam": "ce",
    "digit": "bce",
    "temperature": "mse",
    "tumour": "ce",
    "language": "bce",
    "tags": "ce",
}
