# mistake: The curvature, not a learning rate
# why: 20 is the largest curvature of the ravine, not a step size; with lr = 20 the steep factor is far below -1 and the path blows up at once.
# hint: Write the factor of the steep direction for your value: is it between -1 and 1? The rule of thumb relates the learning rate to the curvature, not equates them.
max_stable_lr = 20
