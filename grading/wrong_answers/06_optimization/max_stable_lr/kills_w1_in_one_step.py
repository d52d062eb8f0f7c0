max_stable_lr = 1.0  # 1 - lr = 0
