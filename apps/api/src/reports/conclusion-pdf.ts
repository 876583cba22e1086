import PDFDocument from 'pdfkit';
import { Criterion, InspectionState, parseTimePoint, RATINGS, SEVERITIES, toLocalDate } from '@inspectorate/domain';
import { RATING_LABEL, SEVERITY_LABEL } from '@inspectorate/reports';
import type { AuthorityHeading } from '../authority/authority.service';

/**
 * The approved conclusion (kết luận kiểm tra) as a printable document in the layout of a
 * Vietnamese administrative document: the authority (as the admin named it: GET /authority) and
 * the national motto at the head, the place and date line, the title, the findings, the required
 * actions and their deadlines, the approval (when, and the hash of the exact content approved, so
 * a printout can be checked against the record) and the signature block with the chairman's
 * title and name.
 *
 * Fonts: DejaVu Serif and DejaVu Sans Mono from the `dejavu-fonts-ttf` package, embedded
 * (subset) in the file; they cover Vietnamese completely (Ủ, ộ, ữ, đ …).
 */
export interface ConclusionDocument {
  readonly authority: AuthorityHeading;
  readonly unit: { readonly code: string; readonly name: string };
  readonly campaign: { readonly title: string; readonly legalBasis: string } | null;
  readonly state: InspectionState;
  /** The criteria of the inspection's stored checklist version (what the findings cite). */
  readonly criteria: readonly Criterion[];
}

const FONTS = {
  regular: fontPath('DejaVuSerif.ttf'),
  bold: fontPath('DejaVuSerif-Bold.ttf'),
  heading: fontPath('DejaVuSerifCondensed-Bold.ttf'),
  headingRegular: fontPath('DejaVuSerifCondensed.ttf'),
  italic: fontPath('DejaVuSerif-Italic.ttf'),
  mono: fontPath('DejaVuSansMono.ttf'),
};

function fontPath(file: string): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

const MARGIN = { top: 57, bottom: 57, left: 85, right: 57 };
const BODY = 12;

export class ConclusionNotApproved extends Error {}

export function renderConclusionPdf(doc: ConclusionDocument): Promise<Buffer> {
  const s = doc.state;
  const approval = s.approval;
  if (!approval) throw new ConclusionNotApproved(`The conclusion is not approved (the inspection is ${s.status}).`);
  const approved = approval.approved;

  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    font: FONTS.regular,
    bufferPages: true,
    lang: 'vi-VN',
    info: {
      Title: `Kết luận kiểm tra — ${doc.unit.name}`,
      Author: doc.authority.name,
      Subject: `Kết luận kiểm tra công vụ đột xuất tại ${doc.unit.name}`,
      Keywords: `sha256:${approval.contentHash}`,
      CreationDate: new Date(approval.approvedAt),
    },
  });
  for (const [name, path] of Object.entries(FONTS)) pdf.registerFont(name, path);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - MARGIN.left - MARGIN.right;
  const left = MARGIN.left;

  // Heading: the authority on the left, the national motto on the right.
  const top = pdf.y;
  const rightWidth = 262;
  const leftWidth = width - rightWidth - 8;
  const rightX = left + leftWidth + 8;
  pdf.font('headingRegular').fontSize(10).text(doc.authority.name, left, top, { width: leftWidth, align: 'center' });
  pdf.font('heading').fontSize(11).text(doc.authority.inspectionBodyName, { width: leftWidth, align: 'center' });
  rule(pdf, left + leftWidth * 0.3, left + leftWidth * 0.7, pdf.y + 4);
  pdf
    .moveDown(0.5)
    .font('regular')
    .fontSize(11)
    .text(`Số: ${s.id.slice(0, 8).toUpperCase()}/KL-ĐKT`, { width: leftWidth, align: 'center' });
  const leftBottom = pdf.y;
  pdf.font('heading').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
  pdf.fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { width: rightWidth, align: 'center' });
  rule(pdf, rightX + rightWidth * 0.2, rightX + rightWidth * 0.8, pdf.y + 4);
  pdf.moveDown(0.5).font('italic').fontSize(11).text(dateLine(doc.authority.place, approval.approvedAt), { width: rightWidth, align: 'center' });
  pdf.y = Math.max(leftBottom, pdf.y) + 24;

  // Title
  pdf.font('bold').fontSize(14).text('KẾT LUẬN KIỂM TRA', left, pdf.y, { width, align: 'center' });
  pdf.fontSize(BODY).text(`Về việc kiểm tra công vụ đột xuất tại ${doc.unit.name}`, { width, align: 'center' });
  pdf.moveDown(1);

  const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    pdf
      .font('regular')
      .fontSize(BODY)
      .text(text, left, pdf.y, { width, align: 'justify', paragraphGap: 4, ...options });
  const heading = (text: string) => {
    pdf.moveDown(0.5);
    pdf.font('bold').fontSize(BODY).text(text, left, pdf.y, { width, paragraphGap: 4 });
  };

  if (doc.campaign) paragraph(`Căn cứ ${doc.campaign.legalBasis.replace(/[.;]+$/, '')};`);
  const visit = s.startedAt ? localDay(s.startedAt) : undefined;
  const visitEnd = s.visitEndedAt ? localDay(s.visitEndedAt) : undefined;
  const when = visit ? (visitEnd && visitEnd !== visit ? ` từ ngày ${visit} đến ngày ${visitEnd}` : ` ngày ${visit}`) : '';
  paragraph(
    `${doc.campaign ? `Thực hiện ${doc.campaign.title}, ` : ''}Đoàn kiểm tra công vụ đã tiến hành kiểm tra đột xuất tại ${doc.unit.name} (mã ${doc.unit.code})${when}. Đoàn kiểm tra kết luận như sau:`,
  );

  heading('I. NHẬN XÉT, ĐÁNH GIÁ CHUNG');
  paragraph(approved.conclusion.summary);
  const rating = approved.conclusion.rating;
  paragraph(`Xếp loại: ${RATINGS.includes(rating) ? RATING_LABEL[rating] : rating}.`);

  heading('II. NHỮNG TỒN TẠI, HẠN CHẾ');
  const findingNumber = new Map(approved.findings.map((f, index) => [f.id, index + 1]));
  if (approved.findings.length === 0) paragraph('Không phát hiện tồn tại, hạn chế.');
  approved.findings.forEach((f, index) => {
    const criterion = doc.criteria.find((c) => c.code === f.criterionCode);
    const severity = SEVERITIES.includes(f.severity) ? SEVERITY_LABEL[f.severity] : f.severity;
    paragraph(`${index + 1}. ${criterion?.nameVi ?? f.criterionCode} (${f.criterionCode}; mức độ: ${severity}): ${f.description}`);
    if (f.people.length > 0) paragraph(`Người liên quan: ${f.people.join(', ')}.`, { indent: 14 });
  });

  heading('III. YÊU CẦU KHẮC PHỤC');
  if (approved.conclusion.actions.length === 0) paragraph('Không có yêu cầu khắc phục.');
  approved.conclusion.actions.forEach((a, index) => {
    const finding = findingNumber.get(a.findingId);
    paragraph(`${index + 1}. ${a.requirement}${finding ? ` (tồn tại số ${finding})` : ''}. Thời hạn hoàn thành: ${dueText(a.dueDate)}.`);
  });
  if (s.responseDeadline) {
    paragraph(
      `Thủ trưởng ${doc.unit.name} phản hồi kết luận này (chấp nhận và lập kế hoạch khắc phục, hoặc giải trình) chậm nhất ngày ${localDay(s.responseDeadline.dueAt)}.`,
    );
  }

  if (approved.dissents.length > 0) {
    heading('IV. Ý KIẾN KHÁC CỦA THÀNH VIÊN ĐOÀN KIỂM TRA');
    approved.dissents.forEach((d, index) => paragraph(`${index + 1}. ${d.text} (${localDay(d.recordedAt)})`));
  }

  // Approval, then the signature block.
  pdf.moveDown(1);
  pdf
    .font('italic')
    .fontSize(11)
    .text(
      `Kết luận này đã được Chủ tịch phê duyệt lúc ${localTime(approval.approvedAt)} ngày ${localDay(approval.approvedAt)}.`,
      left,
      pdf.y,
      { width },
    );
  pdf.font('regular').fontSize(10).text('Mã xác thực nội dung đã phê duyệt (SHA-256):', { width });
  pdf.font('mono').fontSize(9).text(approval.contentHash, { width });
  pdf.moveDown(1.5);
  if (pdf.y > pdf.page.height - MARGIN.bottom - 110) pdf.addPage();
  const signTop = pdf.y;
  pdf.font('bold').fontSize(11).text('Nơi nhận:', left, signTop, { width: leftWidth });
  pdf.font('regular').fontSize(10).text(`- ${doc.unit.name};`, { width: leftWidth });
  pdf.text('- Lưu: VT, Đoàn kiểm tra.', { width: leftWidth });
  pdf.font('heading').fontSize(11).text(`TM. ${doc.authority.name}`, rightX, signTop, { width: rightWidth, align: 'center' });
  pdf.text(doc.authority.chairmanTitle, { width: rightWidth, align: 'center' });
  pdf.font('italic').fontSize(10).text('(Đã phê duyệt trên hệ thống)', { width: rightWidth, align: 'center' });
  if (doc.authority.chairmanName) pdf.moveDown(1).font('bold').fontSize(11).text(doc.authority.chairmanName, { width: rightWidth, align: 'center' });

  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    pdf.switchToPage(page);
    // Written in the bottom margin: lift the margin for it, or PDFKit would start a new page.
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(9)
      .text(`Trang ${page + 1}/${range.count}`, left, pdf.page.height - MARGIN.bottom + 20, { width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = MARGIN.bottom;
  }
  pdf.end();
  return done;
}

function rule(pdf: PDFKit.PDFDocument, from: number, to: number, y: number): void {
  pdf.moveTo(from, y).lineTo(to, y).lineWidth(0.7).stroke();
  pdf.y = y + 2;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy of an instant, in Asia/Ho_Chi_Minh. */
function localDay(instant: string): string {
  const [y, m, d] = toLocalDate(new Date(instant)).split('-');
  return `${d}/${m}/${y}`;
}

/** HH:mm of an instant, in Asia/Ho_Chi_Minh (fixed UTC+07:00). */
function localTime(instant: string): string {
  const local = new Date(Date.parse(instant) + 7 * 3600_000);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "Quận 1, ngày 08 tháng 9 năm 2023" (or, without a place, "Ngày 08 …"), as dated administrative documents read. */
function dateLine(place: string, instant: string): string {
  const [y, m, d] = toLocalDate(new Date(instant)).split('-');
  const date = `ngày ${d} tháng ${Number(m)} năm ${y}`;
  return place ? `${place}, ${date}` : `N${date.slice(1)}`;
}

/** A due date as the lead wrote it: a day, or an exact time. */
function dueText(dueDate: string): string {
  const point = parseTimePoint(dueDate);
  if (!point) return dueDate;
  if (point.kind === 'date') {
    const [y, m, d] = point.date.split('-');
    return `${d}/${m}/${y}`;
  }
  return `${localTime(point.at.toISOString())} ngày ${localDay(point.at.toISOString())}`;
}
