# mistake: NOR weights instead of NAND
# why: The bias is too small: one active input already pushes z below 0, so only (0, 0) fires, which is NOR, not NAND.
# hint: Compute z for (0, 1) and (1, 0): NAND should still fire there. Which of the three numbers moves the line without turning it?
nand_weights = (-1.0, -1.0, 0.5)
