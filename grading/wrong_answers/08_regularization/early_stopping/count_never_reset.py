# mistake: Patience count never reset
# why: The count of epochs without improvement is not reset when the loss improves, so non-improving epochs from before add up and training stops too early.
# hint: After a new best, how many epochs have passed without improvement? Check what your counter holds then.
def early_stopping(val_losses, patience):
    best, best_epoch, waited = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, best_epoch = loss, epoch
        else:
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
    return len(val_losses) - 1, best_epoch
