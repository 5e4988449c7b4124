import type { Cases } from './types.ts';

// The "Free brand audit" lead form of the examples.
const pageId = '6630b6f3c4e8a91d2f7b3a60';
const fieldId = '6630b6f3c4e8a91d2f7b3a64';

const form = { path: { pageId } };
const field = { path: { pageId, fieldId } };

export const formCases: Cases = {
  listForms: (c, headers) => c.GET('/v1/forms', { params: { query: { status: 'published', search: 'audit', limit: 10 } }, headers }),
  createForm: (c, headers) =>
    c.POST('/v1/forms', {
      body: {
        name: 'Free brand audit',
        title: 'Get a free brand audit',
        fields: [
          { key: 'email', label: 'Email', element: 'email', type: 'email', required: true },
          { key: 'website', label: 'Company website', element: 'text', required: false },
        ],
        fileIds: ['6630b6f3c4e8a91d2f7b3a6a'],
        formDetails: { limitSubmissions: { enabled: true } },
      },
      headers,
    }),
  getForm: (c, headers) => c.GET('/v1/forms/{pageId}', { params: form, headers }),
  updateForm: (c, headers) =>
    c.PATCH('/v1/forms/{pageId}', { params: form, body: { title: 'Book a free brand audit', formDetails: { limitSubmissions: { enabled: false } } }, headers }),
  deleteForm: (c, headers) => c.DELETE('/v1/forms/{pageId}', { params: form, headers }),

  listFormFields: (c, headers) => c.GET('/v1/forms/{pageId}/fields', { params: form, headers }),
  createFormField: (c, headers) =>
    c.POST('/v1/forms/{pageId}/fields', {
      params: form,
      body: { label: 'Budget (GBP)', element: 'number', required: false, minValue: { enabled: true, value: '0' } },
      headers,
    }),
  getFormField: (c, headers) => c.GET('/v1/forms/{pageId}/fields/{fieldId}', { params: field, headers }),
  updateFormField: (c, headers) =>
    c.PATCH('/v1/forms/{pageId}/fields/{fieldId}', {
      params: field,
      body: { options: [{ label: 'Positioning', value: 'positioning' }, { label: 'Naming', value: 'naming' }] },
      headers,
    }),
  deleteFormField: (c, headers) => c.DELETE('/v1/forms/{pageId}/fields/{fieldId}', { params: field, headers }),
};
