-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "email" TEXT,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT,
    "avatar" TEXT,
    "role" TEXT NOT NULL DEFAULT 'user',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "canUpload" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("active", "avatar", "createdAt", "demo", "disabled", "email", "id", "name", "passwordHash", "role", "updatedAt", "username") SELECT "active", "avatar", "createdAt", "demo", "disabled", "email", "id", "name", "passwordHash", "role", "updatedAt", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
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
    "scanRequestedAt" DATETIME,
    "renditionLadder" TEXT NOT NULL DEFAULT 'off'
);
INSERT INTO "new_Library" ("createdAt", "id", "lastScanAt", "name", "scanIntervalMinutes", "scanRequestedAt", "scanStatus", "sortedType", "type", "updatedAt", "watchStatus") SELECT "createdAt", "id", "lastScanAt", "name", "scanIntervalMinutes", "scanRequestedAt", "scanStatus", "sortedType", "type", "updatedAt", "watchStatus" FROM "Library";
DROP TABLE "Library";
ALTER TABLE "new_Library" RENAME TO "Library";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

