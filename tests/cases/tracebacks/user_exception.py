class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")

def validate(record):
    if "name" not in record:
        raise ValidationError("name", "missing")

validate({"name": "ok"})
validate({})
