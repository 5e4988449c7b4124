// Themes: built-in themes (`scope: global`) are read-only, so updating or deleting one gets 403
// (the operations say they are read-only without naming a status: 403 is the shared answer for
// "the account cannot perform the action"). A new theme copies the design of its `baseThemeId`
// and applies its own `variables` on top. Names are unique among the store's own themes only.
import type { Ctx } from '../engine.js';
import { ApiError, badRequest } from '../errors.js';
import type { Entry, Resource } from '../store.js';
import type { Rule } from './rule.js';

const readOnly = (_ctx: Ctx, entry?: Entry) => {
  if (entry?.record.scope === 'global') throw new ApiError(403, 'Built-in themes are read-only: create a theme with this one as its `baseThemeId` instead');
};

const ownThemes = (theme: Resource) => theme.scope !== 'global';

export const themeRules: Record<string, Rule> = {
  createTheme: {
    uniqueAmong: ownThemes,
    check(ctx) {
      const body = ctx.body.value as { baseThemeId?: string; variables?: Resource };
      if (body.baseThemeId === undefined) return;
      const collection = ctx.route.collection!;
      const base = ctx.engine.store.get(collection.key, body.baseThemeId);
      if (!base) throw badRequest([{ param: 'baseThemeId', message: 'is not a theme of the store', value: body.baseThemeId }]);
      const schema = ctx.engine.reader.shape(ctx.body.schema).properties.get('variables');
      const variables = ctx.engine.reader.shape(collection.itemSchema).properties.get('variables');
      const copied = structuredClone((base.record.variables as Resource | undefined) ?? {});
      body.variables = ctx.engine.records.merge(copied, body.variables ?? {}, schema, variables, ctx.write);
    },
  },
  updateTheme: { check: readOnly, uniqueAmong: ownThemes },
  deleteTheme: { check: readOnly },
};
