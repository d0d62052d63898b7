#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates JSON documents against a JSON Schema: validate_schema.py SCHEMA FILE...

Exit 0 when every file is valid, 1 when one is not (each error printed as FILE: PATH: MESSAGE),
3 when python3-jsonschema is missing (the caller reports a skip with that reason)."""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("unavailable: python3-jsonschema is not installed (scripts/install-deps)")
    sys.exit(3)

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.validators.validator_for(schema)
validator.check_schema(schema)
failed = False
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    for error in sorted(validator(schema).iter_errors(document), key=str):
        failed = True
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"{path}: {where}: {error.message}")
sys.exit(1 if failed else 0)
