import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764100000000-ChainGuards';

/**
 * Checklist templates as versioned data (issue 11, item 1). A template (`demo-2023`) has numbered
 * versions (`demo-2023.1`, `.2`…); a campaign records one and its findings name that version's
 * criteria, so a published version must never change: the app's role may not delete anything
 * here, and triggers refuse to change or remove a published version or any of its criteria even to
 * whoever could. A version is written as a draft (published_at NULL) with its criteria and
 * published by setting published_at in the same transaction; only published versions are read.
 *
 * Seeded here, not by the demo seeder, with the one version that was compiled into the code until
 * now: every existing campaign and inspection names `demo-2023.1`, so every database that may
 * hold them must know its criteria's names. (The criteria are copied, not imported, so this
 * migration keeps meaning what it meant when it ran.)
 */
export class ChecklistTemplates1796190000000 implements MigrationInterface {
  name = 'ChecklistTemplates1796190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE checklist_templates (
        key        text PRIMARY KEY CHECK (key ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid
      )`);
    await q.query(`
      CREATE TABLE checklist_versions (
        version      text PRIMARY KEY,
        template_key text NOT NULL REFERENCES checklist_templates (key),
        number       integer NOT NULL CHECK (number >= 1),
        title        text NOT NULL CHECK (title <> ''),
        published_at timestamptz,
        published_by uuid,
        CONSTRAINT checklist_versions_number_unique UNIQUE (template_key, number),
        CONSTRAINT checklist_versions_name CHECK (version = template_key || '.' || number)
      )`);
    await q.query(`
      CREATE TABLE checklist_criteria (
        version  text NOT NULL REFERENCES checklist_versions (version),
        position integer NOT NULL CHECK (position >= 0),
        code     text NOT NULL CHECK (code <> '' AND length(code) <= 40),
        name_vi  text NOT NULL CHECK (name_vi <> ''),
        name_en  text NOT NULL CHECK (name_en <> ''),
        group_vi text NOT NULL CHECK (group_vi <> ''),
        group_en text NOT NULL CHECK (group_en <> ''),
        PRIMARY KEY (version, position),
        CONSTRAINT checklist_criteria_code_unique UNIQUE (version, code)
      )`);
    await q.query(`
      CREATE FUNCTION checklist_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.published_at IS NOT NULL THEN
            RAISE EXCEPTION 'checklist version % must be written as a draft, then published with its criteria', NEW.version USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF OLD.published_at IS NOT NULL THEN
          RAISE EXCEPTION 'checklist version % is published: it never changes (% refused)', OLD.version, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        IF NEW.version <> OLD.version OR NEW.template_key <> OLD.template_key OR NEW.number <> OLD.number THEN
          RAISE EXCEPTION 'checklist version % cannot be renamed', OLD.version USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.published_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM checklist_criteria WHERE version = NEW.version) THEN
          RAISE EXCEPTION 'checklist version % has no criteria and cannot be published', NEW.version USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION checklist_criterion_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target text := CASE WHEN TG_OP = 'DELETE' THEN OLD.version ELSE NEW.version END;
      BEGIN
        IF EXISTS (SELECT 1 FROM checklist_versions WHERE version = target AND published_at IS NOT NULL)
           OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM checklist_versions WHERE version = OLD.version AND published_at IS NOT NULL)) THEN
          RAISE EXCEPTION 'checklist version % is published: its criteria never change (% refused)', target, TG_OP USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER checklist_versions_guard BEFORE INSERT OR UPDATE OR DELETE ON checklist_versions FOR EACH ROW EXECUTE FUNCTION checklist_version_guard()`);
    await q.query(`CREATE TRIGGER checklist_criteria_guard BEFORE INSERT OR UPDATE OR DELETE ON checklist_criteria FOR EACH ROW EXECUTE FUNCTION checklist_criterion_guard()`);
    for (const table of ['checklist_templates', 'checklist_versions', 'checklist_criteria']) {
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only()`);
      await q.query(`REVOKE ALL ON ${table} FROM PUBLIC`);
      // No DELETE: nothing here is ever removed. UPDATE only publishes a draft (the triggers).
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO ${APP_ROLE}`);
    }
    await q.query(`CREATE INDEX checklist_versions_newest ON checklist_versions (published_at DESC, version) WHERE published_at IS NOT NULL`);

    await q.query(`INSERT INTO checklist_templates (key) VALUES ('demo-2023')`);
    await q.query(`INSERT INTO checklist_versions (version, template_key, number, title) VALUES ('demo-2023.1', 'demo-2023', 1, $1)`, [DEMO_TITLE]);
    for (const [position, c] of DEMO_CRITERIA.entries()) {
      await q.query(
        `INSERT INTO checklist_criteria (version, position, code, name_vi, name_en, group_vi, group_en) VALUES ('demo-2023.1', $1, $2, $3, $4, $5, $6)`,
        [position, c[0], c[1], c[2], GROUPS[c[3]][0], GROUPS[c[3]][1]],
      );
    }
    await q.query(`UPDATE checklist_versions SET published_at = now() WHERE version = 'demo-2023.1'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE checklist_criteria`);
    await q.query(`DROP TABLE checklist_versions`);
    await q.query(`DROP TABLE checklist_templates`);
    await q.query(`DROP FUNCTION checklist_criterion_guard()`);
    await q.query(`DROP FUNCTION checklist_version_guard()`);
  }
}

const DEMO_TITLE = 'Kiểm tra công vụ, quy tắc ứng xử (mẫu minh hoạ)';

const GROUPS: Record<string, [string, string]> = {
  LD: ['Trách nhiệm người đứng đầu', 'Leadership of the head'],
  KL: ['Kỷ luật, kỷ cương hành chính', 'Discipline'],
  UX: ['Quy tắc ứng xử', 'Conduct'],
  TT: ['Thủ tục hành chính', 'Administrative procedures'],
  VH: ['Văn hoá công sở', 'Public-office culture'],
  TS: ['Tài sản công', 'Public assets'],
};

/** code, Vietnamese name, English name, group. */
const DEMO_CRITERIA: [string, string, string, string][] = [
  ['LD-01', 'Người đứng đầu chỉ đạo, giám sát, theo dõi việc thực hiện nhiệm vụ của đơn vị', "The head directs, supervises and tracks the unit's assigned tasks", 'LD'],
  ['LD-02', 'Trách nhiệm người đứng đầu trong công tác cải cách hành chính', "The head's accountability for administrative reform in the unit", 'LD'],
  ['KL-01', 'Chấp hành kỷ luật, kỷ cương giờ làm việc', 'Discipline in working hours', 'KL'],
  ['KL-02', 'Đeo thẻ công chức, trang phục theo quy định', 'Name badge and attire as required', 'KL'],
  ['UX-01', 'Ứng xử với người dân, doanh nghiệp', 'Conduct toward citizens and businesses', 'UX'],
  ['UX-02', 'Ứng xử với đồng nghiệp', 'Conduct among colleagues', 'UX'],
  ['TT-01', 'Tiếp nhận, giải quyết thủ tục hành chính đúng hạn', 'Administrative procedures received and resolved on time', 'TT'],
  ['TT-02', 'Hướng dẫn dịch vụ công trực tuyến, hệ thống một cửa điện tử', 'Guidance for online public services and the electronic one-stop system', 'TT'],
  ['VH-01', 'Văn hoá công sở: trật tự, niêm yết nội quy, không hút thuốc, uống rượu bia trong giờ làm việc', 'Public-office culture: office order, posted rules, no smoking or alcohol at work', 'VH'],
  ['TS-01', 'Không sử dụng tài sản công, thời gian làm việc vào việc riêng', 'Public assets and working time not used for private purposes', 'TS'],
];
