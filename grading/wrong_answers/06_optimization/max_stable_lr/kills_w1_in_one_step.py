# mistake: Solves w1 in one step
# why: With this value w1's factor is 0 (w1 reaches the minimum in one step), but w2's factor is far below -1, so the path blows up.
# hint: Check the factor of the steep direction w2 for your value: does it stay between -1 and 1?
max_stable_lr = 1.0  # 1 - lr = 0
