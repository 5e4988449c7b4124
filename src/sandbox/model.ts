// The bundle read as an API: every operation becomes a route of a known kind (list, create, get,
// update, delete, singleton, or an action with its own handler), and the paths reveal the
// collections and how they nest (`/v1/events/{pageId}/ticket-groups` lives under `/v1/events`).
import { HTTP_METHODS, SchemaReader, type OpenApiOperation, type Schema } from './spec.js';

export type OperationKind = 'list' | 'create' | 'get' | 'update' | 'delete' | 'singleton' | 'action';

export interface Collection {
  /** The collection's path with parameter names blanked: `/v1/events/{}/ticket-groups`. */
  key: string;
  /** The last segment: `ticket-groups`. */
  segment: string;
  /** The path parameters that name the parent records, outermost first: `['pageId']`. */
  parentParams: string[];
  parent?: Collection;
  children: Collection[];
  /** The schema of one record, from the get answer (else the list, create or update answer). */
  itemSchema?: Schema;
  /** Whether the collection's list is cursor-paginated (`{data, has_more, total}`). */
  paginated: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
}

export interface Route {
  method: string;
  path: string;
  operationId: string;
  operation: OpenApiOperation;
  kind: OperationKind;
  collection?: Collection;
  parameters: Parameter[];
  /** Path parameter names, in order. */
  pathParams: string[];
}

interface PathEntry {
  regex: RegExp;
  pathParams: string[];
  literals: number;
  routes: Map<string, Route>;
}

const isParam = (segment: string) => /^\{.+\}$/.test(segment);
const blank = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

export class ApiModel {
  readonly routes: Route[] = [];
  readonly collections = new Map<string, Collection>();
  private readonly entries: PathEntry[] = [];

  constructor(
    readonly reader: SchemaReader,
    actionIds: ReadonlySet<string>,
  ) {
    const { doc } = reader;
    for (const [path, item] of Object.entries(doc.paths)) {
      const pathParams = path
        .split('/')
        .filter(isParam)
        .map((s) => s.slice(1, -1));
      const segments = path.split('/').filter(Boolean);
      const regex = new RegExp(
        '^/' + segments.map((s) => (isParam(s) ? '([^/]+)' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/') + '/?$',
      );
      const entry: PathEntry = { regex, pathParams, literals: segments.filter((s) => !isParam(s)).length, routes: new Map() };
      this.entries.push(entry);
      for (const method of HTTP_METHODS) {
        const operation = item[method] as OpenApiOperation | undefined;
        if (!operation) continue;
        const route: Route = {
          method: method.toUpperCase(),
          path,
          operationId: operation.operationId,
          operation,
          kind: 'action',
          parameters: this.parametersOf(item.parameters, operation.parameters),
          pathParams,
        };
        if (!actionIds.has(operation.operationId)) this.classify(route, segments);
        entry.routes.set(route.method, route);
        this.routes.push(route);
      }
    }
    // Literal segments win over parameters: `/v1/files/upload` before `/v1/files/{fileId}`.
    this.entries.sort((a, b) => b.literals - a.literals);
    for (const route of this.routes) if (route.kind === 'action') route.collection = this.nearestCollection(route.path);
    for (const collection of this.collections.values()) this.fillItemSchema(collection);
  }

  /** The route for a request, or whether only the method was wrong. */
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | { route: undefined; pathKnown: boolean } {
    let pathKnown = false;
    for (const entry of this.entries) {
      const found = entry.regex.exec(pathname);
      if (!found) continue;
      pathKnown = true;
      const route = entry.routes.get(method);
      if (!route) continue;
      const params: Record<string, string> = {};
      entry.pathParams.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(found[i + 1]!);
        } catch {
          params[name] = found[i + 1]!;
        }
      });
      return { route, params };
    }
    return { route: undefined, pathKnown };
  }

  /** The collection at a path (`/v1/tickets` or `/v1/events/{pageId}/fields`), if the bundle has one there. */
  collection(path: string): Collection | undefined {
    return this.collections.get(blank(path));
  }

  private parametersOf(...lists: Array<Schema[] | undefined>): Parameter[] {
    const byKey = new Map<string, Parameter>();
    for (const list of lists) {
      for (const raw of list ?? []) {
        const parameter = this.reader.resolve(raw) as Parameter | undefined;
        if (parameter) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
    }
    return [...byKey.values()];
  }

  private classify(route: Route, segments: string[]): void {
    const last = segments.at(-1) ?? '';
    const answer = this.reader.successResponse(route.operation);
    const body = this.reader.shape(answer.schema);
    const isList = this.reader.shape(body.properties.get('data')).types.has('array');
    if (!isParam(last)) {
      if (route.method === 'GET' && isList) {
        route.kind = 'list';
        route.collection = this.collectionAt(segments);
        route.collection.paginated = route.operation['x-paginated'] !== false && body.properties.has('has_more');
      } else if (route.method === 'POST' && answer.status === 201) {
        route.kind = 'create';
        route.collection = this.collectionAt(segments);
      } else if (route.method === 'GET' && route.pathParams.length === 0) {
        route.kind = 'singleton';
      }
      return;
    }
    const kinds: Record<string, OperationKind> = { GET: 'get', PATCH: 'update', PUT: 'update', DELETE: 'delete' };
    const kind = kinds[route.method];
    if (!kind) return;
    route.kind = kind;
    route.collection = this.collectionAt(segments.slice(0, -1));
  }

  /**
   * The collection an action works on: the longest start of its path that is one, read as an
   * item path when it ends with a parameter (`/v1/subscriptions/{id}/cancel` works on
   * `/v1/subscriptions`, `/v1/files/upload` on `/v1/files`).
   */
  private nearestCollection(path: string): Collection | undefined {
    const segments = path.split('/').filter(Boolean);
    for (let end = segments.length - 1; end > 0; end--) {
      const head = segments.slice(0, end);
      const found = this.collections.get('/' + (isParam(head.at(-1)!) ? head.slice(0, -1) : head).map((s) => (isParam(s) ? '{}' : s)).join('/'));
      if (found) return found;
    }
    return undefined;
  }

  private collectionAt(segments: string[]): Collection {
    const key = '/' + segments.map((s) => (isParam(s) ? '{}' : s)).join('/');
    let collection = this.collections.get(key);
    if (collection) return collection;
    const parentParams = segments.filter(isParam).map((s) => s.slice(1, -1));
    collection = { key, segment: segments.at(-1) ?? '', parentParams, children: [], paginated: false };
    this.collections.set(key, collection);
    const lastParam = segments.findLastIndex(isParam);
    if (lastParam > 0) {
      collection.parent = this.collectionAt(segments.slice(0, lastParam));
      collection.parent.children.push(collection);
    }
    return collection;
  }

  private fillItemSchema(collection: Collection): void {
    // An action's answer comes last: an upload's answer is the only shape of a file.
    const order: OperationKind[] = ['get', 'list', 'create', 'update', 'action'];
    for (const kind of order) {
      const route = this.routes.find((r) => r.collection === collection && r.kind === kind);
      if (!route) continue;
      const data = this.reader.shape(this.reader.successResponse(route.operation).schema).properties.get('data');
      const schema = kind === 'list' ? this.reader.shape(data).items : data;
      if (schema && this.reader.shape(schema).properties.has('id')) {
        collection.itemSchema = schema;
        return;
      }
    }
  }
}
