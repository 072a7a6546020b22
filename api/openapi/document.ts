// The OpenAPI 3.1 document of the API, built from ENDPOINTS with zod's own JSON Schema output
// (`z.toJSONSchema`, draft 2020-12 — the dialect OpenAPI 3.1 uses natively), so the document
// describes exactly what the edge validates. Served at GET /openapi.json.
import { z } from 'zod';
import { ENDPOINTS, type Answers, type Caller, type Endpoint } from './endpoints';

type JsonSchema = Record<string, unknown>;

/** The request side of a schema (what a caller sends, before transforms and defaults). */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  requestId: z.string(),
});

const SECURITY: Record<Exclude<Caller, 'public'>, JsonSchema> = {
  freeeToken: { type: 'apiKey', in: 'header', name: 'x-freee-token', description: 'The freee app’s Webhook 検証用トークン.' },
  renkeiSignature: { type: 'apiKey', in: 'header', name: 'X-Renkei-Signature', description: '`sha256=<hex HMAC-SHA256(secret, "{X-Renkei-Timestamp}.{body}")>`, the timestamp within 5 minutes.' },
  lineSignature: { type: 'apiKey', in: 'header', name: 'x-line-signature', description: '`base64(HMAC-SHA256(channel secret, body))`.' },
  worksSignature: { type: 'apiKey', in: 'header', name: 'X-WORKS-Signature', description: '`base64(HMAC-SHA256(secret, body))`: the Bot Secret for bot callbacks, the Client Secret for app events.' },
  operatorToken: { type: 'http', scheme: 'bearer', description: 'OPERATOR_API_TOKEN.' },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN.' },
  webSession: { type: 'apiKey', in: 'cookie', name: 'renkei_session', description: 'The freee session renkei issues at sign-in.' },
  partnerSession: { type: 'apiKey', in: 'cookie', name: 'renkei_partner', description: 'The partner session renkei issues at LINE Login.' },
};

function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined): JsonSchema[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const f = field as z.ZodType;
    return { name, in: where, required: where === 'path' || !f.safeParse(undefined).success, schema: jsonSchema(f) };
  });
}

function content(answers: Answers, status: number): JsonSchema | undefined {
  if (status === 303) return undefined;
  if (answers === 'html') return { 'text/html': { schema: { type: 'string' } } };
  if (status >= 400) return { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  return { 'application/json': { schema: {} } };
}

function operation(e: Endpoint): JsonSchema {
  const responses = Object.fromEntries(
    Object.entries(e.responses).map(([status, description]) => {
      const body = content(e.answers, Number(status));
      return [status, { description, ...(body ? { content: body } : {}), ...(status === '303' ? { headers: { Location: { schema: { type: 'string' } } } } : {}) }];
    }),
  );
  return {
    operationId: `${e.method}${e.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: e.summary,
    tags: [e.tag],
    ...(e.caller === 'public' ? {} : { security: [{ [e.caller]: [] }] }),
    parameters: [...parameters('path', e.params), ...parameters('query', e.query)],
    ...(e.body ? { requestBody: { required: true, content: { [e.body.type]: { schema: jsonSchema(e.body.schema) } } } } : {}),
    responses,
    'x-renkei-answers': e.answers,
  };
}

export function openApiDocument(serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method] = operation(e);
  return {
    openapi: '3.1.0',
    info: {
      title: 'renkei API',
      version: '0.1.0',
      description: 'Webhooks, signed events, operator and notification APIs, and the pages people use. Bad input is answered with a 4xx (JSON for APIs and webhooks, the HTML error page for pages).',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: { schemas: { Error: jsonSchema(errorBody) }, securitySchemes: SECURITY },
  };
}
