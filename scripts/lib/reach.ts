// Which operations and webhooks reach each component of a bundle, by walking its $ref graph.
// `redocly diff` reports a change inside a shared component once, under the first operation it met;
// the change report uses this map to list every place a reviewer must know about.
import { unescapePointerPart as unescape } from './refs.ts';

export interface Place {
  /** "GET /v1/customers" or "webhook customer.created". */
  operation: string;
  /** Where in the operation: "request body", "response 200", "parameter limit (query)", "payload". */
  in: string;
}

type Json = unknown;
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

/** "#/components/schemas/Customer/properties/phone" -> "#/components/schemas/Customer". */
export function componentOf(pointer: string): string | undefined {
  const match = /^#\/components\/[^/]+\/[^/]+/.exec(pointer);
  return match?.[0];
}

/** Every component pointer that a value refers to directly. */
function directRefs(value: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) directRefs(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        const component = componentOf(child);
        if (component) into.add(component);
      } else directRefs(child, into);
    }
  }
  return into;
}

function resolveComponent(doc: Record<string, any>, pointer: string): Json {
  const [, , type, name] = pointer.split('/');
  return doc.components?.[type!]?.[unescape(name!)];
}

/** The components a value reaches, directly or through other components. */
function reachable(doc: Record<string, any>, value: Json, edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set<string>();
  const queue = [...directRefs(value)];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    let out = edges.get(next);
    if (!out) edges.set(next, (out = directRefs(resolveComponent(doc, next))));
    queue.push(...out);
  }
  return seen;
}

/** The parts of one operation a change can sit in, each with its label. */
function partsOf(doc: Record<string, any>, operation: Record<string, any>, pathParameters: Json[], isWebhook: boolean): Array<[string, Json]> {
  const parts: Array<[string, Json]> = [];
  for (const parameter of [...pathParameters, ...(operation.parameters ?? [])] as Array<Record<string, any>>) {
    const shown = (parameter.$ref ? resolveComponent(doc, String(parameter.$ref)) : parameter) as Record<string, any> | undefined;
    parts.push([`parameter ${shown?.name ?? parameter.$ref} (${shown?.in ?? '?'})`, parameter]);
  }
  if (operation.requestBody) parts.push([isWebhook ? 'payload' : 'request body', operation.requestBody]);
  for (const [status, response] of Object.entries(operation.responses ?? {})) parts.push([`response ${status}`, response]);
  return parts;
}

/** Component pointer -> every place (operation or webhook, and where in it) that reaches it. */
export function reachMap(doc: Record<string, any>): Map<string, Place[]> {
  const edges = new Map<string, Set<string>>();
  const map = new Map<string, Place[]>();
  for (const section of ['paths', 'webhooks'] as const) {
    for (const [key, item] of Object.entries((doc[section] ?? {}) as Record<string, Record<string, any>>)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const name = section === 'paths' ? `${method.toUpperCase()} ${key}` : `webhook ${key}`;
        for (const [label, part] of partsOf(doc, operation, item.parameters ?? [], section === 'webhooks')) {
          for (const component of reachable(doc, part, edges)) {
            const places = map.get(component) ?? [];
            if (!places.some((p) => p.operation === name && p.in === label)) places.push({ operation: name, in: label });
            map.set(component, places);
          }
        }
      }
    }
  }
  return map;
}
