# mistake: Limit of the flat direction
# why: That is the limit of the flat direction w1 (curvature 1), but the steep direction w2 leaves the stable range much earlier and diverges.
# hint: Both factors must stay between -1 and 1; which direction fails first as lr grows?
max_stable_lr = 2.0  # 2 / 1, from the w1 direction
