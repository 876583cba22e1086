import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { Brackets, DataSource } from 'typeorm';
import { STREAM_PREFIX, UserActor } from '@inspectorate/domain';
import { AppConfig } from '@inspectorate/config';
import { AttachmentEntity } from '@inspectorate/attachments/attachment.entity';
import { InspectionEntity } from '@inspectorate/read-model';
import { InspectionAccess } from '../access/inspection-access';
import { ProblemException, problems } from '../common/problem';
import { AttachmentStorage, ReceivedFile } from './attachment-storage';
import { AttachmentView } from './attachment.view';
import { ACCEPTED_LABELS, checkDeclaredType, detectType } from './content-type';

export { AttachmentView };

/** Namespace of the per-user advisory lock that makes the quota check and the insert one step. */
const UPLOAD_QUOTA_LOCK = 4_242_002;

/** The events that may carry evidence, and so name an attachment. */
const EVIDENCE_EVENTS = ['FindingRecorded', 'FindingAmended', 'CorrectiveActionReported'];

/**
 * Uploads and downloads of evidence. Anyone logged in may upload; a file may be read by its
 * uploader and by whoever may see an inspection whose events reference it. To everyone else it
 * does not exist (404, never 403: an id must not confirm that a file is there).
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: AttachmentStorage,
    private readonly config: AppConfig,
    private readonly access: InspectionAccess,
  ) {}

  async upload(file: ReceivedFile, user: UserActor): Promise<AttachmentView> {
    try {
      if (file.size === 0) throw problems.badRequest('The file is empty.', [{ field: 'file', message: 'must not be empty' }]);
      const detected = await detectType({
        head: file.head,
        size: file.size,
        isText: file.isText,
        read: (position, length) => this.storage.readRange(file.path, position, length),
      });
      if (!detected) {
        throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, `The content of the file is not of an accepted type (${ACCEPTED_LABELS}).`, {
          errors: [{ field: 'file', message: 'must be one of the accepted types' }],
        });
      }
      const declared = checkDeclaredType(detected, file.mimetype);
      if (!declared.ok) {
        throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, declared.reason, { errors: [{ field: 'file', message: 'declared type does not match the content' }] });
      }
      const attachment = this.db.getRepository(AttachmentEntity).create({
        id: randomUUID(),
        sha256: file.sha256,
        size: file.size,
        contentType: declared.contentType,
        fileName: safeFileName(file.originalname),
        uploadedBy: user.userId,
      });
      // One user's uploads at a time: concurrent ones must not each fit the quota and together exceed it.
      await this.db.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [UPLOAD_QUOTA_LOCK, user.userId]);
        const [{ used }] = await manager.query<{ used: string }[]>('SELECT coalesce(sum(size), 0) AS used FROM attachments WHERE uploaded_by = $1', [user.userId]);
        const quota = this.config.ATTACHMENT_QUOTA_BYTES_PER_USER;
        if (Number(used) + file.size > quota) {
          throw new ProblemException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            `Your uploads would exceed your quota of ${quota} bytes: ${Number(used)} bytes are used, this file has ${file.size}.`,
            { quotaBytes: quota, usedBytes: Number(used), errors: [{ field: 'file', message: 'exceeds the upload quota' }] },
          );
        }
        await this.storage.commit(file);
        await manager.getRepository(AttachmentEntity).insert(attachment);
      });
      return toView(attachment);
    } finally {
      await this.storage.discard(file.path);
    }
  }

  /** The attachment and its bytes, if this caller may read it; otherwise the same 404 whether it exists or not. */
  async open(id: string, viewer: UserActor): Promise<{ attachment: AttachmentView; stream: ReadStream }> {
    const attachment = await this.db.getRepository(AttachmentEntity).findOne({ where: { id } });
    if (!attachment || !(attachment.uploadedBy === viewer.userId || (await this.referencedInVisibleInspection(attachment, viewer)))) {
      throw problems.notFound('The attachment');
    }
    const stream = await this.storage.open(attachment.sha256);
    if (!stream) {
      this.logger.error(`attachment ${attachment.id}: its content ${attachment.sha256} is missing from ${this.storage.root}`);
      throw problems.unavailable('The attachment’s content is not available right now.');
    }
    return { attachment: toView(attachment), stream };
  }

  /**
   * Whether an inspection the viewer may see references the attachment in its evidence.
   *
   * Only inspections the uploader could have cited it in are looked at: evidence commands accept
   * the caller's own uploads only (InspectionCommands.evidence), findings come from the team
   * (`team_member_ids`) and action reports from the unit's head (`unit_id`). Of those, the ones
   * visible to the viewer (InspectionAccess: the same SQL as every list) are checked: first the folded
   * state in the projection (a jsonb path query over its findings and action reports), then, for
   * evidence an amendment has since replaced, that inspection's own evidence events, read through
   * the (stream_id, version) index. Never a scan of the event log; the cost grows with the
   * inspections of the uploader's team or unit, not with the log.
   */
  private async referencedInVisibleInspection(attachment: AttachmentEntity, viewer: UserActor): Promise<boolean> {
    const path = '$.** ? (@.attachmentId == $id)';
    const vars = 'jsonb_build_object(\'id\', CAST(:attachmentId AS text))';
    const q = this.db
      .getRepository(InspectionEntity)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .where(
        new Brackets((w) =>
          w
            .where(':uploader = ANY(i.team_member_ids)')
            .orWhere('i.unit_id = (SELECT u.unit_id FROM users u WHERE u.id = :uploader)'),
        ),
        { uploader: attachment.uploadedBy },
      )
      .andWhere(
        new Brackets((w) =>
          w.where(`jsonb_path_exists(i.state, '${path}', ${vars})`).orWhere(
            `EXISTS (SELECT 1 FROM events e WHERE e.stream_id = :inspectionStreamPrefix || i.id::text AND e.type IN (:...evidenceEvents)
               AND jsonb_path_exists(e.data, '${path}', ${vars}))`,
          ),
        ),
        { attachmentId: attachment.id, evidenceEvents: EVIDENCE_EVENTS, inspectionStreamPrefix: STREAM_PREFIX.inspection },
      )
      .limit(1);
    this.access.restrict(q, viewer);
    return (await q.getRawMany()).length > 0;
  }
}

function toView(a: AttachmentEntity): AttachmentView {
  return { id: a.id, sha256: a.sha256, size: Number(a.size), contentType: a.contentType, fileName: a.fileName };
}

/** A file name safe to store and to send back: no path, no control characters or quotes, at most 200 characters. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name in RFC 8187 form. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
