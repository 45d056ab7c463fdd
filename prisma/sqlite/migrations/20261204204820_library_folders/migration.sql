-- CreateTable
CREATE TABLE "LibraryFolder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "libraryId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LibraryFolder_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Each existing library's one path becomes its first folder (before the column goes).
INSERT INTO "LibraryFolder" ("id", "libraryId", "path", "createdAt")
SELECT 'folder_' || "id", "id", "path", "createdAt" FROM "Library";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Library" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "scanIntervalMinutes" INTEGER,
    "sortedType" TEXT,
    "lastScanAt" DATETIME,
    "scanStatus" TEXT NOT NULL DEFAULT 'idle',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "watchStatus" TEXT,
    "scanRequestedAt" DATETIME
);
INSERT INTO "new_Library" ("createdAt", "id", "lastScanAt", "name", "scanRequestedAt", "scanStatus", "type", "updatedAt", "watchStatus") SELECT "createdAt", "id", "lastScanAt", "name", "scanRequestedAt", "scanStatus", "type", "updatedAt", "watchStatus" FROM "Library";
DROP TABLE "Library";
ALTER TABLE "new_Library" RENAME TO "Library";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LibraryFolder_path_key" ON "LibraryFolder"("path");

-- CreateIndex
CREATE INDEX "LibraryFolder_libraryId_idx" ON "LibraryFolder"("libraryId");

