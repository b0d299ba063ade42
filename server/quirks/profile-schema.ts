/**
 * @module server/quirks/profile-schema
 * The JSON Schema of a quirk profile: the one source of truth. The QuirkProfile type is derived
 * from it (profile.ts, json-schema-to-ts), ajv validates with it (validate.ts), and
 * profile.schema.json, which editors reach through a profile's `$schema`, is written from it by
 * `npm run schema:quirks` (scripts/quirk-schema.ts); a test fails when the file is stale.
 */

export const profileSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://scimulator.dev/schemas/quirk-profile.json",
  "title": "scimulator quirk profile",
  "description": "How the mock SCIM target misbehaves. Every quirk is off unless set.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "description"
  ],
  "definitions": {
    "attributePath": {
      "type": "string",
      "minLength": 1,
      "maxLength": 300
    },
    "pathList": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/attributePath"
      },
      "uniqueItems": true
    },
    "perTypePaths": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "User": {
          "$ref": "#/definitions/pathList"
        },
        "Group": {
          "$ref": "#/definitions/pathList"
        }
      }
    },
    "maxLengths": {
      "type": "object",
      "propertyNames": {
        "$ref": "#/definitions/attributePath"
      },
      "additionalProperties": {
        "type": "integer",
        "minimum": 0
      }
    },
    "operationSupport": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "list": {
          "type": "boolean"
        },
        "filter": {
          "type": "boolean"
        },
        "get": {
          "type": "boolean"
        },
        "create": {
          "type": "boolean"
        },
        "replace": {
          "type": "boolean"
        },
        "patch": {
          "type": "boolean"
        },
        "delete": {
          "type": "boolean"
        }
      }
    },
    "refusalStatus": {
      "type": "integer",
      "enum": [
        400,
        403,
        404,
        405,
        409,
        422,
        500,
        501
      ]
    },
    "scimType": {
      "type": "string",
      "enum": [
        "invalidFilter",
        "tooMany",
        "uniqueness",
        "mutability",
        "invalidSyntax",
        "invalidPath",
        "noTarget",
        "invalidValue",
        "invalidVers",
        "sensitive"
      ]
    },
    "delay": {
      "oneOf": [
        {
          "type": "integer",
          "minimum": 0,
          "maximum": 600000
        },
        {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "min",
            "max"
          ],
          "properties": {
            "min": {
              "type": "integer",
              "minimum": 0,
              "maximum": 600000
            },
            "max": {
              "type": "integer",
              "minimum": 0,
              "maximum": 600000
            }
          }
        }
      ]
    }
  },
  "properties": {
    "$schema": {
      "type": "string"
    },
    "description": {
      "type": "string",
      "minLength": 1,
      "description": "what the profile imitates, with the source of the behaviour"
    },
    "truncate": {
      "type": "object",
      "additionalProperties": false,
      "description": "attribute path -> max length; 'cut' silently shortens (Slack), 'reject' answers 400 invalidValue",
      "properties": {
        "mode": {
          "type": "string",
          "enum": [
            "cut",
            "reject"
          ]
        },
        "User": {
          "$ref": "#/definitions/maxLengths"
        },
        "Group": {
          "$ref": "#/definitions/maxLengths"
        }
      }
    },
    "operations": {
      "type": "object",
      "additionalProperties": false,
      "description": "which operations each resource type supports (absent = supported); the rest answer with status",
      "properties": {
        "status": {
          "type": "integer",
          "enum": [
            403,
            404,
            405,
            501
          ]
        },
        "detail": {
          "type": "string"
        },
        "User": {
          "$ref": "#/definitions/operationSupport"
        },
        "Group": {
          "$ref": "#/definitions/operationSupport"
        }
      }
    },
    "licenses": {
      "type": "object",
      "additionalProperties": false,
      "description": "seat count and role -> licence rules, counted from the active users in the store",
      "properties": {
        "seats": {
          "type": "integer",
          "minimum": 0
        },
        "roleAttribute": {
          "$ref": "#/definitions/attributePath"
        },
        "roles": {
          "type": "object",
          "additionalProperties": {
            "type": "string",
            "minLength": 1
          }
        },
        "pools": {
          "type": "object",
          "additionalProperties": {
            "type": "integer",
            "minimum": 0
          }
        },
        "refusal": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "status": {
              "$ref": "#/definitions/refusalStatus"
            },
            "scimType": {
              "$ref": "#/definitions/scimType"
            },
            "detail": {
              "type": "string",
              "minLength": 1
            }
          }
        }
      }
    },
    "rateLimit": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "requests",
        "windowMs"
      ],
      "description": "at most `requests` per `windowMs` per bearer token; more answer 429 with Retry-After",
      "properties": {
        "requests": {
          "type": "integer",
          "minimum": 1
        },
        "windowMs": {
          "type": "integer",
          "minimum": 1
        },
        "detail": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "latencyMs": {
      "description": "a fixed delay, a {min,max} range, or per endpoint ('POST /Users', '/Groups') with a default",
      "oneOf": [
        {
          "$ref": "#/definitions/delay"
        },
        {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "endpoints"
          ],
          "properties": {
            "default": {
              "$ref": "#/definitions/delay"
            },
            "endpoints": {
              "type": "object",
              "propertyNames": {
                "pattern": "^((GET|POST|PUT|PATCH|DELETE) )?/[A-Za-z.]+$"
              },
              "additionalProperties": {
                "$ref": "#/definitions/delay"
              }
            }
          }
        }
      ]
    },
    "faults": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kinds"
      ],
      "description": "injected failures, by seeded probability or on every Nth request (exactly one of the two)",
      "properties": {
        "kinds": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "enum": [
              "500",
              "502",
              "503",
              "reset",
              "hang"
            ]
          }
        },
        "probability": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 1
        },
        "seed": {
          "type": "integer"
        },
        "every": {
          "type": "integer",
          "minimum": 1
        },
        "retryAfterSeconds": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "caseExactUserName": {
      "type": "boolean",
      "description": "userName filters and uniqueness become case-sensitive"
    },
    "requireFields": {
      "$ref": "#/definitions/perTypePaths"
    },
    "ignoreAttributes": {
      "$ref": "#/definitions/perTypePaths"
    },
    "immutableAttributes": {
      "$ref": "#/definitions/perTypePaths"
    },
    "userNameFormat": {
      "oneOf": [
        {
          "type": "string",
          "enum": [
            "email"
          ]
        },
        {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "pattern"
          ],
          "properties": {
            "pattern": {
              "type": "string",
              "minLength": 1
            },
            "detail": {
              "type": "string",
              "minLength": 1
            }
          }
        }
      ]
    },
    "pageSizeMax": {
      "type": "integer",
      "minimum": 1
    },
    "filterSupport": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "unsupported"
      ],
      "properties": {
        "attributes": {
          "$ref": "#/definitions/pathList"
        },
        "operators": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "enum": [
              "eq",
              "ne",
              "co",
              "sw",
              "ew",
              "gt",
              "ge",
              "lt",
              "le",
              "pr",
              "and",
              "or",
              "not"
            ]
          }
        },
        "unsupported": {
          "type": "string",
          "enum": [
            "reject",
            "ignore"
          ]
        }
      }
    },
    "softDeleteOnly": {
      "type": "boolean",
      "description": "DELETE /Users/{id} sets active=false instead of deleting"
    },
    "patchSupport": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "pathless": {
          "type": "boolean"
        },
        "valueFilterPaths": {
          "type": "boolean"
        },
        "ops": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "enum": [
              "add",
              "replace",
              "remove"
            ]
          }
        },
        "status": {
          "$ref": "#/definitions/refusalStatus"
        },
        "detail": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "groupsUnsupported": {
      "oneOf": [
        {
          "type": "boolean"
        },
        {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "status": {
              "type": "integer",
              "enum": [
                403,
                404,
                405,
                501
              ]
            },
            "detail": {
              "type": "string"
            }
          }
        }
      ]
    }
  }
} as const;
