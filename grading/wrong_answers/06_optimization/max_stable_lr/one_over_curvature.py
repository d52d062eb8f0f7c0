max_stable_lr = 1 / 20
