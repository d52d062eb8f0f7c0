nand_weights = (-1.0, -1.0, 2.0)
