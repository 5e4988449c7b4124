// The bundle plus the file and invoice operations that are not in it yet, written from the API's
// facts (uploadFile, downloadFile, deleteFile, listInvoices, getInvoice, regenerateInvoice), so the
// sandbox's handlers for them can be exercised before the spec describes them. Test use only.
import { bundle } from '../support/bundle.ts';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [String(code), error(`Error ${code}`)]));
const data = (schema: object) => ({ type: 'object', required: ['data'], properties: { data: schema } });
const json = (schema: object, examples?: object) => ({ content: { 'application/json': { schema, ...(examples ? { examples } : {}) } } });

export const INVOICE_ID = '6a1b2c3d4e5f60718293a4b5';

const invoice = {
  type: 'object',
  required: ['id', 'sellerId', 'livemode', 'currency', 'amount', 'status', 'createdAt', 'updatedAt'],
  properties: {
    id: { $ref: '#/components/schemas/ObjectId' },
    sellerId: { $ref: '#/components/schemas/ObjectId' },
    invoiceNumber: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['draft', 'open', 'paid', 'uncollectible', 'refunded', 'partially_refunded', 'void'] },
    currency: { type: 'string' },
    amount: { type: 'integer' },
    livemode: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
const invoiceValue = {
  id: INVOICE_ID,
  sellerId: '6630b2f1c4e8a91d2f7b3a10',
  invoiceNumber: 'INV-0042',
  status: 'paid',
  currency: 'gbp',
  amount: 21600,
  livemode: true,
  createdAt: '2026-03-14T10:22:41.000Z',
  updatedAt: '2026-03-14T10:22:41.000Z',
};
const file = {
  type: 'object',
  required: ['id', 'location', 'name', 'purpose', 'type', 'size', 'createdAt'],
  properties: {
    id: { $ref: '#/components/schemas/ObjectId' },
    location: { type: 'string', format: 'uri' },
    name: { type: 'string' },
    purpose: { type: 'string', enum: ['image', 'file'] },
    type: { type: 'string' },
    size: { type: 'integer' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
  },
};
const fileId = { name: 'fileId', in: 'path', required: true, schema: { $ref: '#/components/schemas/ObjectId' } };
const invoiceId = { name: 'invoiceId', in: 'path', required: true, schema: { $ref: '#/components/schemas/ObjectId' } };

export function specWithFutureOperations(): object {
  const spec = structuredClone(bundle) as any;
  Object.assign(spec.paths, {
    '/v1/files/upload': {
      post: {
        operationId: 'uploadFile',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', required: ['purpose'], properties: { file: { type: 'string', format: 'binary' }, purpose: { type: 'string', enum: ['image', 'file'] } } },
            },
          },
        },
        responses: { '201': { description: 'Uploaded', ...json(data(file)) }, ...errors(400, 401, 413, 415) },
      },
    },
    '/v1/files/{fileId}': {
      parameters: [fileId],
      delete: {
        operationId: 'deleteFile',
        responses: { '200': { description: 'Deleted', ...json(data({ type: 'object', properties: { success: { type: 'boolean' }, message: { type: 'string' } } })) }, ...errors(400, 401, 404, 409) },
      },
    },
    '/v1/files/{fileId}/download': {
      parameters: [fileId],
      get: {
        operationId: 'downloadFile',
        responses: {
          '200': { description: 'A URL', ...json(data({ type: 'object', required: ['url', 'expiresIn'], properties: { url: { type: 'string', format: 'uri' }, expiresIn: { type: 'integer' } } })) },
          ...errors(400, 401, 404),
        },
      },
    },
    '/v1/invoices': {
      get: {
        operationId: 'listInvoices',
        responses: {
          '200': {
            description: 'A page',
            ...json(
              { type: 'object', required: ['data', 'has_more', 'total'], properties: { data: { type: 'array', items: invoice }, has_more: { type: 'boolean' }, total: { type: 'integer' } } },
              { InvoiceList: { value: { data: [invoiceValue], has_more: false, total: 1 } } },
            ),
          },
          ...errors(400, 401),
        },
      },
    },
    '/v1/invoices/{invoiceId}': {
      parameters: [invoiceId],
      get: { operationId: 'getInvoice', responses: { '200': { description: 'The invoice', ...json(data(invoice)) }, ...errors(400, 401, 404) } },
    },
    '/v1/invoices/{invoiceId}/regenerate': {
      parameters: [invoiceId],
      post: {
        operationId: 'regenerateInvoice',
        requestBody: { content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: {} } } } },
        responses: { '200': { description: 'The invoice', ...json(data(invoice)) }, ...errors(400, 401, 404) },
      },
    },
  });
  return spec;
}
