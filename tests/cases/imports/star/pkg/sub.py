WHAT = "sub"
