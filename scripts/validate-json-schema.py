#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (draft-07) with format checks on.

    scripts/validate-json-schema.py SCHEMA DOCUMENT...

Prints one line per document, `OK path` or `INVALID path: <first error>`, and exits 0 when
every document is valid, 1 when one is not, and 2 when the validator itself is missing.
Format checks need rfc3339-validator (date-time) and rfc3986-validator (uri); without them
jsonschema skips those checks silently, so their absence is an error here (`make deps`).
"""
import json
import sys

try:
    import jsonschema
    import rfc3339_validator  # noqa: F401  (enables format: date-time)
    import rfc3986_validator  # noqa: F401  (enables format: uri)
except ImportError as missing:
    sys.stderr.write(f"validate-json-schema: {missing}; run `make deps` to install jsonschema, "
                     "rfc3339-validator and rfc3986-validator\n")
    sys.exit(2)


def main(arguments):
    if len(arguments) < 2:
        sys.stderr.write(__doc__)
        return 2
    with open(arguments[0], encoding="utf-8") as file:
        schema = json.load(file)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    failed = False
    for path in arguments[1:]:
        with open(path, encoding="utf-8") as file:
            document = json.load(file)
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        if errors:
            failed = True
            where = "/".join(str(part) for part in errors[0].absolute_path) or "(document)"
            print(f"INVALID {path}: {where}: {errors[0].message}")
        else:
            print(f"OK {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
