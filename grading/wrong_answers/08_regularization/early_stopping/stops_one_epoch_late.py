# mistake: Stops one epoch late
# why: It stops only when the count exceeds patience (>), so it waits one epoch more than the rule says.
# hint: With patience 3 and epochs 3, 4, 5 without improvement, training stops at 5. Compare your condition: reaches or exceeds?
def early_stopping(val_losses, patience):
    best, best_epoch, waited = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited > patience:
                return epoch, best_epoch
    return len(val_losses) - 1, best_epoch
