// What the sandbox derives from the spec, built once and shared by every store's engine: the
// schema reader, the routes and collections, the compiled validators, and the stateless helpers
// for records and lists. A new store then costs only its seeding.
import { Lists } from './lists.js';
import { ApiModel, type Route } from './model.js';
import { Records } from './records.js';
import { SchemaReader, type OpenApiDocument } from './spec.js';
import { validatorsFor, type Validators } from './validation.js';

export class CompiledSpec {
  readonly reader: SchemaReader;
  readonly model: ApiModel;
  readonly validators: Validators;
  readonly records: Records;
  readonly lists: Lists;
  /** The fields each route must keep unique, worked out on first use (engine.ts). */
  readonly uniques = new Map<Route, string[]>();

  /** `actionIds`: the operations that have their own handler, which the model leaves unclassified. */
  constructor(
    readonly doc: OpenApiDocument,
    actionIds: ReadonlySet<string>,
  ) {
    this.reader = new SchemaReader(doc);
    this.model = new ApiModel(this.reader, actionIds);
    this.validators = validatorsFor(doc);
    this.records = new Records(this.reader);
    this.lists = new Lists(this.reader);
  }
}
