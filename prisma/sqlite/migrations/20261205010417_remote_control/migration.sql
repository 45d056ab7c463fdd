-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "connectionId" TEXT,
    "state" JSONB,
    "capabilities" JSONB,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Device_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceCommand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deviceId" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "args" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DeviceCommand_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StreamSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'starting',
    "error" TEXT,
    "requestedSegment" INTEGER NOT NULL DEFAULT 0,
    "lastRequestAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jobId" TEXT,
    "deviceId" TEXT,
    "speed" REAL,
    "cpuPercent" REAL,
    "endReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    CONSTRAINT "StreamSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StreamSession_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StreamSession_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StreamSession" ("createdAt", "endedAt", "error", "fileId", "id", "jobId", "key", "lastRequestAt", "mode", "plan", "requestedSegment", "status", "userId") SELECT "createdAt", "endedAt", "error", "fileId", "id", "jobId", "key", "lastRequestAt", "mode", "plan", "requestedSegment", "status", "userId" FROM "StreamSession";
DROP TABLE "StreamSession";
ALTER TABLE "new_StreamSession" RENAME TO "StreamSession";
CREATE UNIQUE INDEX "StreamSession_key_key" ON "StreamSession"("key");
CREATE INDEX "StreamSession_userId_idx" ON "StreamSession"("userId");
CREATE INDEX "StreamSession_status_idx" ON "StreamSession"("status");
CREATE INDEX "StreamSession_deviceId_idx" ON "StreamSession"("deviceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Device_userId_lastSeenAt_idx" ON "Device"("userId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "DeviceCommand_deviceId_status_idx" ON "DeviceCommand"("deviceId", "status");

