nand_weights = (-1.0, -1.0, 0.5)
