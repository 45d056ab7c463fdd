-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WorkerHeartbeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "lastBeatAt" DATETIME NOT NULL,
    "openFds" INTEGER,
    "fdLimit" INTEGER,
    "fdErrors" INTEGER NOT NULL DEFAULT 0,
    "lastFdErrorAt" DATETIME
);
INSERT INTO "new_WorkerHeartbeat" ("hostname", "id", "lastBeatAt", "pid", "startedAt") SELECT "hostname", "id", "lastBeatAt", "pid", "startedAt" FROM "WorkerHeartbeat";
DROP TABLE "WorkerHeartbeat";
ALTER TABLE "new_WorkerHeartbeat" RENAME TO "WorkerHeartbeat";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

