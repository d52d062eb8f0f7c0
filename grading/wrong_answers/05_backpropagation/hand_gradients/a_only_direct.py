dL_dd = 2.0
dL_de = 2.0
dL_dc = 2.0
dL_db = 4.0
dL_da = -5.0  # L = d * a, so dL/da = d
