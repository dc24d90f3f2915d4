// Walks the zod schema of app.yaml by shape, so settings can be listed and looked up by path.
import { z } from 'zod';

/** The schema with optional, default, prefault and pipe wrappers peeled off. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault
  ) {
    return unwrapSchema(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return unwrapSchema(schema.in as z.ZodType);
  return schema;
}

/** The setting names of the object found at `path` (list indexes step into elements), if it is one. */
export function settingsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current = unwrapSchema(schema);
  for (const step of path) {
    if (current instanceof z.ZodArray && typeof step === 'number') {
      current = unwrapSchema(current.element as z.ZodType);
    } else if (current instanceof z.ZodObject && typeof step === 'string') {
      const child = (current.shape as Record<string, z.ZodType>)[step];
      if (!child) return undefined;
      current = unwrapSchema(child);
    } else {
      return undefined;
    }
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
}
