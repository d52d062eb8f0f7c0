# mistake: Boundary passes through a point
# why: The line w·x + b = 0 passes exactly through (1, 1), so z is 0 there and the step outputs 1 instead of 0.
# hint: Compute z for the input (1, 1) with your numbers: a point exactly on the line counts as firing. Slide the line a little.
nand_weights = (-1.0, -1.0, 2.0)
