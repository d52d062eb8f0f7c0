# mistake: Ties count as improvement
# why: A loss equal to the best so far is treated as an improvement (<=), which resets the patience and moves best_epoch; the rule says strictly lower.
# hint: Try losses [1.0, 0.9, 0.9, 0.9, 0.9, 0.5] with patience 3: is a repeated 0.9 better than 0.9?
def early_stopping(val_losses, patience):
    best, best_epoch, waited = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss <= best:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
    return len(val_losses) - 1, best_epoch
