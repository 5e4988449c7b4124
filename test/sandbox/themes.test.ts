// Themes through the client: the store's own themes are created (from a built-in one, whose
// design they copy), renamed, restyled with `null` resetting a value, and deleted; built-in
// themes are read-only; names are unique among the store's themes; a theme in use stays.
import { describe, expect, it } from 'vitest';
import { checkedSandboxPerTest, failure } from './support.ts';

const MINIMAL = '65f1c2a4b7e8d90012a3b401'; // built-in
const ACME_TEAL = '6817a4c29f39b6760576f610'; // the store's own
const WORKSHOP_PAGE = '6630b3a8c4e8a91d2f7b3a22';

const s = checkedSandboxPerTest();

describe('themes', () => {
  it('creates a theme from a built-in one: its design copied, the body’s variables on top', async () => {
    const minimal = await s.client.themes.get(MINIMAL);
    const theme = await s.client.themes.create({
      name: 'Acme night',
      baseThemeId: MINIMAL,
      variables: { tokens: { colorPrimary: { light: '#0f766e', dark: '#2dd4bf' } } },
    });
    expect(theme).toMatchObject({ name: 'Acme night', scope: 'seller', deprecated: false });
    expect(theme.variables?.tokens?.colorPrimary).toEqual({ light: '#0f766e', dark: '#2dd4bf' });
    expect(theme.variables?.tokens?.colorBackground).toEqual(minimal.variables?.tokens?.colorBackground);
    expect((await s.client.themes.list({ scope: 'seller' })).data[0]!.id).toBe(theme.id);
    expect((await failure(s.client.themes.create({ name: 'Copy', baseThemeId: '65f1c2a4b7e8d90012a3b4ff' }))).status).toBe(400);
  });

  it('updates the store’s own theme: a new name, merged variables, null resetting a value', async () => {
    const before = await s.client.themes.get(ACME_TEAL);
    expect(before.variables?.tokens?.colorSecondary?.dark).toBeTruthy();
    const updated = await s.client.themes.update(ACME_TEAL, {
      name: 'Acme teal (spring)',
      variables: { tokens: { colorSecondary: { light: '#e11d48', dark: null } } },
    });
    expect(updated.name).toBe('Acme teal (spring)');
    expect(updated.variables?.tokens?.colorSecondary?.light).toBe('#e11d48');
    expect(updated.variables?.tokens?.colorSecondary?.dark ?? null).toBeNull();
    expect(updated.variables?.tokens?.colorPrimary).toEqual(before.variables?.tokens?.colorPrimary);
    expect(Date.parse(updated.updatedAt!)).toBeGreaterThan(Date.parse(before.updatedAt!));
  });

  it('keeps built-in themes read-only: 403 for an update or a delete', async () => {
    expect((await failure(s.client.themes.update(MINIMAL, { name: 'Mine now' }))).status).toBe(403);
    expect((await failure(s.client.themes.delete(MINIMAL))).status).toBe(403);
    expect((await s.client.themes.get(MINIMAL)).name).toBe('Minimal');
  });

  it('answers 409 for a name another of the store’s themes has; a built-in theme’s name is free', async () => {
    const taken = await failure(s.client.themes.create({ name: 'Acme teal' }));
    expect(taken.status).toBe(409);
    expect(taken.errors).toEqual([{ param: 'name', message: 'is already taken', value: 'Acme teal' }]);
    const other = await s.client.themes.create({ name: 'Minimal' });
    expect((await failure(s.client.themes.update(other.id, { name: 'Acme teal' }))).status).toBe(409);
    expect((await s.client.themes.update(other.id, { name: 'Minimal' })).name).toBe('Minimal'); // its own name
  });

  it('deletes a theme no page uses, and answers 409 while a page uses it', async () => {
    const theme = await s.client.themes.create({ name: 'Seasonal' });
    await s.client.checkoutPages.update(WORKSHOP_PAGE, { themeId: theme.id });
    const inUse = await failure(s.client.themes.delete(theme.id));
    expect(inUse.status).toBe(409);
    expect(inUse.message).toContain(WORKSHOP_PAGE);
    await s.client.checkoutPages.update(WORKSHOP_PAGE, { themeId: ACME_TEAL });
    expect((await s.client.themes.delete(theme.id)).id).toBe(theme.id);
    expect((await failure(s.client.themes.get(theme.id))).status).toBe(404);
  });
});
