-- AlterTable
ALTER TABLE "outbox_message" ADD COLUMN "deferred_from" DATETIME;

-- CreateIndex
CREATE INDEX "outbox_message_cell_id_status_idx" ON "outbox_message"("cell_id", "status");

