print("opening")
f = open("this_file_does_not_exist.txt")
