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
