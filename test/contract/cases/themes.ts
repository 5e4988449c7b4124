import type { Cases } from './types.ts';

const themeId = '6817a4c29f39b6760576f610';
const builtInThemeId = '65f1c2a4b7e8d90012a3b401';

export const themeCases: Cases = {
  listThemes: (c, headers) => c.GET('/v1/themes', { params: { query: { scope: 'seller', limit: 10 } }, headers }),
  createTheme: (c, headers) =>
    c.POST('/v1/themes', {
      body: {
        name: 'Acme teal',
        baseThemeId: builtInThemeId,
        variables: {
          tokens: { colorPrimary: { light: '#0f766e', dark: '#2dd4bf' }, radius: 'lg' },
          layout: { centerLayout: { backgroundImage: { file: '6630b2f1c4e8a91d2f7b3a2c' } } },
          elements: { checkout: { form: { button: { styles: { borderRadius: 8, fontSize: 16 } } } } },
          labels: { payButtonText: 'Pay now' },
        },
      },
      headers,
    }),
  getTheme: (c, headers) => c.GET('/v1/themes/{themeId}', { params: { path: { themeId } }, headers }),
  updateTheme: (c, headers) =>
    c.PATCH('/v1/themes/{themeId}', {
      params: { path: { themeId } },
      body: {
        name: 'Acme teal (spring)',
        variables: { tokens: { colorSecondary: { light: '#e11d48', dark: null } }, labels: { discountCodeText: null } },
      },
      headers,
    }),
  deleteTheme: (c, headers) => c.DELETE('/v1/themes/{themeId}', { params: { path: { themeId } }, headers }),
};
