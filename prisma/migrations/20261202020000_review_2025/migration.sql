-- AlterTable
ALTER TABLE "person" ADD COLUMN "admitted_at" DATETIME;

-- AlterTable
ALTER TABLE "report_draft" ADD COLUMN "review_form" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cell_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "requested_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" DATETIME,
    "decided_by_id" TEXT,
    "ended_at" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "membership_cell_id_fkey" FOREIGN KEY ("cell_id") REFERENCES "cell" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "membership_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_membership" ("cell_id", "decided_at", "decided_by_id", "ended_at", "exempt", "id", "person_id", "requested_at", "role", "status", "version") SELECT "cell_id", "decided_at", "decided_by_id", "ended_at", "exempt", "id", "person_id", "requested_at", "role", "status", "version" FROM "membership";
DROP TABLE "membership";
ALTER TABLE "new_membership" RENAME TO "membership";
CREATE INDEX "membership_cell_id_status_id_idx" ON "membership"("cell_id", "status", "id");
CREATE UNIQUE INDEX "membership_cell_id_person_id_key" ON "membership"("cell_id", "person_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

