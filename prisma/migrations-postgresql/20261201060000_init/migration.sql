-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "meeting_rule" (
    "id" TEXT NOT NULL,
    "cell_id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "place" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" TEXT NOT NULL,
    "cell_id" TEXT NOT NULL,
    "rule_id" TEXT,
    "occurrence" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT,
    "topic" TEXT,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "place" TEXT,
    "agenda" TEXT,
    "preparation" TEXT,
    "documents" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "version" INTEGER NOT NULL DEFAULT 1,
    "notes" TEXT,
    "ended_at" TIMESTAMP(3),
    "chair_name" TEXT,
    "recorder_name" TEXT,
    "attendance_recorded_at" TIMESTAMP(3),
    "attendance_recorded_by_id" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_response" (
    "meeting_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "reason" TEXT,
    "reason_text" TEXT,
    "entered_by_id" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_response_pkey" PRIMARY KEY ("meeting_id","person_id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "meeting_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("meeting_id","person_id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" TEXT NOT NULL,
    "full_name" TEXT,
    "party_status" TEXT,
    "category" TEXT,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "active_cell_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "preferred_platform" TEXT,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "unreachable" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cell" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parent_committee" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminder_offsets" TEXT NOT NULL DEFAULT '[4320,1440,120]',
    "summary_offset" INTEGER NOT NULL DEFAULT 120,
    "quiet_start" TEXT NOT NULL DEFAULT '21:30',
    "quiet_end" TEXT NOT NULL DEFAULT '06:30',

    CONSTRAINT "cell_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" TEXT NOT NULL,
    "cell_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),
    "decided_by_id" TEXT,
    "ended_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invite" (
    "id" TEXT NOT NULL,
    "cell_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "cell_id" TEXT,
    "actor_person_id" TEXT,
    "action" TEXT NOT NULL,
    "target_person_id" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dialogue_state" (
    "person_id" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dialogue_state_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "inbound_dedup" (
    "platform" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" TEXT,
    "handled_at" TIMESTAMP(3),

    CONSTRAINT "inbound_dedup_pkey" PRIMARY KEY ("platform","message_id")
);

-- CreateTable
CREATE TABLE "choice_memory" (
    "platform" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "choice_memory_pkey" PRIMARY KEY ("platform","chat_id")
);

-- CreateTable
CREATE TABLE "link_code" (
    "code" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "link_code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "cell_id" TEXT,
    "subject_id" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "due_at" TIMESTAMP(3) NOT NULL,
    "deferred_from" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_worker" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "heartbeat_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbox_worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_round" (
    "id" TEXT NOT NULL,
    "cell_id" TEXT NOT NULL,
    "template_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "categories" TEXT,
    "include_exempt" BOOLEAN NOT NULL DEFAULT false,
    "meeting_id" TEXT,
    "reminder_offsets" TEXT NOT NULL DEFAULT '[4320,1440]',
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "report_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_draft" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "state" TEXT,
    "follow_up_text" TEXT,
    "follow_up_version_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "last_edited_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "report_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_version" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "template_id" TEXT NOT NULL,
    "template_version" INTEGER NOT NULL,
    "entered_by_id" TEXT NOT NULL,
    "proxy" BOOLEAN NOT NULL DEFAULT false,
    "submitted_at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "return_comment" TEXT,
    "withdrawn_at" TIMESTAMP(3),

    CONSTRAINT "report_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_rule_cell_id_active_idx" ON "meeting_rule"("cell_id", "active");

-- CreateIndex
CREATE INDEX "meeting_cell_id_starts_at_idx" ON "meeting"("cell_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_rule_id_occurrence_key" ON "meeting"("rule_id", "occurrence");

-- CreateIndex
CREATE INDEX "attendance_person_id_idx" ON "attendance"("person_id");

-- CreateIndex
CREATE INDEX "identity_person_id_idx" ON "identity"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "identity_platform_user_id_key" ON "identity"("platform", "user_id");

-- CreateIndex
CREATE INDEX "membership_cell_id_status_id_idx" ON "membership"("cell_id", "status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_cell_id_person_id_key" ON "membership"("cell_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "invite_code_key" ON "invite"("code");

-- CreateIndex
CREATE INDEX "invite_cell_id_idx" ON "invite"("cell_id");

-- CreateIndex
CREATE INDEX "audit_log_cell_id_at_idx" ON "audit_log"("cell_id", "at");

-- CreateIndex
CREATE INDEX "inbound_dedup_received_at_idx" ON "inbound_dedup"("received_at");

-- CreateIndex
CREATE INDEX "inbound_dedup_platform_handled_at_idx" ON "inbound_dedup"("platform", "handled_at");

-- CreateIndex
CREATE INDEX "link_code_person_id_idx" ON "link_code"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_key_key" ON "outbox_message"("key");

-- CreateIndex
CREATE INDEX "outbox_message_status_due_at_idx" ON "outbox_message"("status", "due_at");

-- CreateIndex
CREATE INDEX "outbox_message_subject_id_status_idx" ON "outbox_message"("subject_id", "status");

-- CreateIndex
CREATE INDEX "outbox_message_subject_id_person_id_idx" ON "outbox_message"("subject_id", "person_id");

-- CreateIndex
CREATE INDEX "outbox_message_cell_id_status_idx" ON "outbox_message"("cell_id", "status");

-- CreateIndex
CREATE INDEX "report_round_cell_id_status_idx" ON "report_round"("cell_id", "status");

-- CreateIndex
CREATE INDEX "report_draft_person_id_status_idx" ON "report_draft"("person_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "report_draft_round_id_person_id_key" ON "report_draft"("round_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_version_draft_id_number_key" ON "report_version"("draft_id", "number");

-- AddForeignKey
ALTER TABLE "meeting_rule" ADD CONSTRAINT "meeting_rule_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "meeting_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_response" ADD CONSTRAINT "meeting_response_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_response" ADD CONSTRAINT "meeting_response_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity" ADD CONSTRAINT "identity_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite" ADD CONSTRAINT "invite_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dialogue_state" ADD CONSTRAINT "dialogue_state_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_code" ADD CONSTRAINT "link_code_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_round" ADD CONSTRAINT "report_round_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_draft" ADD CONSTRAINT "report_draft_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "report_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_draft" ADD CONSTRAINT "report_draft_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_version" ADD CONSTRAINT "report_version_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "report_draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

