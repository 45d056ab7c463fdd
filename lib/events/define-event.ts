// An event type: a name (past tense, `<domain>.<what happened>`) and the zod schema its payload
// is parsed with on arrival — in this process or another — so nothing crosses the seam unchecked.
import type { z } from 'zod';

export type EventDefinition<S extends z.ZodType = z.ZodType> = { readonly name: string; readonly schema: S };

export type EventPayload<E extends EventDefinition> = z.infer<E['schema']>;

export function defineEvent<S extends z.ZodType>(name: string, schema: S): EventDefinition<S> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(name)) throw new Error(`event name "${name}" must look like "domain.happened"`);
  return { name, schema };
}
