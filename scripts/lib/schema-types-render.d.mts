// Types of schema-types-render.mjs, for its TypeScript callers.
import type { OpenAPITSOptions } from 'openapi-typescript';

export declare const isForbiddenSchema: (schema: unknown) => boolean;
export declare const isUnsetSchema: (schema: unknown) => boolean;
export declare function typesOptions(): OpenAPITSOptions;
export declare function renderSchemaTypes(doc: object): string;
