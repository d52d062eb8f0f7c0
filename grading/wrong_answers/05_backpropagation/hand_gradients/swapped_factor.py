dL_dd = -5.0  # L = d * a
dL_de = -5.0
dL_dc = -5.0
dL_db = -10.0
dL_da = 10.0
