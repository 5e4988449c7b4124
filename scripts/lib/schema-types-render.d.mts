// Types of schema-types-render.mjs, for its TypeScript callers.
import type { OpenAPITSOptions } from 'openapi-typescript';

export declare function typesOptions(): OpenAPITSOptions;
export declare function renderSchemaTypes(doc: object): string;
