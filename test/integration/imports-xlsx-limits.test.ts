import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx, declaredInflatedSize, MAX_XLSX_INFLATED } from '../../src/server/features/imports/xlsx';
import { type TestServer, startTestServer } from '../fixtures/server';
import { sheetXmlOf, workbookOf } from '../fixtures/zip';

// An XLSX is a zip, and a small one can inflate to gigabytes. Uploads that do are refused by
// what their directory declares, or, when it lies, by the worker that reads them running out of
// memory; the server answers 400 naming the file and goes on serving.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('XLSX uploads that inflate too far', () => {
  let server: TestServer;
  let hotel: string;
  beforeAll(async () => {
    server = await startTestServer({});
    hotel = await server.login('hotel.maryam');
  });
  afterAll(async () => server?.close());
  const upload = (body: Buffer) => server.app.inject({
    method: 'POST', url: '/api/v1/imports?fileName=tamu.xlsx', headers: { cookie: hotel, 'content-type': XLSX, 'accept-language': 'en' }, payload: body,
  });
  const problemOf = (res: { statusCode: number; json(): { errors: { field: string; message: string }[] } }) => {
    expect(res.statusCode).toBe(400);
    return res.json().errors.map((e) => `${e.field}: ${e.message}`);
  };

  it('reads what the archive says its parts inflate to', () => {
    const sheet = sheetXmlOf(100);
    const book = workbookOf(sheet);
    expect(declaredInflatedSize(book)).toBeGreaterThan(sheet.length);
    expect(declaredInflatedSize(workbookOf(sheet, 300 * 1024 * 1024))).toBeGreaterThan(MAX_XLSX_INFLATED);
    expect(declaredInflatedSize(Buffer.from('PK\u0003\u0004 not really a zip'))).toBeNull();
  });

  it('refuses at once a workbook that says it inflates past the limit, and reads a small one', async () => {
    expect(problemOf(await upload(workbookOf(sheetXmlOf(10), 300 * 1024 * 1024))))
      .toEqual(['file: The file unpacks to too much data (at most 256 MB)']);
    const ok = await upload(workbookOf(sheetXmlOf(10)));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a workbook whose parts inflate to more than they said', async () => {
    expect(problemOf(await upload(workbookOf(sheetXmlOf(50_000), 1000)))).toEqual(['file: This file is not a readable Excel workbook (.xlsx)']);
  });

  it('answers a workbook too big for the reader\'s memory as too much data, and the server goes on', async () => {
    // 300,000 rows fit the declared limit (about 33 MB of XML) but not a 48 MiB heap
    const heavy = workbookOf(sheetXmlOf(300_000));
    await expect(readXlsx(heavy, { maxRows: 1_000_000, maxColumns: 60, heapMb: 48 })).rejects
      .toMatchObject({ status: 400, fieldErrors: [{ field: 'file', key: 'field.file_unpacks_too_large' }] });
    expect((await server.app.inject('/healthz')).statusCode).toBe(200);
  }, 60_000);
});
