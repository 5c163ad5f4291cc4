# A dotted import whose first part is missing names that part.
import os.path
import nosuch.futures
