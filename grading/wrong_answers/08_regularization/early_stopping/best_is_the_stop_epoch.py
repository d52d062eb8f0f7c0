# mistake: Best epoch = stop epoch
# why: It returns the stopping epoch as best_epoch, but the weights to restore are from the epoch with the lowest loss, several epochs earlier.
# hint: In the lesson's example, training stops at epoch 5 but the lowest loss was at epoch 2; do you remember where the best loss happened?
def early_stopping(val_losses, patience):
    best, waited = np.inf, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, waited = loss, 0
        else:
            waited += 1
            if waited >= patience:
                return epoch, epoch
    return len(val_losses) - 1, len(val_losses) - 1
