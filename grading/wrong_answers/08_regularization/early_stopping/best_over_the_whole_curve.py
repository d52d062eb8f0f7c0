def early_stopping(val_losses, patience):
    best, waited = np.inf, 0
    stop = len(val_losses) - 1
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, waited = loss, 0
        else:
            waited += 1
            if waited >= patience:
                stop = epoch
                break
    return stop, int(np.argmin(val_losses))
