import type { Cases } from './types.ts';

// The Lisbon Product Summit 2026 of the examples: two ticket groups (Conference, Online).
const pageId = '6650a1b2c3d4e5f6a7b8c901';
const ticketGroupId = '6650a1b2c3d4e5f6a7b8c910';
const ticketTypeId = '6650a1b2c3d4e5f6a7b8c921';
const fieldId = '6650a1b2c3d4e5f6a7b8c933';

const event = { path: { pageId } };
const field = { path: { pageId, fieldId } };
const group = { path: { pageId, ticketGroupId } };
const type = { path: { pageId, ticketGroupId, ticketTypeId } };

export const eventCases: Cases = {
  listEvents: (c, headers) =>
    c.GET('/v1/events', { params: { query: { status: 'published', search: 'summit', testmode: 'false', limit: 10 } }, headers }),
  createEvent: (c, headers) =>
    c.POST('/v1/events', {
      body: {
        name: 'Lisbon Product Summit 2026',
        slug: 'lisbon-product-summit-2026',
        status: 'draft',
        tax: { enabled: false },
        ticketGroups: [
          {
            key: 'conference',
            name: 'Conference',
            capacity: 300,
            feeDisplay: 'separate',
            ticketTypes: [
              {
                key: 'conference-pass',
                name: 'Conference pass',
                price: 12000,
                feeAmount: 250,
                capacity: 250,
                availabilityBehavior: 'date_time_based',
                saleStartOn: '2026-03-01T09:00:00.000Z',
                saleEndOn: '2026-06-10T21:59:59.000Z',
              },
              {
                key: 'late-pass',
                name: 'Late pass',
                price: 15000,
                feeAmount: 250,
                capacity: 50,
                availabilityBehavior: 'after_ticket_sold_out',
                triggerTicketTypeId: 'conference-pass',
              },
            ],
          },
          {
            key: 'online',
            name: 'Online',
            ticketSelectionType: 'single',
            availabilityBehavior: 'until_event_starts',
            ticketTypes: [{ key: 'livestream', name: 'Livestream', pricing: 'pwyw', price: 1000, pwywSuggestedPrice: 2500 }],
          },
        ],
      },
      headers,
    }),
  getEvent: (c, headers) => c.GET('/v1/events/{pageId}', { params: event, headers }),
  updateEvent: (c, headers) => c.PATCH('/v1/events/{pageId}', { params: event, body: { status: 'published' }, headers }),
  // The examples archive the draft breakfast event of the list.
  deleteEvent: (c, headers) => c.DELETE('/v1/events/{pageId}', { params: { path: { pageId: '6650a1b2c3d4e5f6a7b8c9a0' } }, headers }),

  listEventFields: (c, headers) => c.GET('/v1/events/{pageId}/fields', { params: event, headers }),
  createEventField: (c, headers) =>
    c.POST('/v1/events/{pageId}/fields', {
      params: event,
      body: {
        label: 'Dietary requirements',
        element: 'select',
        reference: 'dietary',
        options: [
          { label: 'None', value: 'None' },
          { label: 'Vegetarian', value: 'Vegetarian' },
          { label: 'Vegan', value: 'Vegan' },
        ],
      },
      headers,
    }),
  getEventField: (c, headers) => c.GET('/v1/events/{pageId}/fields/{fieldId}', { params: field, headers }),
  updateEventField: (c, headers) =>
    c.PATCH('/v1/events/{pageId}/fields/{fieldId}', { params: field, body: { required: true }, headers }),
  deleteEventField: (c, headers) => c.DELETE('/v1/events/{pageId}/fields/{fieldId}', { params: field, headers }),

  listEventTicketGroups: (c, headers) => c.GET('/v1/events/{pageId}/ticket-groups', { params: event, headers }),
  createEventTicketGroup: (c, headers) =>
    c.POST('/v1/events/{pageId}/ticket-groups', {
      params: event,
      body: {
        name: 'Workshops',
        capacity: 60,
        ticketSelectionType: 'multiple',
        availabilityBehavior: 'date_time_based',
        saleStartOn: '2026-05-15T08:00:00.000Z',
      },
      headers,
    }),
  getEventTicketGroup: (c, headers) =>
    c.GET('/v1/events/{pageId}/ticket-groups/{ticketGroupId}', { params: group, headers }),
  updateEventTicketGroup: (c, headers) =>
    c.PATCH('/v1/events/{pageId}/ticket-groups/{ticketGroupId}', { params: group, body: { hideWhenSoldOut: true }, headers }),
  deleteEventTicketGroup: (c, headers) =>
    c.DELETE('/v1/events/{pageId}/ticket-groups/{ticketGroupId}', { params: group, headers }),

  listEventTicketTypes: (c, headers) =>
    c.GET('/v1/events/{pageId}/ticket-groups/{ticketGroupId}/ticket-types', { params: group, headers }),
  createEventTicketType: (c, headers) =>
    c.POST('/v1/events/{pageId}/ticket-groups/{ticketGroupId}/ticket-types', {
      params: group,
      body: { name: 'Student pass', price: 6000, feeAmount: 100, capacity: 30, maxQuantity: 1 },
      headers,
    }),
  getEventTicketType: (c, headers) =>
    c.GET('/v1/events/{pageId}/ticket-groups/{ticketGroupId}/ticket-types/{ticketTypeId}', { params: type, headers }),
  updateEventTicketType: (c, headers) =>
    c.PATCH('/v1/events/{pageId}/ticket-groups/{ticketGroupId}/ticket-types/{ticketTypeId}', {
      params: type,
      body: { maxQuantity: 8, showAvailableQuantity: true },
      headers,
    }),
  deleteEventTicketType: (c, headers) =>
    c.DELETE('/v1/events/{pageId}/ticket-groups/{ticketGroupId}/ticket-types/{ticketTypeId}', { params: type, headers }),
};
