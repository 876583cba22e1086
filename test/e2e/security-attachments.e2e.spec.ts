import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TestUser } from '../harness/people';
import { Scenario } from '../harness/scenario';
import { useStack } from '../harness/use-stack';
import { SAMPLES } from './security/files';
import { send, Upload, uploadAttachment } from './security/http';

/**
 * Evidence files: told apart by their bytes (an allow-list of what inspections need), limited in
 * size while they stream, stored once by content hash under DATA_DIR, and readable only by their
 * uploader and by whoever may see an inspection whose evidence cites them; to anyone else they do
 * not exist.
 */
describe('attachments', () => {
  const LIMIT = 65_536;
  const stack = useStack({ env: { ATTACHMENT_MAX_BYTES: String(LIMIT) } });
  let root: string;

  beforeAll(async () => {
    root = path.resolve(stack.config.DATA_DIR, 'attachments');
  });

  const upload = (user: TestUser, file: Upload | Upload[], fields?: Record<string, string>) => send(stack, user, { method: 'POST', path: '/api/v1/attachments', upload: file, fields });
  const download = (user: TestUser | undefined, id: string) => send(stack, user, { method: 'GET', path: `/api/v1/attachments/${id}` });
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const incomingLeft = () => (existsSync(path.join(root, '.incoming')) ? readdirSync(path.join(root, '.incoming')) : []);

  describe('what may be uploaded', () => {
    it.each([
      ['pdf', 'application/pdf', 'application/pdf'],
      ['jpeg', 'image/jpeg', 'image/jpeg'],
      ['png', 'image/png', 'image/png'],
      ['webp', 'image/webp', 'image/webp'],
      ['heic', 'image/heic', 'image/heic'],
      ['mp4', 'video/mp4', 'video/mp4'],
      ['quicktime', 'video/quicktime', 'video/quicktime'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['text', 'text/plain', 'text/plain; charset=utf-8'],
      ['csv', 'text/csv', 'text/csv; charset=utf-8'],
    ] as const)('accepts %s declared as %s, and as octet-stream', async (sample, declared, stored) => {
      const bytes = SAMPLES[sample];
      for (const contentType of [declared, 'application/octet-stream']) {
        const response = await upload(stack.people.inspector1, { content: bytes, fileName: `mẫu.${sample}`, contentType });
        expect(response.status).toBe(201);
        expect(response.body).toEqual({
          id: expect.any(String),
          sha256: sha256(bytes),
          size: bytes.length,
          contentType: contentType === 'application/octet-stream' && sample === 'csv' ? 'text/plain; charset=utf-8' : stored,
          fileName: `mẫu.${sample}`,
        });
      }
    });

    it('accepts a real workbook (the dashboard exported as XLSX)', async () => {
      const workbook = await send(stack, stack.people.chairman, { method: 'GET', path: '/api/v1/reports/dashboard?format=xlsx' });
      expect(workbook.status).toBe(200);
      const response = await upload(stack.people.chairman, { content: workbook.bytes!, fileName: 'bao-cao.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      expect(response.status).toBe(201);
    });

    it.each([
      ['a PDF declared as PNG', SAMPLES.pdf, 'image/png', /declared as image\/png but its content is PDF \(application\/pdf\)/],
      ['a PNG declared as PDF', SAMPLES.png, 'application/pdf', /declared as application\/pdf but its content is PNG image/],
      ['a PDF sent without a part type (read as text/plain)', SAMPLES.pdf, 'text/plain', /declared as text\/plain but its content is PDF/],
      ['a workbook declared as a Word document', SAMPLES.xlsx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', /content is Excel workbook/],
      ['text declared as HTML', Buffer.from('<b>hello</b>'), 'text/html', /declared as text\/html/],
      ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml', /declared as image\/svg\+xml/],
      ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00', 'latin1'), 'image/gif', /not of an accepted type/],
      ['a Windows executable named .pdf', Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), 'application/octet-stream', /not of an accepted type/],
      ['binary bytes declared as text', Buffer.from([0x00, 0x01, 0x02, 0x03]), 'text/plain', /not of an accepted type/],
    ])('refuses %s (415, saying why)', async (_what, content, contentType, reason) => {
      const response = await upload(stack.people.inspector1, { content, fileName: 'bang-chung.pdf', contentType });
      expect(response.status).toBe(415);
      expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect((response.body as { detail: string }).detail).toMatch(reason);
    });

    it('refuses a file over ATTACHMENT_MAX_BYTES (413 problem+json naming the limit), and takes one of exactly that size', async () => {
      const over = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMIT, 0x20)]);
      const refused = await upload(stack.people.inspector1, { content: over, fileName: 'lon.pdf', contentType: 'application/pdf' });
      expect(refused.status).toBe(413);
      expect(String(refused.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 413, detail: 'The file is larger than the limit of 64 KiB.', maxBytes: LIMIT });
      const exact = over.subarray(0, LIMIT);
      expect((await upload(stack.people.inspector1, { content: exact, fileName: 'vua.pdf', contentType: 'application/pdf' })).status).toBe(201);
    });

    it.each([
      ['an empty file', () => ({ upload: { content: Buffer.alloc(0), fileName: 'rong.txt', contentType: 'text/plain' } }), 400],
      ['a file in another field', () => ({ upload: { field: 'attachment', content: SAMPLES.pdf, fileName: 'a.pdf', contentType: 'application/pdf' } }), 400],
      ['two files', () => ({ upload: [{ content: SAMPLES.pdf, fileName: 'a.pdf', contentType: 'application/pdf' }, { content: SAMPLES.png, fileName: 'b.png', contentType: 'image/png' }] }), 400],
      ['no file, only a field', () => ({ fields: { file: 'JVBERi0=' } }), 400],
      ['JSON instead of multipart', () => ({ body: { file: 'JVBERi0=' } }), 415],
      ['the bare bytes', () => ({ raw: { content: SAMPLES.pdf, contentType: 'application/pdf' } }), 415],
    ] as const)('refuses %s', async (_what, request, status) => {
      const response = await send(stack, stack.people.inspector1, { method: 'POST', path: '/api/v1/attachments', ...(request() as object) });
      expect(response.status).toBe(status);
      expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    });

    it('refuses anyone without a token before reading the upload', async () => {
      const response = await send(stack, undefined, { method: 'POST', path: '/api/v1/attachments', upload: { content: SAMPLES.pdf, fileName: 'a.pdf', contentType: 'application/pdf' } });
      expect(response.status).toBe(401);
    });
  });

  describe('how it is stored', () => {
    it('keeps identical content once, under its SHA-256, whoever uploads it, and leaves no temporary file behind', async () => {
      const bytes = Buffer.from(`Biên bản ${randomUUID()}\n`);
      const first = await uploadAttachment(stack, stack.people.inspector1, { content: bytes, fileName: 'a.txt', contentType: 'text/plain' });
      const second = await uploadAttachment(stack, stack.people.headA, { content: bytes, fileName: 'b.txt', contentType: 'text/plain' });
      expect(first.id).not.toBe(second.id);
      expect(first.sha256).toBe(second.sha256);
      const file = path.join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
      expect(readFileSync(file)).toEqual(bytes);
      expect(readdirSync(path.dirname(file)).filter((name) => name.startsWith(first.sha256))).toEqual([first.sha256]);
      const rows = await stack.db.query('SELECT count(*)::int AS n FROM attachments WHERE sha256 = $1', [first.sha256]);
      expect(rows[0].n).toBe(2);
      expect(incomingLeft()).toEqual([]);
    });

    it('stores nothing for what it refuses', async () => {
      const refused = Buffer.from([0x00, 0x42, 0x42, 0x42]);
      await upload(stack.people.inspector1, { content: refused, fileName: 'x.bin', contentType: 'application/octet-stream' });
      await upload(stack.people.inspector1, { content: Buffer.concat([SAMPLES.pdf, Buffer.alloc(LIMIT)]), fileName: 'x.pdf', contentType: 'application/pdf' });
      const hash = sha256(refused);
      expect(existsSync(path.join(root, hash.slice(0, 2), hash.slice(2, 4), hash))).toBe(false);
      expect(incomingLeft()).toEqual([]);
    });

    it('keeps a safe file name, and gives it back exactly in Content-Disposition', async () => {
      const cases: [string, string][] = [
        ['../../etc/passwd', 'passwd'],
        ['C:\\Users\\lead\\bien-ban.txt', 'bien-ban.txt'],
        ['a"b<c>.txt', 'a_b_c_.txt'],
        ['   ', 'attachment'],
        ['Biên bản kiểm tra (bản 2).txt', 'Biên bản kiểm tra (bản 2).txt'],
      ];
      for (const [given, kept] of cases) {
        const created = await upload(stack.people.inspector1, { content: Buffer.from(`${given}\n`), fileName: given, contentType: 'text/plain' });
        expect({ given, fileName: (created.body as { fileName: string }).fileName }).toEqual({ given, fileName: kept });
        const fetched = await download(stack.people.inspector1, (created.body as { id: string }).id);
        const disposition = fetched.headers['content-disposition'];
        expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]*$/);
        expect(decodeURIComponent(disposition.split("''")[1])).toBe(kept);
      }
    });
  });

  describe('who may read it', () => {
    const scenario = () => new Scenario(stack);

    it('gives the uploader the exact bytes, with its type, as a download that cannot be sniffed or run', async () => {
      const created = await uploadAttachment(stack, stack.people.inspector1, { content: SAMPLES.pdf, fileName: 'biên bản.pdf', contentType: 'application/pdf' });
      const response = await download(stack.people.inspector1, created.id);
      expect(response.status).toBe(200);
      expect(response.bytes).toEqual(SAMPLES.pdf);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-length']).toBe(String(SAMPLES.pdf.length));
      expect(response.headers['content-disposition']).toBe(`attachment; filename="bi_n b_n.pdf"; filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf`);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(response.headers['cache-control']).toBe('private, no-store');
    });

    it('is nobody else’s business until an inspection cites it: the same 404 as an id that exists nowhere', async () => {
      const created = await uploadAttachment(stack, stack.people.inspector1, { content: Buffer.from('chưa dùng\n'), fileName: 'a.txt', contentType: 'text/plain' });
      const nowhere = await download(stack.people.chairman, randomUUID());
      for (const user of [stack.people.chairman, stack.people.lead, stack.people.inspector2, stack.people.admin, stack.people.headA]) {
        const response = await download(user, created.id);
        expect({ user: user.username, status: response.status, body: response.body }).toEqual({ user: user.username, status: 404, body: nowhere.body });
      }
      expect((await download(undefined, created.id)).status).toBe(401);
      expect((await download(stack.people.inspector1, 'not-a-uuid')).status).toBe(400);
    });

    it('once cited by a finding, is readable by whoever may see that inspection, and by no one else; still so after the finding’s evidence is replaced', async () => {
      const { people, api } = stack;
      const { inspectionId } = await scenario().plannedInspection({ units: [people.units.a] });
      await scenario().start(inspectionId);
      const photo = await uploadAttachment(stack, people.inspector1, { content: SAMPLES.jpeg, fileName: 'anh.jpg', contentType: 'image/jpeg' });
      const findingId = await scenario().finding(inspectionId, people.inspector1, { evidence: [{ attachmentId: photo.id }] });
      const readers = [people.inspector1, people.inspector2, people.lead, people.chairman, people.admin, people.otherLead, people.outsideInspector, people.headA];
      const outsiders = [people.headB, people.headC];
      const expectAccess = async () => {
        for (const user of readers) expect({ user: user.username, status: (await download(user, photo.id)).status }).toEqual({ user: user.username, status: 200 });
        for (const user of outsiders) expect({ user: user.username, status: (await download(user, photo.id)).status }).toEqual({ user: user.username, status: 404 });
      };
      await expectAccess();

      const replacement = await uploadAttachment(stack, people.inspector1, { content: SAMPLES.png, fileName: 'anh-2.png', contentType: 'image/png' });
      const amended = await api.expect(200, api.patch(people.inspector1, `/inspections/${inspectionId}/findings/${findingId}`, { evidence: [{ attachmentId: replacement.id }] }));
      expect(JSON.stringify(amended.findings)).not.toContain(photo.id);
      // The first photo is no longer in the finding, but the events that cite it still show it.
      await expectAccess();
      expect((await download(people.headA, replacement.id)).status).toBe(200);
    });

    it('once cited by a unit head’s action report, is readable by the team and the chairman', async () => {
      const { people } = stack;
      const s = scenario();
      const { inspectionId, findingId } = await s.awaitingResponse({ units: [people.units.b] });
      const remediating = await s.respond(inspectionId, people.headB, [{ findingId, position: 'accepted' }]);
      const scan = await uploadAttachment(stack, people.headB, { content: SAMPLES.pdf, fileName: 'bien-ban-khac-phuc.pdf', contentType: 'application/pdf' });
      expect((await download(people.lead, scan.id)).status).toBe(404);
      await stack.api.expect(
        200,
        stack.api.post(people.headB, `/inspections/${inspectionId}/actions/${remediating.actions[0].id}/report`, { note: 'Đã khắc phục', evidence: [{ attachmentId: scan.id }] }),
      );
      for (const user of [people.lead, people.inspector1, people.chairman, people.headB]) expect((await download(user, scan.id)).status).toBe(200);
      for (const user of [people.headA, people.headC]) expect((await download(user, scan.id)).status).toBe(404);
    });

    it('cannot be cited by someone who did not upload it (ids are not a way to borrow files)', async () => {
      const { people, api } = stack;
      const { inspectionId } = await scenario().plannedInspection({ units: [people.units.c] });
      await scenario().start(inspectionId);
      const theirs = await uploadAttachment(stack, people.headC, { content: Buffer.from('của đơn vị\n'), fileName: 'a.txt', contentType: 'text/plain' });
      const response = await api.post(people.inspector1, `/inspections/${inspectionId}/findings`, {
        criterionCode: 'KL-01',
        severity: 'minor',
        description: 'Thử mượn tệp',
        evidence: [{ attachmentId: theirs.id }],
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'evidence.0.attachmentId', message: 'must be an attachment you uploaded' }]);
    });
  });
});
