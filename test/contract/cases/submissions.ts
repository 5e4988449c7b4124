import type { Cases } from './types.ts';

const submissionId = '6817a1c39f39b6760576f3a1';

export const submissionCases: Cases = {
  listSubmissions: (c, headers) =>
    c.GET('/v1/submissions', {
      params: {
        query: {
          search: 'marco',
          pageId: '6630b6f3c4e8a91d2f7b3a60',
          customerId: '6813a1d29f39b6760576f1a0',
          status: 'succeeded',
          createdAfter: '2026-03-01T00:00:00Z',
          createdBefore: '2026-03-31T23:59:59Z',
          livemode: 'true',
          limit: 20,
        },
      },
      headers,
    }),
  getSubmission: (c, headers) =>
    c.GET('/v1/submissions/{submissionId}', { params: { path: { submissionId }, query: { livemode: 'true' } }, headers }),
};
