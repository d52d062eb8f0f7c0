max_stable_lr = 2.0  # 2 / 1, from the w1 direction
