-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProxyKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'licensed',
    "keyHash" TEXT NOT NULL,
    "preview" TEXT NOT NULL,
    "pinHash" TEXT,
    "rateLimit" INTEGER NOT NULL,
    "burst" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" DATETIME,
    "totalRequests" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProxyKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProxyKey" ("active", "burst", "createdAt", "description", "expiresAt", "id", "keyHash", "kind", "lastUsedAt", "name", "pinHash", "preview", "rateLimit", "totalRequests", "updatedAt") SELECT "active", "burst", "createdAt", "description", "expiresAt", "id", "keyHash", "kind", "lastUsedAt", "name", "pinHash", "preview", "rateLimit", "totalRequests", "updatedAt" FROM "ProxyKey";
DROP TABLE "ProxyKey";
ALTER TABLE "new_ProxyKey" RENAME TO "ProxyKey";
CREATE UNIQUE INDEX "ProxyKey_keyHash_key" ON "ProxyKey"("keyHash");
CREATE INDEX "ProxyKey_name_idx" ON "ProxyKey"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

