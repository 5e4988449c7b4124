import { toFormData } from '../../../src/index.ts';
import type { Cases } from './types.ts';

const fileId = '6632f1a0b9c8d7e6f5a4b3d1';

export const fileCases: Cases = {
  // A real multipart body through the typed client: toFormData builds the form.
  uploadFile: (c, headers) =>
    c.POST('/v1/files/upload', {
      body: { file: new File(['%PDF-1.7 workbook'], 'brand-strategy-workbook.pdf', { type: 'application/pdf' }), purpose: 'file' },
      bodySerializer: toFormData,
      headers,
    }),
  deleteFile: (c, headers) => c.DELETE('/v1/files/{fileId}', { params: { path: { fileId } }, headers }),
  downloadFile: (c, headers) => c.GET('/v1/files/{fileId}/download', { params: { path: { fileId } }, headers }),
};
