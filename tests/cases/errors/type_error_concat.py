age = 30
message = "age: " + age
