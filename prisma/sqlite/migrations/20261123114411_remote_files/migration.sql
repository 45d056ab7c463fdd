-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MediaFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "libraryId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'local',
    "size" BIGINT NOT NULL,
    "mtimeMs" BIGINT NOT NULL,
    "inode" TEXT,
    "headTailHash" TEXT,
    "mediaInfo" JSONB,
    "probeError" TEXT,
    "probedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "missingSince" DATETIME,
    "itemId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaFile_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MediaFile_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MediaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MediaFile" ("createdAt", "headTailHash", "id", "inode", "itemId", "libraryId", "mediaInfo", "missingSince", "mtimeMs", "path", "probeError", "probedAt", "size", "status", "updatedAt") SELECT "createdAt", "headTailHash", "id", "inode", "itemId", "libraryId", "mediaInfo", "missingSince", "mtimeMs", "path", "probeError", "probedAt", "size", "status", "updatedAt" FROM "MediaFile";
DROP TABLE "MediaFile";
ALTER TABLE "new_MediaFile" RENAME TO "MediaFile";
CREATE UNIQUE INDEX "MediaFile_path_key" ON "MediaFile"("path");
CREATE INDEX "MediaFile_libraryId_status_idx" ON "MediaFile"("libraryId", "status");
CREATE INDEX "MediaFile_itemId_idx" ON "MediaFile"("itemId");
CREATE INDEX "MediaFile_inode_idx" ON "MediaFile"("inode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

