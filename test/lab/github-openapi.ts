import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface OperationSchemas {
  operationId: string;
  method: string;
  /** Path template as GitHub publishes it, e.g. `/repos/{owner}/{repo}/attestations`. */
  path: string;
  pattern: RegExp;
  paramNames: string[];
  validateParams: ValidateFunction;
  validateBody: ValidateFunction | null;
  validateResponse: Map<number, ValidateFunction>;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: object;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

function templatePattern(template: string): { pattern: RegExp; paramNames: string[] } {
  const paramNames: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_match, name: string) => {
    paramNames.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), paramNames };
}

/** GitHub's published description of api.github.com, dereferenced, compiled for the operations the lab serves. */
export async function loadOperations(wanted: { method: string; path: string }[]): Promise<OperationSchemas[]> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const description = JSON.parse(await readFile(file, 'utf8')) as { paths: Record<string, Record<string, OpenApiOperation>> };
  // OpenAPI 3.0 schemas carry keywords (example, nullable, x-github) JSON Schema does not define.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
  addFormats(ajv);
  const coercing = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  addFormats(coercing);

  return wanted.map(({ method, path }) => {
    const operation = description.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`@octokit/openapi has no ${method} ${path}`);
    const parameters = operation.parameters ?? [];
    const paramSchema = {
      type: 'object',
      properties: Object.fromEntries(parameters.filter((p) => p.in === 'path' || p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
      required: parameters.filter((p) => p.in === 'path' || p.required).map((p) => p.name),
    };
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const validateResponse = new Map<number, ValidateFunction>();
    for (const [status, response] of Object.entries(operation.responses)) {
      const schema = response.content?.['application/json']?.schema;
      if (schema && /^\d+$/.test(status)) validateResponse.set(Number(status), ajv.compile(schema));
    }
    return {
      operationId: operation.operationId,
      method: method.toUpperCase(),
      path,
      ...templatePattern(path),
      validateParams: coercing.compile(paramSchema),
      validateBody: bodySchema ? ajv.compile(bodySchema) : null,
      validateResponse,
    };
  });
}

export function describeErrors(errors: ErrorObject[] | null | undefined): { field: string; code: string; message: string }[] {
  return (errors ?? []).map((error) => ({
    field: error.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(error.params.missingProperty ?? ''),
    code: error.keyword === 'required' ? 'missing_field' : 'invalid',
    message: `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
  }));
}
