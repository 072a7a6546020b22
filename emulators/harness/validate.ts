// zod validation of control-route inputs: a bad input becomes a 400 with the zod issues listed.

import { z } from 'zod';
import { HttpError } from './http-error';

export function parseControlInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(400, {
      error: 'INVALID_CONTROL_REQUEST',
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    });
  }
  return parsed.data;
}

/** An optional query parameter where an empty value (`?path=`) means "not given". */
export function optionalQueryParam(refine?: (value: string) => boolean, message = 'invalid value') {
  return z
    .string()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || refine === undefined || refine(value), { message });
}

/** A form field that may repeat (checkboxes): absent → [], one value → [value], many → all. */
export function formList() {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
}

/** A single optional form or query value; a repeated one keeps the first, an empty one is absent. */
export function formValue() {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === '' ? undefined : first;
    });
}
