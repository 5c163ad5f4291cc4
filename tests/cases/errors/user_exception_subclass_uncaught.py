class AppError(Exception):
    pass

class DatabaseError(AppError):
    def __init__(self, table):
        super().__init__("table " + table + " is locked")

raise DatabaseError("users")
