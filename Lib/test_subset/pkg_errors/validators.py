class ValidationError(Exception):
    """Raised when a record is invalid."""

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


def require(record, field):
    if field not in record:
        raise ValidationError(field, "is required")
    return record[field]


def positive(record, field):
    value = require(record, field)
    if value <= 0:
        raise ValidationError(field, f"must be positive, got {value}")
    return value
