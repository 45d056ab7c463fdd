// Fields a request body sends that its schema does not have. zod's objects drop them silently, so a
// client that misspells a field (`video_codecs` for `video`) got a default with no hint why; the
// API answers 400 naming them instead. Read from the schema's JSON Schema (the one the OpenAPI
// document shows), so documented aliases are fields like any other, records and `.loose()`
// objects take any key, and a union knows the fields of all its branches.
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const cache = new WeakMap<z.ZodType, JsonSchema>();

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let js = cache.get(schema);
  if (!js) {
    js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    cache.set(schema, js);
  }
  return js;
}

/** The schema and its union/intersection branches, flattened. */
function branches(js: JsonSchema): JsonSchema[] {
  const nested = [...(js.anyOf ?? []), ...(js.oneOf ?? []), ...(js.allOf ?? [])];
  return [js, ...nested.flatMap(branches)];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(value: unknown, js: JsonSchema, path: string, out: string[]): void {
  const all = branches(js);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const itemSchemas = all.flatMap((b) => [...(b.prefixItems?.[i] ? [b.prefixItems[i]] : []), ...(b.items ? [b.items] : [])]);
      if (itemSchemas.length > 0) walk(item, { anyOf: itemSchemas }, `${path}.${i}`, out);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  const objects = all.filter((b) => b.properties || b.additionalProperties !== undefined || b.patternProperties);
  if (objects.length === 0) return;
  // A record or a loose object takes any key: only what it says about values is checked.
  const open = objects.filter((b) => b.patternProperties || (b.additionalProperties !== undefined && b.additionalProperties !== false));
  for (const [key, item] of Object.entries(value)) {
    const known = objects.map((b) => b.properties?.[key]).filter((s): s is JsonSchema => s !== undefined);
    if (known.length > 0) walk(item, { anyOf: known }, `${path}.${key}`, out);
    else if (open.length === 0) out.push(`${path}.${key}`);
    else {
      const values = open.map((b) => b.additionalProperties).filter((s): s is JsonSchema => typeof s === 'object');
      if (values.length > 0) walk(item, { anyOf: values }, `${path}.${key}`, out);
    }
  }
}

/** Paths (`body.video_codecs`, `body.supported_codecs.video.0.codek`) of fields the schema does not have. */
export function unknownFields(value: unknown, schema: z.ZodType, where = 'body'): string[] {
  const out: string[] = [];
  walk(value, jsonSchemaOf(schema), where, out);
  return out;
}
