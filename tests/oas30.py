"""Validate request and response bodies against an OpenAPI 3.0 description with plain jsonschema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

_DROP = {"nullable", "example", "examples", "discriminator", "xml", "externalDocs", "deprecated"}


def to_json_schema(node: Any, *, names: bool = False) -> Any:
    """OAS 3.0 schema → JSON Schema draft 4: `nullable: true` becomes an explicit null alternative."""
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    if names:  # the keys are property names, not keywords
        return {key: to_json_schema(value) for key, value in node.items()}
    out = {
        key: to_json_schema(value, names=key in ("properties", "schemas", "patternProperties"))
        for key, value in node.items()
        if key not in _DROP
    }
    if node.get("nullable") is True:
        if "type" in out:
            out["type"] = [out["type"], "null"]
            if "enum" in out and None not in out["enum"]:
                out["enum"] = [*out["enum"], None]
        else:
            out = {"anyOf": [{"type": "null"}, out]}
    return out


class OpenApi30:
    """Looks operations up by operationId and validates JSON bodies; collects problems as strings."""

    def __init__(self, path: Path) -> None:
        self.doc = json.loads(path.read_text(encoding="utf-8"))
        self.components = to_json_schema(self.doc.get("components", {}))
        self.ops: dict[str, dict[str, Any]] = {}
        for item in self.doc["paths"].values():
            for op in item.values():
                if isinstance(op, dict) and "operationId" in op:
                    self.ops[op["operationId"]] = op
        self._validators: dict[str, jsonschema.Draft4Validator] = {}

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = self.doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def _schema(self, content_owner: dict[str, Any] | None) -> Any:
        if content_owner is None:
            return None
        content = self._resolve(content_owner).get("content") or {}
        media = content.get("application/json") or {}
        return media.get("schema")

    def _check(self, key: str, schema: Any, body: Any) -> list[str]:
        validator = self._validators.get(key)
        if validator is None:
            root = {**to_json_schema(schema), "components": self.components}
            validator = jsonschema.Draft4Validator(root)
            self._validators[key] = validator
        return [
            f"{key}: {'/'.join(str(p) for p in err.absolute_path) or '<root>'}: {err.message[:200]}"
            for err in validator.iter_errors(body)
        ]

    def request_errors(self, op_id: str, body: Any) -> list[str]:
        op = self.ops.get(op_id)
        if op is None:
            return []
        if op_id == "issues/add-labels" and isinstance(body, list):
            # The description says a bare array is accepted too (its oneOf lists only objects).
            return [
                f"{op_id} request: label {item!r} is not a string"
                for item in body
                if not isinstance(item, str)
            ]
        schema = self._schema(op.get("requestBody"))
        if schema is None:
            return [] if body is None else [f"{op_id} request: the operation takes no body"]
        return self._check(f"{op_id} request", schema, body)

    def response_errors(self, op_id: str, status: int, body: Any) -> list[str]:
        op = self.ops.get(op_id)
        if op is None:
            return []
        responses = op.get("responses", {})
        if str(status) not in responses:
            return [] if status >= 400 else [f"{op_id}: status {status} is not documented"]
        schema = self._schema(responses[str(status)])
        if schema is None:
            return []
        return self._check(f"{op_id} {status}", schema, body)
