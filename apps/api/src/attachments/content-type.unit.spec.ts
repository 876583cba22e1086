import { SAMPLES, zip } from '../../../../test/e2e/security/files';
import { ACCEPTED_TYPES, AcceptedType, checkDeclaredType, detectType, TextDetector } from './content-type';

function sniff(bytes: Buffer): Promise<AcceptedType | undefined> {
  const text = new TextDetector();
  // Fed in small pieces, as a stream arrives, so multi-byte characters are split across chunks.
  for (let at = 0; at < bytes.length; at += 7) text.push(bytes.subarray(at, at + 7));
  return detectType({ head: bytes.subarray(0, 4096), size: bytes.length, isText: text.end(), read: async (position, length) => bytes.subarray(position, position + length) });
}

describe('telling an attachment’s type from its bytes', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['heic', 'image/heic'],
    ['mp4', 'video/mp4'],
    ['quicktime', 'video/quicktime'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['text', 'text/plain'],
    ['csv', 'text/plain'],
  ] as const)('recognises %s', async (sample, contentType) => {
    expect((await sniff(SAMPLES[sample]))?.contentType).toBe(contentType);
  });

  it.each([
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1')],
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')],
    ['an ELF binary', Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1')],
    ['a ZIP that is no office document', zip({ 'evil.sh': 'rm -rf /' })],
    ['a ZIP with only a content-types part', zip({ '[Content_Types].xml': '<Types/>' })],
    ['a truncated ZIP', SAMPLES.docx.subarray(0, 40)],
    ['text with a NUL byte', Buffer.from('abc\0def')],
    ['text with an escape sequence', Buffer.from('abc\x1b[31mred')],
    ['invalid UTF-8', Buffer.from([0x61, 0xc3, 0x28, 0x62])],
    ['UTF-8 cut in the middle of a character', Buffer.from('Biên').subarray(0, 3)],
    ['an ISO media file of another brand (AVIF)', Buffer.concat([Buffer.from([0, 0, 0, 16]), Buffer.from('ftypavifavif', 'latin1')])],
    ['random binary', Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff])],
  ])('refuses %s', async (_what, bytes) => {
    expect(await sniff(bytes)).toBeUndefined();
  });

  it('accepts a declared type that agrees with the bytes, or none, and serves text as UTF-8', () => {
    expect(checkDeclaredType(ACCEPTED_TYPES.pdf, 'application/pdf')).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkDeclaredType(ACCEPTED_TYPES.jpeg, 'image/jpg')).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkDeclaredType(ACCEPTED_TYPES.pdf, 'application/octet-stream')).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkDeclaredType(ACCEPTED_TYPES.text, 'text/csv; charset=windows-1258')).toEqual({ ok: true, contentType: 'text/csv; charset=utf-8' });
    expect(checkDeclaredType(ACCEPTED_TYPES.text, 'TEXT/PLAIN')).toEqual({ ok: true, contentType: 'text/plain; charset=utf-8' });
  });

  it.each([
    [ACCEPTED_TYPES.pdf, 'image/png'],
    [ACCEPTED_TYPES.pdf, 'text/plain'],
    [ACCEPTED_TYPES.png, 'application/pdf'],
    [ACCEPTED_TYPES.text, 'text/html'],
    [ACCEPTED_TYPES.text, 'image/svg+xml'],
    [ACCEPTED_TYPES.docx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [ACCEPTED_TYPES.mp4, 'video/quicktime'],
  ])('refuses %s content declared as %s, saying both', (detected, declared) => {
    const verdict = checkDeclaredType(detected, declared);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.reason).toContain(declared);
      expect(verdict.reason).toContain(detected.contentType);
    }
  });
});
