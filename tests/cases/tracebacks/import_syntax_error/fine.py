OK = "fine"
