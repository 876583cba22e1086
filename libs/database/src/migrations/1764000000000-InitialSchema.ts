import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: the append-only event log, the read model it feeds, the directory of units
 * and users, attachments and idempotency records. Reviewed SQL, not generated at run time.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        position     bigint PRIMARY KEY,
        id           uuid NOT NULL,
        stream_id    text NOT NULL,
        stream_type  text NOT NULL,
        version      integer NOT NULL,
        type         text NOT NULL,
        data         jsonb NOT NULL,
        actor        jsonb NOT NULL,
        metadata     jsonb NOT NULL,
        occurred_at  timestamptz NOT NULL,
        recorded_at  timestamptz NOT NULL,
        prev_hash    text,
        hash         text NOT NULL,
        CONSTRAINT events_id_key UNIQUE (id),
        CONSTRAINT events_version_positive CHECK (version > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX events_stream_version_key ON events (stream_id, version)`);
    await q.query(`CREATE INDEX events_occurred_at_idx ON events (occurred_at)`);
    // The log is append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE.
    await q.query(`
      CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the event log is append-only: % refused on events', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_refuse_change()`);
    await q.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change()`);

    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('department', 'commune', 'town', 'public_service_unit')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_code_key UNIQUE (code)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'inspector', 'lead_inspector', 'unit_head', 'chairman')),
        unit_id uuid REFERENCES units (id),
        password_hash text NOT NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_username_key UNIQUE (username),
        CONSTRAINT users_unit_head_has_unit CHECK ((role = 'unit_head') = (unit_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX users_unit_idx ON users (unit_id)`);

    await q.query(`
      CREATE TABLE campaigns (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        year integer NOT NULL,
        legal_basis text NOT NULL,
        lead_inspector_id uuid NOT NULL,
        inspector_ids uuid[] NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        version integer NOT NULL,
        state jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX campaigns_year_idx ON campaigns (year, created_at)`);
    await q.query(`
      CREATE TABLE campaign_progress (
        campaign_id uuid PRIMARY KEY,
        planned integer NOT NULL,
        in_progress integer NOT NULL,
        closed integer NOT NULL,
        cancelled integer NOT NULL,
        cancelled_before_visit integer NOT NULL,
        total integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY,
        campaign_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        year integer NOT NULL,
        status text NOT NULL,
        lead_inspector_id uuid NOT NULL,
        team_member_ids uuid[] NOT NULL,
        follow_up_of uuid,
        planned_at timestamptz NOT NULL,
        window_opens_at timestamptz NOT NULL,
        window_closes_at timestamptz NOT NULL,
        window_missed boolean NOT NULL,
        started_at timestamptz,
        visit_ended_at timestamptz,
        conclusion_due_at timestamptz,
        conclusion_overdue boolean NOT NULL,
        submitted_at timestamptz,
        approved_at timestamptz,
        rating text,
        response_due_at timestamptz,
        response_submitted_at timestamptz,
        response_late boolean,
        response_overdue boolean NOT NULL,
        closed_at timestamptz,
        cancelled_at timestamptz,
        findings_count integer NOT NULL,
        open_findings_count integer NOT NULL,
        version integer NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX inspections_campaign_idx ON inspections (campaign_id)`);
    await q.query(`CREATE INDEX inspections_unit_year_idx ON inspections (unit_id, year)`);
    await q.query(`CREATE INDEX inspections_year_status_idx ON inspections (year, status)`);
    await q.query(`
      CREATE TABLE findings (
        id uuid PRIMARY KEY,
        inspection_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        year integer NOT NULL,
        criterion_code text NOT NULL,
        severity text NOT NULL,
        status text NOT NULL,
        dispute text,
        requires_action boolean NOT NULL,
        open boolean NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX findings_inspection_idx ON findings (inspection_id)`);
    await q.query(`CREATE INDEX findings_year_unit_idx ON findings (year, unit_id)`);
    await q.query(`
      CREATE TABLE corrective_actions (
        id uuid PRIMARY KEY,
        inspection_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        year integer NOT NULL,
        finding_id uuid NOT NULL,
        status text NOT NULL,
        owner text NOT NULL,
        due_at timestamptz NOT NULL,
        overdue boolean NOT NULL,
        rejections integer NOT NULL,
        planned_at timestamptz NOT NULL,
        reported_at timestamptz,
        verified_at timestamptz
      )`);
    await q.query(`CREATE INDEX corrective_actions_inspection_idx ON corrective_actions (inspection_id)`);
    await q.query(`CREATE INDEX corrective_actions_year_unit_idx ON corrective_actions (year, unit_id)`);
    await q.query(`CREATE INDEX corrective_actions_due_idx ON corrective_actions (status, due_at)`);
    await q.query(`
      CREATE TABLE accountability_cases (
        id uuid PRIMARY KEY,
        inspection_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        year integer NOT NULL,
        reason text NOT NULL,
        status text NOT NULL,
        outcome text,
        note text,
        action_id uuid,
        opened_at timestamptz NOT NULL,
        decided_at timestamptz
      )`);
    await q.query(`CREATE INDEX accountability_cases_status_idx ON accountability_cases (status, opened_at)`);
    await q.query(`CREATE INDEX accountability_cases_unit_idx ON accountability_cases (unit_id)`);
    await q.query(`CREATE INDEX accountability_cases_inspection_idx ON accountability_cases (inspection_id)`);
    await q.query(`
      CREATE TABLE notifications (
        id text PRIMARY KEY,
        event_id uuid NOT NULL,
        event_position bigint NOT NULL,
        inspection_id uuid NOT NULL,
        recipient_user_id uuid,
        recipient_role text,
        recipient_unit_id uuid,
        kind text NOT NULL,
        topic text NOT NULL,
        message text NOT NULL,
        message_vi text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (recipient_user_id, created_at)`);
    await q.query(`CREATE INDEX notifications_role_unit_idx ON notifications (recipient_role, recipient_unit_id, created_at)`);
    await q.query(`
      CREATE TABLE notification_reads (
        notification_id text NOT NULL,
        user_id uuid NOT NULL,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (notification_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE unit_scorecards (
        unit_id uuid NOT NULL,
        year integer NOT NULL,
        inspections integer NOT NULL,
        closed integer NOT NULL,
        findings integer NOT NULL,
        open_findings integer NOT NULL,
        critical_findings integer NOT NULL,
        actions_total integer NOT NULL,
        actions_verified integer NOT NULL,
        actions_overdue integer NOT NULL,
        responses_on_time integer NOT NULL,
        responses_due integer NOT NULL,
        accountability_cases integer NOT NULL,
        latest_rating text,
        PRIMARY KEY (unit_id, year)
      )`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        sha256 text NOT NULL,
        size bigint NOT NULL,
        content_type text NOT NULL,
        file_name text NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_sha256_idx ON attachments (sha256)`);
    await q.query(`
      CREATE TABLE idempotency_records (
        user_id uuid NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status_code integer NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_records',
      'attachments',
      'unit_scorecards',
      'notification_reads',
      'notifications',
      'accountability_cases',
      'corrective_actions',
      'findings',
      'inspections',
      'campaign_progress',
      'campaigns',
      'users',
      'units',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION events_refuse_change()`);
  }
}
