# mistake: Several tags treated as one class
# why: The tags task got the loss for exactly one class out of many, but several tags can describe one photo, so the tags should not compete for one share of probability.
# hint: Can one photo have two tags at once? What does that mean for one softmax over all 20 tags?
loss_choice = {
    "house_price": "mse",
    "spam": "bce",
    "digit": "ce",
    "temperature": "mse",
    "tumour": "bce",
    "language": "ce",
    "tags": "ce",
}
