import { Controller, Get, HttpCode, HttpStatus, Param, Post, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { AnyRole, AuthenticatedUser, CurrentUser } from '../auth/access.decorators';
import { ApiProblems, binaryContent } from '../common/api-responses';
import { ProblemException, problems } from '../common/problem';
import { UuidParam } from '../common/uuid-param.pipe';
import { FingerprintedAfterUpload, UploadIdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ReceivedFile } from './attachment-storage';
import { ACCEPTED_LABELS, ACCEPTED_TYPES } from './content-type';
import { AttachmentView } from './attachment.view';
import { attachmentDisposition, AttachmentsService } from './attachments.service';
import { DiscardStagedUpload } from './discard-staged-upload.interceptor';

export const ATTACHMENT_FIELD = 'file';

/** What a download may be: the accepted types, as told from the content at upload (text as it was declared: plain or CSV). */
const ATTACHMENT_CONTENT_TYPES = [...new Set([...Object.values(ACCEPTED_TYPES).map((t) => t.contentType), ...ACCEPTED_TYPES.text.declaredAs])];

@ApiTags('Attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @AnyRole()
  // The file is received first, so that a repeated Idempotency-Key is checked against its bytes.
  @UseInterceptors(FileInterceptor(ATTACHMENT_FIELD), DiscardStagedUpload, UploadIdempotencyInterceptor)
  @FingerprintedAfterUpload()
  @ApiOperation({ summary: `Upload evidence: one file in the multipart field \`${ATTACHMENT_FIELD}\`. Accepted: ${ACCEPTED_LABELS}, told from the content.` })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [ATTACHMENT_FIELD], properties: { [ATTACHMENT_FIELD]: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentView })
  @ApiProblems(
    [400, 'No part named `file`, an empty file, or a malformed multipart body.'],
    [413, 'Larger than ATTACHMENT_MAX_BYTES (20 MiB by default), or over the uploader’s ATTACHMENT_QUOTA_BYTES_PER_USER in total (1 GiB by default).'],
    [415, 'Not multipart, not an accepted type, or the declared type does not match the content.'],
  )
  upload(@UploadedFile() file: ReceivedFile | undefined, @Req() request: Request, @CurrentUser() user: AuthenticatedUser): Promise<AttachmentView> {
    if (!file) {
      if (!request.is('multipart/form-data')) {
        throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, `Send the file as multipart/form-data, in a part named "${ATTACHMENT_FIELD}".`);
      }
      throw problems.badRequest(`The request has no file in a part named "${ATTACHMENT_FIELD}".`, [{ field: ATTACHMENT_FIELD, message: 'is required' }]);
    }
    return this.attachments.upload(file, user);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'The file’s bytes, for its uploader and whoever may see an inspection whose evidence references it.' })
  @ApiProduces(...ATTACHMENT_CONTENT_TYPES)
  @ApiOkResponse({ description: 'The bytes, with the stored content type, as an attachment (download).', content: binaryContent(...ATTACHMENT_CONTENT_TYPES) })
  @ApiProblems(400, [404, 'No such attachment, or not visible to the caller.'], [503, 'The attachment’s content is not available right now.'])
  async download(@Param('id', new UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.open(id, user);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    // Opened in a browser, the file can run nothing and reach nothing.
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(stream, { type: attachment.contentType, length: attachment.size, disposition: attachmentDisposition(attachment.fileName) });
  }
}
