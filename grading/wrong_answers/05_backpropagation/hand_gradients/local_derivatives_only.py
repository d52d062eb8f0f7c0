dL_dd = 2.0
dL_de = 1.0   # d = e + c: derivative 1
dL_dc = 1.0
dL_db = 2.0   # e = a * b: derivative a
dL_da = -8.0  # d + b
