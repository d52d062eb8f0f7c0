max_stable_lr = 20
