there = "there"
