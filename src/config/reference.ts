// Lists every setting of app.yaml as a dotted path, read off the zod schema, so the docs can be checked against it.
import { z } from 'zod';
import { appConfigSchema } from './schema.js';
import { unwrapSchema } from './schema-walk.js';

function fieldsOf(schema: z.ZodType, prefix: string): string[] {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
      const path = `${prefix}${key}`;
      const element = unwrapSchema(child);
      if (
        element instanceof z.ZodArray &&
        unwrapSchema(element.element as z.ZodType) instanceof z.ZodObject
      ) {
        return [path, ...fieldsOf(element.element as z.ZodType, `${path}[].`)];
      }
      return [path, ...fieldsOf(element, `${path}.`)];
    });
  }
  return [];
}

/** Every setting path of app.yaml, like `teams[].rotations[].coverage.from`, containers included. */
export function configReferenceFields(): string[] {
  return fieldsOf(appConfigSchema, '');
}
