#!/usr/bin/env python3
"""Derive the project's contract for Pipeliner Cloud API v100 from the vendor's OpenAPI document.

Usage:
    python3 contract/derive-v100.py <vendor api.json> [<output>]

The output (default: pipeliner-v100.openapi.json next to this program) is a trimmed, corrected
OpenAPI 3.0.3 document: only facts (names, types, formats, enums, readOnly, required, parameters,
bodies, responses), only the collections this project serves, every $ref resolving inside it,
and a top-level `x-derivation` that lists every change made to the vendor's text. Where the
vendor's document contradicts answers captured from the real service, the answers win and the
spot carries a short `x-real-service` note.

Python 3.11 standard library only. Deterministic: the same input gives byte-identical output.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

SOURCE = {
    "repository": "github.com/amp-labs/connectors",
    "path": "providers/pipeliner/openapi/api.json",
    "commit": "6a04f562eb496b187c9c39c79c853252172e6ab1",
    "sha256": "bf9e406fea255ea92208d50afc2f4956ef3786aa90e29b8193c654163122ca2a",
}

# Collections the project must have in its contract.
REQUIRED_COLLECTIONS = ["Accounts", "Contacts", "Leads", "Opportunities", "Tasks", "Appointments", "Notes",
                        "Products", "Clients", "SalesUnits", "Entities", "Fields"]

# Further collections the embedded emulator serves on v100: the standard (v1) collections that v100
# has under the same plural. The emulator serves exactly the collections of this contract.
EMULATOR_COLLECTIONS = ["Accounts", "AccountTypes", "Activities", "Appointments", "Clients", "Contacts",
                        "Currencies", "Data", "Emails", "Leads", "MasterRights", "Notes", "Opportunities",
                        "OpptyProductRelations", "Products", "ProductCategories", "ProductPriceLists",
                        "ProductPriceListPrices", "SalesRoles", "SalesUnits"]

# Standard (v1) collections that v100 has not under the same plural, which the emulator leaves out of v100.
EMULATOR_ABSENT = ["ActivityTypes", "AddressbookRelations", "Documents", "ExRateLists", "Industries",
                   "IntegrationEnvs", "Messages", "OpptyAccountRelations", "OpptyContactRelations",
                   "OpptyContactRoles", "ReasonOfCloses", "Reminders", "Stages"]

# The operations the client uses, by path suffix and method.
OPERATIONS = [
    ("", "get", "list"),
    ("/{id}", "get", "get"),
    ("", "post", "create"),
    ("/{id}", "patch", "update"),
    ("/{id}", "delete", "delete"),
    ("/batch-modify", "post", "batch-modify"),
    ("/batch-delete", "post", "batch-delete"),
]

# Schema keywords that carry facts, kept in the document's order. Everything else (description, summary, example, examples,
# title, externalDocs, xml) is prose or sample data and is dropped.
SCHEMA_KEYS = ["$ref", "type", "format", "enum", "default", "nullable", "readOnly", "writeOnly", "deprecated",
               "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
               "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
               "required", "properties", "additionalProperties", "items", "allOf", "oneOf", "anyOf", "not"]
PARAMETER_KEYS = ["name", "in", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved",
                  "schema"]

# Properties that every captured answer carries with a value (Notes, Profiles).
SYSTEM_NON_NULL = ["id", "is_deleted", "is_delete_protected", "created", "modified", "revision"]

# Date-times in answers look like 2023-03-23 14:20:54.529536+00:00 (a space, not RFC 3339's T;
# Python's str(datetime), which drops the fraction when it is zero). Requests may use T.
DATE_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$"

MEDIA_BAD = "application / json"
MEDIA = "application/json"

REL_URI = re.compile(r"^Relation to (\w+)\. By default it is returned as URI")
REL_INPUT = re.compile(r"^Relation to (\w+), see: '")
ENUM_NAMES = re.compile(r"^Integer enum value: (.*)$", re.S)
FLAG_OPTION = re.compile(r"^(\w+) = (\d+) \(0b[01]+\)$")
FIELD_TYPES = re.compile(r"Supported field types are: ([a-z_, ]+)$")


class Derivation:
    """Counts and sentences for x-derivation, in the order the program meets them."""

    def __init__(self):
        self.counts = {}

    def count(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def get(self, key):
        return self.counts.get(key, 0)


D = Derivation()

# The document's own form of each shared parameter, to tell which operations may refer to it.
BASE_PARAMETERS = {}


def ref(name, kind="schemas"):
    return {"$ref": "#/components/" + kind + "/" + name}


def clean_schema(node):
    """A copy of a schema node with only the fact keywords, recursively."""
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key not in SCHEMA_KEYS:
            continue
        if key == "properties":
            out[key] = {name: clean_schema(sub) for name, sub in value.items()}
        elif key in ("items", "not"):
            out[key] = clean_schema(value)
        elif key == "additionalProperties":
            out[key] = value if isinstance(value, bool) else clean_schema(value)
        elif key in ("allOf", "oneOf", "anyOf"):
            out[key] = [clean_schema(sub) for sub in value]
        elif key == "$ref":
            out[key] = value
        else:
            out[key] = json.loads(json.dumps(value))
    for key in node:
        if key in ("description", "example", "examples", "title"):
            D.count("prose keys dropped")
    return out


def collection_names(doc):
    """Entity schema name to collection (plural), for every collection of the document, read from the
    schema its GET /entities/{C}/{id} answers with."""
    plural = {}
    for path, item in doc["paths"].items():
        parts = path.split("/")
        if len(parts) != 4 or parts[1] != "entities" or parts[3] != "{id}" or "{" in parts[2]:
            continue
        entity = answer_data_ref(item.get("get", {}), "200")
        if entity:
            plural.setdefault(entity.split("/")[-1], parts[2])
    return plural


def target(entity, plurals):
    fact = {"entity": entity}
    if entity in plurals:
        fact["collection"] = plurals[entity]
    return fact


def enum_names(description, values):
    """x-enum-varnames from 'Integer enum value: 0 - NoAccess, 1 - Readonly', when they match the enum."""
    m = ENUM_NAMES.match(description or "")
    if not m:
        return None
    pairs = []
    for part in m.group(1).split(", "):
        bits = part.split(" - ", 1)
        if len(bits) != 2 or not bits[0].strip().isdigit() or not re.fullmatch(r"\w+", bits[1].strip()):
            return None
        pairs.append((int(bits[0]), bits[1].strip()))
    if [v for v, _ in pairs] != list(values):
        D.count("enum names that did not match their enum")
        return None
    return [n for _, n in pairs]


def flag_options(description):
    options = {}
    for line in (description or "").splitlines():
        m = FLAG_OPTION.match(line.strip())
        if m:
            options[m.group(1)] = int(m.group(2))
    return options


def fix_property(name, raw, kind, siblings, plurals, non_null, required):
    """The contract's form of one property of an entity schema or of an input schema."""
    prop = clean_schema(raw)
    description = raw.get("description", "")

    # A string whose enum holds integers (label_flag): a bit mask of integer options.
    if prop.get("type") == "string" and prop.get("enum") and all(isinstance(v, int) for v in prop["enum"]):
        options = flag_options(description)
        D.count("string typed bit masks with integer enums")
        prop = {"type": "integer", "format": "int32", "minimum": 0,
                "maximum": sum(options.values()) if options else sum(prop["enum"])}
        if options:
            prop["x-pipeliner-flags"] = options

    # format: binary in a JSON body: the value is JSON of an unknown shape (a translations map).
    if prop.get("format") == "binary":
        D.count("binary formats in JSON bodies")
        prop = {"x-pipeliner-format": "json"}

    # Date-times: the real form has a space where RFC 3339 has T.
    if prop.get("format") == "date-time":
        D.count("date-time formats")
        del prop["format"]
        prop["pattern"] = DATE_TIME_PATTERN
        prop["x-pipeliner-format"] = "date-time"

    # Relation facts from the prose.
    m = REL_URI.match(description)
    if prop.get("format") == "uri" and m:
        if name == "field_permissions" and m.group(1) == "Data":
            D.count("relation targets copied from a neighbour and left out")
        else:
            fact = target(m.group(1), plurals)
            if name + "_id" in siblings:
                fact["id_property"] = name + "_id"
            prop["x-pipeliner-relation"] = fact
            D.count("relation targets stated")
    if name.endswith("_id") and prop.get("format") == "uuid":
        base = name[:-3]
        twin = siblings.get(base, {})
        tm = REL_URI.match(twin.get("description", ""))
        if tm:
            fact = target(tm.group(1), plurals)
            fact["uri_property"] = base
            prop["x-pipeliner-relation"] = fact
            D.count("relation targets stated")
    if name.endswith("_id") and "x-pipeliner-relation" not in prop and "abstract entity" in description:
        entity = "".join(part.capitalize() for part in name[:-3].split("_"))
        if entity in plurals:
            prop["x-pipeliner-relation"] = target(entity, plurals)
            D.count("relation targets stated")
    if prop.get("type") == "array" and isinstance(raw.get("items"), dict):
        item_desc = raw["items"].get("description", "")
        im = REL_URI.match(item_desc) or REL_INPUT.match(item_desc)
        if im:
            fact = target(im.group(1), plurals)
            fact["many"] = True
            prop["x-pipeliner-relation"] = fact
            D.count("relation targets stated")
        items = prop["items"]
        idp = items.get("properties", {}).get("id")
        if items.get("type") == "object" and idp and idp.get("format") == "uri":
            idp["format"] = "uuid"
            D.count("relation input ids typed as uri")

    # E-mail addresses: the prose says "Email address." where Pipeliner's field type is email.
    if prop.get("type") == "string" and description.strip() == "Email address.":
        prop["x-pipeliner-format"] = "email"
        D.count("e-mail addresses")

    # Names of integer enum values.
    if "enum" in prop:
        names = enum_names(description, prop["enum"])
        if names:
            prop["x-enum-varnames"] = names
            D.count("enums named")

    # Known values of Field.type_id (a list in the prose, kept as a fact, not as an enum).
    fm = FIELD_TYPES.search(description)
    if fm:
        prop["x-pipeliner-known-values"] = [v.strip() for v in fm.group(1).split(",")]

    # readOnly on a property that a create input requires: the create must send it.
    if kind == "create" and prop.get("readOnly") and name in required:
        del prop["readOnly"]
        D.count("readOnly dropped from required create properties")

    # null where unset.
    if name not in non_null and "$ref" not in prop:
        prop["nullable"] = True
        if "enum" in prop:
            prop["enum"] = prop["enum"] + [None]
        D.count("nullable properties (%s)" % ("answers" if kind == "entity" else "inputs"))
    return prop


def non_null_properties(entity_raw, create_raw):
    """The properties that are never null: SYSTEM_NON_NULL, what a create requires, and the URI twin
    of every required *_id (the 422 of a create without owner_id names both owner and owner_id)."""
    props = entity_raw.get("properties", {})
    names = [n for n in SYSTEM_NON_NULL if n in props]
    if create_raw:
        for n in create_raw.get("required", []):
            if n not in names:
                names.append(n)
            if n.endswith("_id") and n[:-3] in props and n[:-3] not in names:
                names.append(n[:-3])
    return names


def entity_schema(name, collection, raw, create_raw, plurals):
    props = raw.get("properties", {})
    non_null = non_null_properties(raw, create_raw)
    out = {"type": "object", "x-pipeliner-collection": collection}
    if "type" not in raw:
        D.count("object schemas without type")
    D.count("required widened to every property", len(props) - len(raw.get("required", [])))
    out["required"] = list(props)
    out["properties"] = {p: fix_property(p, v, "entity", props, plurals, non_null, []) for p, v in props.items()}
    out["x-real-service"] = ("Answers carry every property, null where unset; unmarked properties were "
                             "never seen null. Custom fields (cf_*) come as further properties.")
    return out, non_null


def input_schema(raw, kind, entity_props, plurals, non_null):
    props = raw.get("properties", {})
    required = [r for r in raw.get("required", []) if r in props]
    if len(required) != len(raw.get("required", [])):
        D.count("required names without a property")
    if "type" not in raw:
        D.count("object schemas without type")
    out = {"type": "object"}
    if required:
        out["required"] = required
    siblings = dict(entity_props)
    siblings.update(props)
    out["properties"] = {p: fix_property(p, v, kind, siblings, plurals, non_null, required)
                         for p, v in props.items()}
    return out


def clean_parameter(raw):
    out = {}
    for key in PARAMETER_KEYS:
        if key in raw:
            out[key] = clean_schema(raw[key]) if key == "schema" else raw[key]
    return out


def shared_schemas():
    uuid = {"type": "string", "format": "uuid"}
    error_props = {
        "code": {"type": "integer"},
        "name": {"type": "string"},
        "message": {"type": "string"},
        "http_status": {"type": "integer"},
        "success": {"type": "boolean", "enum": [False]},
    }
    message = {"type": "object", "required": ["code", "name", "message"],
               "properties": {"code": {"type": "integer"}, "name": {"type": "string"},
                              "message": {"type": "string"}}}
    detail = json.loads(json.dumps(message))
    detail["properties"]["field_id"] = dict(uuid, nullable=True)
    detail["properties"]["field_name"] = {"type": "string", "nullable": True}
    validation_props = {k: json.loads(json.dumps(v)) for k, v in error_props.items()}
    validation_props.update({
        "entity_id": dict(uuid, nullable=True),
        "entity_name": {"type": "string", "nullable": True},
        "entity_errors": {"type": "array", "items": ref("ErrorMessage")},
        "field_errors": {"type": "array", "items": ref("FieldError")},
        "step_checklist_errors": {"type": "array", "items": {"type": "object"}},
        "entity_index": {"type": "integer", "nullable": True},
    })
    return {
        "Error": {
            "type": "object",
            "required": list(error_props),
            "properties": dict(error_props, entity_index={"type": "integer", "nullable": True}),
            "x-real-service": "Every captured error carries all five properties; the vendor's document "
                              "requires only success and http_status and gives no type. An error about "
                              "an item of a batch also names the item's entity_index.",
        },
        "ErrorMessage": message,
        "FieldError": {
            "type": "object",
            "required": ["field_id", "field_name", "name", "code", "errors"],
            "properties": {"field_id": dict(uuid, nullable=True), "field_name": {"type": "string"},
                           "name": {"type": "string"}, "code": {"type": "integer"},
                           "errors": {"type": "array", "items": ref("FieldErrorDetail")}},
        },
        "FieldErrorDetail": detail,
        "ValidationError": {
            "type": "object",
            "required": list(validation_props),
            "properties": validation_props,
            "x-real-service": "422, code 40000 ERROR_ENTITY_VALIDATION; not in the vendor's document. "
                              "entity_index is set in batches, null otherwise.",
        },
        "FrameworkError": {
            "type": "object",
            "required": ["status", "message", "errorcode", "traceback"],
            "properties": {"status": {"type": "integer"}, "message": {"type": "string"},
                           "errorcode": {"x-pipeliner-format": "json"},
                           "traceback": {"type": "string", "nullable": True}},
            "x-real-service": "The web framework's answer to an unknown URL; not in the vendor's document. "
                              "errorcode and traceback were only seen null.",
        },
        "AnyError": {"oneOf": [ref("Error"), ref("FrameworkError")]},
        "PageInfo": {
            "type": "object",
            "required": ["start_cursor", "end_cursor", "has_previous_page", "has_next_page"],
            "properties": {"start_cursor": {"type": "string", "nullable": True},
                           "end_cursor": {"type": "string", "nullable": True},
                           "has_previous_page": {"type": "boolean"},
                           "has_next_page": {"type": "boolean"}},
            "x-real-service": "An empty last page has null cursors (and has_previous_page false). Cursors "
                              "are opaque (base64 of a JSON array; in the default order, [id]).",
        },
        "DeleteResult": {
            "type": "object",
            "required": ["success", "data"],
            "properties": {"success": {"type": "boolean", "enum": [True]}, "data": uuid},
        },
        "BatchResult": {
            "type": "object",
            "required": ["success", "data"],
            "properties": {"success": {"type": "boolean", "enum": [True]},
                           "data": {"type": "array", "items": {"oneOf": [
                               uuid, {"anyOf": [ref("Error"), ref("ValidationError")]}]}}},
            "x-real-service": "A failed item is an error object with its entity_index; one that failed "
                              "validation has the ValidationError's properties.",
        },
    }


def shared_parameters(doc, first_list, first_write):
    """Parameters shared by many operations, from one operation of the document (all are alike)."""
    params = {}
    for raw in first_list + first_write:
        BASE_PARAMETERS[raw["name"]] = clean_parameter(raw)
    BASE_PARAMETERS["id"] = {"name": "id", "in": "path", "required": True,
                             "schema": {"type": "string", "format": "uuid"}}
    for raw in first_list:
        p = clean_parameter(raw)
        key = raw["name"]
        if key == "first":
            m = re.search(r"Max: (\d+)\. Default: (\d+)", raw.get("description", ""))
            if m:
                p["schema"]["maximum"] = int(m.group(1))
                p["schema"]["default"] = int(m.group(2))
        if key in ("filter", "filter-op"):
            p["explode"] = True
            if key == "filter-op":
                m = re.search(r"Supported operators: \[([a-z, -]+)\]", raw.get("description", ""))
                if m:
                    p["schema"]["additionalProperties"] = {
                        "type": "string", "enum": [v.strip() for v in m.group(1).split(",")]}
            else:
                p["schema"]["additionalProperties"] = {"type": "string"}
        if key == "expand":
            p["x-real-service"] = ("Inlines the named relations: their properties then hold the related "
                                   "entity object instead of its URI. This contract describes answers "
                                   "without expand.")
        if key == "load-only":
            p["x-real-service"] = ("Answers then carry only the named properties. This contract's required "
                                   "lists describe answers without load-only.")
        params[key] = p
    for raw in first_write:
        p = clean_parameter(raw)
        text = raw.get("description", "")
        if raw["name"] == "validation-level":
            flags = {}
            for value, name in ((2, "OnlyChangedFields"), (4, "OnlySystemFields"), (8, "OverrideReadOnly"),
                                (16, "AllowDeletedRelation")):
                if re.search(r"\b%d - " % value, text):
                    flags[name] = value
            p["schema"].update({"minimum": 0, "maximum": sum(flags.values()), "x-pipeliner-flags": flags})
        if raw["name"] == "rollback-method" and "0 - rollback all, 1 - rollback only failed" in text:
            p["schema"].update({"enum": [0, 1], "default": 0, "x-enum-varnames": ["RollbackAll", "RollbackFailed"]})
        params[raw["name"]] = p
    params["id"] = {"name": "id", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
    params["Timezone"] = {"name": "Timezone", "in": "header", "required": False, "schema": {"type": "string"},
                          "x-real-service": "An IANA zone; answers' date-times are then in that zone, else UTC."}
    return params


def shared_responses():
    def answer(schema):
        return {"description": "", "content": {MEDIA: {"schema": schema}}}
    return {
        "BadRequest": answer(ref("Error")),
        "Unauthorized": answer(ref("AnyError")),
        "Forbidden": answer(ref("AnyError")),
        "NotFound": answer(ref("AnyError")),
        "Unprocessable": answer(ref("ValidationError")),
        "ServerError": answer(ref("AnyError")),
        "Deleted": answer(ref("DeleteResult")),
        "Batch": answer(ref("BatchResult")),
    }


def errors_for(kind):
    out = {"400": ref("BadRequest", "responses"), "401": ref("Unauthorized", "responses"),
           "403": ref("Forbidden", "responses"), "404": ref("NotFound", "responses")}
    if kind in ("create", "update", "delete", "batch-modify", "batch-delete"):
        out["422"] = ref("Unprocessable", "responses")
    out["500"] = ref("ServerError", "responses")
    return out


def body_ref(op):
    content = op.get("requestBody", {}).get("content", {})
    for media in (MEDIA, MEDIA_BAD):
        if media in content:
            return content[media]["schema"]
    return None


def answer_data_ref(op, status):
    content = op.get("responses", {}).get(status, {}).get("content", {})
    schema = (content.get(MEDIA) or content.get(MEDIA_BAD) or {}).get("schema", {})
    data = schema.get("properties", {}).get("data", {})
    return (data.get("items") or data).get("$ref")


SOURCE_SCHEMA_COUNT = [0]


def count_source_defects(doc):
    """Whole-document counts, for the record (most of these lie outside the kept part)."""
    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "content" and isinstance(v, dict) and MEDIA_BAD in v:
                    D.count("source media types with spaces")
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(doc["paths"])
    SOURCE_SCHEMA_COUNT[0] = len(doc["components"]["schemas"])

    types = {"array", "boolean", "integer", "number", "object", "string"}

    def schema(node):
        if not isinstance(node, dict):
            return
        t = node.get("type")
        if t is not None and t not in types:
            D.count("source invalid types")
        if t in ("string", "integer") and node.get("enum"):
            want = int if t == "integer" else str
            if any(not isinstance(v, want) for v in node["enum"]):
                D.count("source enum type mismatches")
        if node.get("format") == "binary":
            D.count("source binary formats")
        for r in node.get("required", []) if isinstance(node.get("required"), list) else []:
            if r not in node.get("properties", {}):
                D.count("source required without property")
        for sub in node.get("properties", {}).values():
            schema(sub)
        if "items" in node:
            schema(node["items"])
        for k in ("allOf", "oneOf", "anyOf"):
            for sub in node.get(k, []):
                schema(sub)
    for s in doc["components"]["schemas"].values():
        if "type" not in s:
            D.count("source schemas without type")
        schema(s)

    refs = set()

    def collect(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "$ref" and isinstance(v, str):
                    refs.add(v)
                else:
                    collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)
    collect(doc)
    prefix = "#/components/schemas/"
    D.count("source dangling refs", sum(1 for r in refs
                                        if not r.startswith(prefix) or r[len(prefix):] not in doc["components"]["schemas"]))
    ids = [op.get("operationId") for item in doc["paths"].values() for op in item.values() if isinstance(op, dict)]
    D.count("source duplicate operationIds", len(ids) - len(set(ids)))


def derive(doc):
    count_source_defects(doc)
    plurals = collection_names(doc)
    schemas_in = doc["components"]["schemas"]
    paths_in = doc["paths"]
    wanted = list(REQUIRED_COLLECTIONS) + [c for c in EMULATOR_COLLECTIONS if c not in REQUIRED_COLLECTIONS]

    # Collections in the document's order.
    order = []
    for path in paths_in:
        parts = path.split("/")
        if len(parts) >= 3 and parts[1] == "entities" and parts[2] in wanted and parts[2] not in order:
            order.append(parts[2])
    missing = [c for c in wanted if c not in order]
    absent_in_doc = [c for c in EMULATOR_ABSENT if "/entities/" + c not in paths_in]

    first_list = paths_in["/entities/" + order[0]]["get"]["parameters"]
    first_write = paths_in["/entities/" + order[0] + "/batch-modify"]["post"]["parameters"]
    parameters = shared_parameters(doc, first_list, first_write)

    schemas = {}
    paths = {}
    tags = []
    collections = []
    for coll in order:
        ops = {}
        for suffix, method, kind in OPERATIONS:
            op = paths_in.get("/entities/" + coll + suffix, {}).get(method)
            if op:
                ops[kind] = (suffix, method, op)
        entity_ref = answer_data_ref(ops["get"][2], "200") or answer_data_ref(ops["list"][2], "200")
        entity = entity_ref.split("/")[-1]
        tag = (ops["list"][2].get("tags") or [entity])[0]
        if tag not in tags:
            tags.append(tag)
        inputs = {}
        for kind in ("create", "update", "batch-modify"):
            if kind in ops:
                b = body_ref(ops[kind][2])
                r = (b.get("items") or b).get("$ref") if b else None
                inputs[kind] = r.split("/")[-1] if r else None
        create_raw = schemas_in.get(inputs.get("create") or "", None)
        ent_out, non_null = entity_schema(entity, coll, schemas_in[entity], create_raw, plurals)
        schemas[entity] = ent_out
        entity_props = schemas_in[entity].get("properties", {})
        for kind, name in inputs.items():
            k = {"create": "create", "update": "update", "batch-modify": "batch"}[kind]
            schemas[name] = input_schema(schemas_in[name], k, entity_props, plurals, non_null)
        schemas[entity + "List"] = {
            "type": "object",
            "required": ["success", "total", "page_info", "data"],
            "properties": {"success": {"type": "boolean", "enum": [True]}, "total": {"type": "integer"},
                           "page_info": ref("PageInfo"), "data": {"type": "array", "items": ref(entity)}},
        }
        schemas[entity + "Result"] = {
            "type": "object",
            "required": ["success", "data"],
            "properties": {"success": {"type": "boolean", "enum": [True]}, "data": ref(entity)},
        }
        collections.append({"collection": coll, "entity": entity, "operations": list(ops)})

        for kind, (suffix, method, op) in ops.items():
            path = "/entities/" + coll + suffix
            out = {"operationId": op["operationId"], "tags": list(op.get("tags", [])), "security": [{"basic": []}]}
            plist = []
            for raw in op.get("parameters", []):
                name = raw["name"]
                mine = clean_parameter(raw)
                if name in parameters and {k: v for k, v in mine.items() if k != "schema"} == \
                        {k: v for k, v in BASE_PARAMETERS[name].items() if k != "schema"} and \
                        mine.get("schema") == BASE_PARAMETERS[name].get("schema"):
                    plist.append(ref(name, "parameters"))
                else:
                    D.count("parameters unlike the shared ones")
                    plist.append(mine)
            plist.append(ref("Timezone", "parameters"))
            out["parameters"] = plist
            if "requestBody" in op:
                body = clean_schema(body_ref(op))
                if body.get("type") == "array" and "$ref" not in body.get("items", {}):
                    body["items"] = {"type": "string", "format": "uuid"}
                out["requestBody"] = {"required": bool(op["requestBody"].get("required")),
                                      "content": {MEDIA: {"schema": body}}}
            if kind == "list":
                ok = {"200": {"description": "", "content": {MEDIA: {"schema": ref(entity + "List")}}}}
            elif kind in ("get", "update"):
                ok = {"200": {"description": "", "content": {MEDIA: {"schema": ref(entity + "Result")}}}}
            elif kind == "create":
                status = next(s for s in op["responses"] if s.startswith("2"))
                ok = {status: {"description": "", "content": {MEDIA: {"schema": ref(entity + "Result")}}}}
                if status != "201":
                    D.count("create statuses other than 201")
            elif kind == "delete":
                ok = {"200": ref("Deleted", "responses")}
            else:
                ok = {"200": ref("Batch", "responses")}
            ok.update(errors_for(kind))
            out["responses"] = ok
            paths.setdefault(path, {})[method] = out
            D.count("operations")

    # operationIds must be unique.
    seen = set()
    for item in paths.values():
        for op in item.values():
            if op["operationId"] in seen:
                raise SystemExit("duplicate operationId " + op["operationId"])
            seen.add(op["operationId"])

    components_schemas = shared_schemas()
    components_schemas.update(schemas)
    D.count("output media types with spaces fixed", sum(1 for _ in _media_in(paths_in, order)))

    result = {
        "openapi": "3.0.3",
        "info": {"title": "Pipeliner Cloud API v100 contract", "version": "100"},
        "servers": [{
            "url": "https://{dc}.api.pipelinersales.com/api/v100/rest/spaces/{space_id}",
            "variables": {"dc": {"enum": ["us-east", "eu-central", "ca-central", "ap-southeast"],
                                 "default": "us-east"},
                          "space_id": {"default": "space"}},
        }],
        "security": [{"basic": []}],
        "tags": [{"name": t} for t in tags],
        "paths": paths,
        "components": {
            "securitySchemes": {"basic": {"type": "http", "scheme": "basic"}},
            "parameters": parameters,
            "responses": shared_responses(),
            "schemas": components_schemas,
        },
    }
    check_refs(result)
    result["x-derivation"] = derivation_record(order, missing, absent_in_doc, collections)
    return result


def _media_in(paths_in, order):
    for coll in order:
        for suffix, method, _ in OPERATIONS:
            op = paths_in.get("/entities/" + coll + suffix, {}).get(method)
            if not op:
                continue
            for c in [op.get("requestBody", {})] + list(op.get("responses", {}).values()):
                if MEDIA_BAD in c.get("content", {}):
                    yield 1


def check_refs(doc):
    def resolve(pointer):
        node = doc
        for part in pointer[2:].split("/"):
            node = node[part]
        return node

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "$ref":
                    try:
                        resolve(v)
                    except KeyError:
                        raise SystemExit("dangling $ref " + v)
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(doc)


def derivation_record(order, missing, absent_in_doc, collections):
    c = D.get
    fixes = [
        "Media type 'application / json' (with spaces) replaced by application/json: %d times in the source, "
        "%d of them in the operations kept." % (c("source media types with spaces"),
                                               c("output media types with spaces fixed")),
        "Error got type: object (it had none), so that an id string in a batch answer matches only the "
        "string branch of the oneOf; its five properties are required and success is the constant false. "
        "A batch answer's failed item is an Error or a ValidationError (anyOf: a ValidationError is an Error "
        "with more properties), and an Error may name the entity_index of the item it is about.",
        "Every object schema got type: object (%d entity and input schemas had none)."
        % c("object schemas without type"),
        "label_flag was a string with an integer enum [1, 2, 4] (%d times); it is an integer bit mask "
        "(Priority 1, Hot 2, Stalled 4), so 0 to 7, options in x-pipeliner-flags." % c(
            "string typed bit masks with integer enums"),
        "format: binary inside JSON bodies (%d times: translations maps, MasterRight.custom_entities) "
        "became an unconstrained JSON value marked x-pipeliner-format: json." % c("binary formats in JSON bodies"),
        "Relation items of create/update/batch inputs had an id of format uri; ids are UUIDs, so format: uuid "
        "(%d times)." % c("relation input ids typed as uri"),
        "Field.field_permissions is described as a relation to Data, copied from data_set; no target is "
        "stated for it (%d property)." % c("relation targets copied from a neighbour and left out"),
        "readOnly removed from create-input properties that the same input requires (%d: createDataInput."
        "data_set_id, createFieldInput.entity_name, createOpptyProductRelationInput.product_id), since a "
        "create must send them; they stay readOnly in answers and absent from update inputs." % c(
            "readOnly dropped from required create properties"),
        "The servers' URLs used {space_id} without declaring it; one server with variables dc and space_id.",
        "No security scheme was declared; HTTP Basic is, at the top and on every operation (swagger-request-"
        "validator reads only an operation's own security).",
        "Only 404 and 500 answers were declared; every operation now declares 400, 401, 403, 404 and 500, "
        "and writes 422.",
        "List answers lacked total and declared no required members; page_info is the shared PageInfo.",
        "first: maximum 100 and default 30, from its prose; filter and filter-op are maps (deepObject, "
        "explode), filter-op's values the operators listed in its prose; validation-level is a bit mask 0 to "
        "30 (flags in x-pipeliner-flags, names ours) and rollback-method 0 or 1 (default 0), from their prose.",
        "Integer enums got x-enum-varnames from their prose (%d enums)." % c("enums named"),
        "Relation targets read from the prose are stated as x-pipeliner-relation (%d properties)."
        % c("relation targets stated"),
        "The list of Field.type_id values in the prose is kept as x-pipeliner-known-values (not an enum).",
        "Properties the prose calls 'Email address.' are marked x-pipeliner-format: email (%d properties; no "
        "format, so that validators that know none of Pipeliner's forms read them as plain text)."
        % c("e-mail addresses"),
        "Prose and samples dropped: %d description/example/title keys in the kept schemas, and every "
        "summary and description of operations, parameters and bodies." % c("prose keys dropped"),
    ]
    real = [
        "Answers carry every property of the entity, null where unset: each entity schema requires all its "
        "properties (%d more than the document listed), and a property is nullable unless it is one of %s, "
        "one a create requires, or the URI twin of a required *_id (%d nullable in answers, %d in inputs)."
        % (c("required widened to every property"), ", ".join(SYSTEM_NON_NULL),
           c("nullable properties (answers)"), c("nullable properties (inputs)")),
        "Nullable enums list null among their values (x-enum-varnames names only the others, in order).",
        "Date-times are answered as 2023-03-23 14:20:54.529536+00:00 (a space, not T): format date-time is "
        "replaced by a pattern (space or T, fraction of up to 6 digits optional, offset optional) and "
        "x-pipeliner-format: date-time (%d properties), because swagger-request-validator 2.x rejects the "
        "space under format: date-time while a pattern reads alike in every validator. format: date is kept."
        % c("date-time formats"),
        "Create answers 201 with the created entity, as the document says (%d creates not 201)."
        % c("create statuses other than 201"),
        "Errors: the usual shape (Error: code, name, message, http_status, success false), 422 ValidationError "
        "with entity_errors and field_errors, and the framework's FrameworkError {status, message, errorcode, "
        "traceback}; the two latter are not in the document.",
        "page_info cursors are null on an empty last page.",
        "Relations are answered as URIs next to their *_id (as documented); with expand they are objects and "
        "with load-only properties are missing: both are outside this contract (noted on the parameters).",
        "The legacy limit and offset parameters are left out: answers to them carry no page_info.",
        "The optional Timezone request header (answers' date-times in that zone) is declared on every operation.",
    ]
    source_checks = [
        "Whole source: %d of %d component schemas have no type; %d properties have a type that JSON Schema "
        "lacks ('list', OpportunityType.form_qualify_api and form_won_api, not kept); %d enums disagree with "
        "their type (label_flag and five others not kept); %d binary formats; %d dangling $refs; %d duplicate "
        "operationIds; %d required names without a property." % (
            c("source schemas without type"), SOURCE_SCHEMA_COUNT[0], c("source invalid types"),
            c("source enum type mismatches"), c("source binary formats"), c("source dangling refs"),
            c("source duplicate operationIds"), c("source required without property")),
    ]
    return {
        "source": SOURCE,
        "generator": "contract/derive-v100.py",
        "collections": {
            "included": [dict(x) for x in collections],
            "wanted_but_not_in_document": missing,
            "emulator_absent_and_not_in_document": absent_in_doc,
        },
        "source_checks": source_checks,
        "fixes": fixes,
        "real_service_over_document": real,
    }


def main(argv):
    if len(argv) < 2:
        print("usage: python3 derive-v100.py <vendor api.json> [<output>]", file=sys.stderr)
        return 2
    data = Path(argv[1]).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE["sha256"]:
        print("warning: input sha256 %s differs from the recorded source" % digest, file=sys.stderr)
        SOURCE["sha256"] = digest
    doc = json.loads(data.decode("utf-8"))
    result = derive(doc)
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent / "pipeliner-v100.openapi.json"
    text = json.dumps(result, indent=1, ensure_ascii=False) + "\n"
    out.write_text(text, encoding="utf-8")
    print("%s: %d paths, %d schemas, %d bytes" % (out, len(result["paths"]),
                                                 len(result["components"]["schemas"]), len(text.encode())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
