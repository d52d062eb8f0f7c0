# mistake: Best over the whole curve
# why: best_epoch is the minimum over all the losses, including epochs after the stop that training would never have seen.
# hint: Early stopping cannot know the future; which epochs were seen when training stopped?
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
