-- DropIndex
DROP INDEX "membership_cell_id_status_idx";

-- CreateIndex
CREATE INDEX "membership_cell_id_status_id_idx" ON "membership"("cell_id", "status", "id");

-- CreateIndex
CREATE INDEX "outbox_message_subject_id_person_id_idx" ON "outbox_message"("subject_id", "person_id");

