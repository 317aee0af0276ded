# The technician's Alipay smart-store screen.
