# mistake: Factor 0, not -1
# why: This value makes the steep factor exactly 0, the fastest rate for w2, but larger rates still converge: a factor between -1 and 0 shrinks, with a zigzag.
# hint: A factor of -0.5 flips the sign and still halves the distance. At which value of the factor does shrinking stop?
max_stable_lr = 1 / 20
