# mistake: Too low: half the points
# why: 0.5 is too pessimistic: a single line can put more than two of the four XOR points on their correct side.
# hint: In the playground, choose XOR and drag the sliders: how many of the four points can you put on their correct side at once?
xor_best_accuracy = 0.5
