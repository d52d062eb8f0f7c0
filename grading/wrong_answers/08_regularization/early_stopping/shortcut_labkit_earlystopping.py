# mistake: Calls the library's EarlyStopping
# why: The exercise asks you to replay the rule yourself; labkit.train.EarlyStopping applies it for you.
# hint: One loop over the losses with three variables: the best loss, its epoch, and the epochs since it.
from labkit.train import EarlyStopping


class _Trainer:
    stop_training = False

    def get_weights(self):
        return None


def early_stopping(val_losses, patience):
    """val_losses: one number per epoch -> (stop_epoch, best_epoch), both counted from 0."""
    stopper, trainer = EarlyStopping(patience=patience, restore_best=False), _Trainer()
    stopper.on_train_begin(trainer)
    for epoch, loss in enumerate(val_losses):
        stopper.on_epoch_end(epoch, {"val_loss": loss}, trainer)
        if trainer.stop_training:
            break
    stop = stopper.stopped_epoch_ if stopper.stopped_epoch_ is not None else len(val_losses) - 1
    return stop, stopper.best_epoch_
